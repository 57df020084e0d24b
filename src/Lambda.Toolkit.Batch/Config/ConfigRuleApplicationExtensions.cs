using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Events.Config;

namespace Lambda.Toolkit.Batch.Config;

/// <summary>
/// Maps AWS Config custom Lambda rules. The handler gets a <see cref="ConfigRuleRequest"/> (the typed invoking event,
/// the rule parameters, the result token) and returns its <see cref="ConfigEvaluation"/>s. Config learns of them only
/// through its <c>PutEvaluations</c> API, called with the event's <c>resultToken</c>: set
/// <see cref="ConfigRuleOptions.PutEvaluations"/> to make that call (the toolkit does not reference AWSSDK.ConfigService),
/// or call it in the handler. The evaluations are also the function's response,
/// <c>{"resultToken":"...","evaluations":[{"complianceResourceType","complianceResourceId","complianceType","orderingTimestamp","annotation"}]}</c>,
/// which Config ignores and a caller or test can read.
/// <para>
/// A resource that left the rule's scope or was deleted is answered <c>NOT_APPLICABLE</c> without calling the handler,
/// unless <see cref="ConfigRuleOptions.HandleResourcesOutOfScope"/> is set. An invoking event or rule parameters that are
/// not valid JSON, an unknown <c>messageType</c> or a missing <c>resultToken</c> (when delivering) fail the invocation as
/// <see cref="LambdaErrorTypes.InvalidEvent"/> naming the field; a handler's exception (an annotation over 256
/// characters, <c>INSUFFICIENT_DATA</c>) fails it with its own error type; the evaluation is then not delivered.
/// </para>
/// </summary>
public static class ConfigRuleApplicationExtensions
{
    /// <summary>Maps a Config rule whose parameters are read as a string dictionary (<see cref="ConfigRuleRequest.RuleParameters"/>).</summary>
    /// <param name="app">The application.</param>
    /// <param name="handler">Evaluates one invocation; returns its evaluations (an empty list for none).</param>
    /// <param name="configure">Delivery (<see cref="ConfigRuleOptions.PutEvaluations"/>) and out-of-scope handling.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapConfigRule(
        this LambdaApplication app,
        Func<ConfigRuleRequest, CancellationToken, ValueTask<IReadOnlyList<ConfigEvaluation>>> handler,
        Action<ConfigRuleOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(handler);
        return app.MapAdapter(new ConfigRuleAdapter(handler, parametersAsDictionary: true, configure));
    }

    /// <summary>Maps a Config rule whose parameters are bound as <typeparamref name="TParameters"/> before the handler runs.</summary>
    /// <typeparam name="TParameters">The rule parameters' type.</typeparam>
    /// <param name="app">The application.</param>
    /// <param name="parametersType">Source-generated metadata for <typeparamref name="TParameters"/>; no parameters reads as <c>{}</c>.</param>
    /// <param name="handler">Evaluates one invocation; returns its evaluations (an empty list for none).</param>
    /// <param name="configure">Delivery (<see cref="ConfigRuleOptions.PutEvaluations"/>) and out-of-scope handling.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapConfigRule<TParameters>(
        this LambdaApplication app,
        JsonTypeInfo<TParameters> parametersType,
        Func<ConfigRuleRequest, TParameters, CancellationToken, ValueTask<IReadOnlyList<ConfigEvaluation>>> handler,
        Action<ConfigRuleOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(parametersType);
        ArgumentNullException.ThrowIfNull(handler);
        return app.MapAdapter(new ConfigRuleAdapter(
            (request, ct) => handler(request, Bind(request.Event, parametersType), ct),
            parametersAsDictionary: false,
            configure));
    }

    private static TParameters Bind<TParameters>(ConfigRuleEvent @event, JsonTypeInfo<TParameters> parametersType)
    {
        try
        {
            return @event.ParseRuleParameters(parametersType);
        }
        catch (Events.EventDeserializationException ex)
        {
            throw new InvalidEventException(typeof(ConfigRuleEvent), ex.Message, ex) { JsonPath = ex.JsonPath };
        }
    }
}
