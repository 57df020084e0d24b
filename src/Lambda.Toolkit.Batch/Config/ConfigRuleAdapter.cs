using Lambda.Toolkit.Adapters;
using Lambda.Toolkit.Batch.Processing;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Config;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lambda.Toolkit.Batch.Config;

/// <summary>
/// The AWS Config custom rule adapter, on the public adapter contract. A Config event is one rule evaluation, not a
/// batch: the event is read, its invoking event parsed (bad input fails the invocation as
/// <see cref="LambdaErrorTypes.InvalidEvent"/>), an out-of-scope or deleted resource answered <c>NOT_APPLICABLE</c>
/// unless the handler asked to see it, the handler run in the invocation's scope, the evaluations delivered through
/// <see cref="ConfigRuleOptions.PutEvaluations"/> in calls of at most 100, and written as the response.
/// </summary>
/// <param name="handler">Evaluates one invocation; receives the request (rule parameters already checked).</param>
/// <param name="parametersAsDictionary">Whether to check the rule parameters as a dictionary before the handler runs (a typed handler binds them itself).</param>
/// <param name="configure">The user's options.</param>
internal sealed partial class ConfigRuleAdapter(
    Func<ConfigRuleRequest, CancellationToken, ValueTask<IReadOnlyList<ConfigEvaluation>>> handler,
    bool parametersAsDictionary,
    Action<ConfigRuleOptions>? configure) : LambdaAdapter
{
    public override string Name => "Config";

    public override bool Accepts(InvocationContext context) =>
        context.Classify(EventSourceClassifier.Instance) == EventSource.Config;

    public override InvocationDelegate? Build(PipelineBuildContext context)
    {
        var options = new ConfigRuleOptions();
        configure?.Invoke(options);
        var scopes = context.Services.GetRequiredService<IServiceScopeFactory>();
        var logger = context.CreateLogger("Lambda.Toolkit.Batch.Config");
        var handleOutOfScope = options.HandleResourcesOutOfScope;
        var putEvaluations = options.PutEvaluations;
        return async invocation =>
        {
            var @event = EventReader.Read(invocation.Payload.Span, ConfigJsonContext.Default.ConfigRuleEvent);
            var scope = scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var request = new ConfigRuleRequest(@event, invocation, scope.ServiceProvider);
                IReadOnlyList<ConfigEvaluation> evaluations;
                if (request.IsOutOfScope && !handleOutOfScope)
                {
                    LogNotApplicable(logger, @event.ConfigRuleName, request.ResourceType, request.ResourceId);
                    evaluations = [request.Evaluate(ConfigComplianceType.NotApplicable)];
                }
                else
                {
                    if (parametersAsDictionary)
                    {
                        _ = request.RuleParameters;
                    }

                    evaluations = await handler(request, invocation.CancellationToken).ConfigureAwait(false)
                        ?? throw new InvalidOperationException("The Config rule handler returned null instead of its evaluations (return an empty list for none).");
                    for (var i = 0; i < evaluations.Count; i++)
                    {
                        if (evaluations[i] is null)
                        {
                            throw new InvalidOperationException($"The Config rule handler returned a null evaluation at index {i}.");
                        }
                    }
                }

                if (putEvaluations is not null)
                {
                    await DeliverAsync(putEvaluations, request, evaluations, invocation.CancellationToken).ConfigureAwait(false);
                }

                invocation.Response.SetJson(
                    new ConfigRuleResponse { ResultToken = @event.ResultToken, Evaluations = evaluations as IList<ConfigEvaluation> ?? [.. evaluations] },
                    ConfigJsonContext.Default.ConfigRuleResponse);
            }
        };
    }

    private static async ValueTask DeliverAsync(
        Func<ConfigEvaluationDelivery, CancellationToken, ValueTask> putEvaluations, ConfigRuleRequest request, IReadOnlyList<ConfigEvaluation> evaluations, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.ResultToken))
        {
            throw new InvalidEventException(typeof(ConfigRuleEvent), "The event is not a valid ConfigRuleEvent at $.resultToken: the resultToken is missing, and PutEvaluations requires it.") { JsonPath = "$.resultToken" };
        }

        var offset = 0;
        do
        {
            var count = Math.Min(ConfigEvaluationDelivery.MaxEvaluationsPerCall, evaluations.Count - offset);
            var chunk = new ConfigEvaluation[count];
            for (var i = 0; i < count; i++)
            {
                chunk[i] = evaluations[offset + i];
            }

            await putEvaluations(new ConfigEvaluationDelivery(request.ResultToken, chunk, request), cancellationToken).ConfigureAwait(false);
            offset += count;
        }
        while (offset < evaluations.Count);
    }

    [LoggerMessage(EventId = 130, Level = LogLevel.Information, Message = "Config rule {RuleName}: {ResourceType} {ResourceId} left the rule's scope or was deleted; answered NOT_APPLICABLE without calling the handler")]
    private static partial void LogNotApplicable(ILogger logger, string? ruleName, string? resourceType, string? resourceId);
}
