using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Adapters;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.CloudFormation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lambda.Toolkit.Triggers.CloudFormation;

/// <summary>
/// The custom resource adapter: binds the request, runs the handler for its request type against a deadline of its
/// own, and uploads exactly one response (<c>SUCCESS</c> or <c>FAILED</c>) to the request's <c>ResponseURL</c>.
/// </summary>
/// <remarks>
/// <para>
/// The handler runs on the thread pool and its token fires <see cref="CustomResourceOptions.ResponseReserve"/> before
/// the deadline (or when the invocation's own token fires, if earlier). At that moment <c>FAILED</c> is decided and
/// uploaded; the handler's later result is never looked at, so no second response can be sent. The adapter then
/// waits for the handler so its scoped services stay alive; if it is still running when the invocation is abandoned,
/// the invocation reports a timeout (the stack already has its answer).
/// </para>
/// <para>
/// Once a response is delivered, the invocation succeeds even when that response is <c>FAILED</c> because the
/// handler threw: the failure is logged, and Lambda's retry of a failed asynchronous invocation would only run the
/// handler again for a request CloudFormation has already been answered. Bad input (an unknown request type,
/// properties that do not bind) is answered <c>FAILED</c> and then fails the invocation as an invalid event. A
/// response that cannot be uploaded fails the invocation with <see cref="CustomResourceErrorTypes.ResponseNotDelivered"/>.
/// </para>
/// </remarks>
internal sealed partial class CustomResourceAdapter<TProperties>(
    JsonTypeInfo<TProperties> propertiesType,
    Func<PipelineBuildContext, Func<CustomResourceRequest<TProperties>, CancellationToken, ValueTask<CustomResourceResult>>?> handler,
    Action<CustomResourceOptions>? configure) : LambdaAdapter
{
    private const string Supported = "Create, Update or Delete";

    public override string Name => "CloudFormation custom resource";

    public override bool Accepts(InvocationContext context) => context.Classify(CustomResourceClassifier.Instance);

    public override InvocationDelegate? Build(PipelineBuildContext context)
    {
        var options = new CustomResourceOptions();
        configure?.Invoke(options);
        context.AddProblems(options.Validate());
        if (propertiesType is null)
        {
            context.AddProblem("the properties' JsonTypeInfo is null: pass source-generated metadata, for example MyJsonContext.Default.MyProperties.");
        }

        var handle = handler(context);
        if (context.HasProblems || handle is null)
        {
            return null;
        }

        var client = context.Services.GetKeyedService<HttpClient>(CustomResourceDefaults.HttpClientServiceKey) ?? CreateClient();
        var runtime = context.Services.GetService<IOptions<LambdaRuntimeOptions>>()?.Value ?? new LambdaRuntimeOptions();
        var responder = new Responder(client, options, runtime.TimeoutReportMargin, context.CreateLogger("Lambda.Toolkit.Triggers.CloudFormation"));
        return invocation => new ValueTask(HandleAsync(invocation, handle, responder));
    }

    private static HttpClient CreateClient() =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1), AutomaticDecompression = DecompressionMethods.None })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };

    private async Task HandleAsync(
        InvocationContext invocation,
        Func<CustomResourceRequest<TProperties>, CancellationToken, ValueTask<CustomResourceResult>> handle,
        Responder responder)
    {
        var request = Read(invocation, out var readFailure);
        if (request is null)
        {
            // The payload did not bind; answer FAILED when it still names where to answer, so the stack does not hang.
            if (Responder.TryReadTarget(invocation.Payload.Span) is { } target)
            {
                await responder.SendAsync(invocation, target, Responder.Failed(invocation, target, Responder.FallbackId(target), readFailure!.Message)).ConfigureAwait(false);
            }

            throw readFailure!;
        }

        if (!Uri.TryCreate(request.ResponseUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidEventException(
                typeof(CloudFormationCustomResourceRequest),
                "The custom resource request has no absolute http(s) ResponseURL, so no answer can be sent to CloudFormation.")
            { JsonPath = "$.ResponseURL" };
        }

        var logical = request.LogicalResourceId ?? string.Empty;
        var requestType = request.RequestType;
        if (requestType is not (CloudFormationRequestTypes.Create or CloudFormationRequestTypes.Update or CloudFormationRequestTypes.Delete))
        {
            var reason = requestType is null
                ? $"The custom resource request has no RequestType; supported: {Supported}."
                : $"The custom resource request has RequestType '{requestType}'; supported: {Supported}.";
            await responder.SendAsync(invocation, request, Responder.Failed(invocation, request, Responder.FallbackId(request), reason)).ConfigureAwait(false);
            throw new InvalidEventException(typeof(CloudFormationCustomResourceRequest), reason) { JsonPath = "$.RequestType" };
        }

        if (requestType == CloudFormationRequestTypes.Delete && CustomResourceDefaults.IsFailedCreate(request.PhysicalResourceId, logical))
        {
            LogFailedCreateDeleted(responder.Logger, logical, request.PhysicalResourceId!);
            await responder.SendAsync(invocation, request, Responder.Succeeded(request, request.PhysicalResourceId!, null)).ConfigureAwait(false);
            return;
        }

        CustomResourceRequest<TProperties> typed;
        try
        {
            var properties = Bind(request.ResourceProperties, "$.ResourceProperties", required: true);
            var old = requestType == CloudFormationRequestTypes.Update ? Bind(request.OldResourceProperties, "$.OldResourceProperties", required: false) : default;
            typed = new CustomResourceRequest<TProperties>(request, properties!, old, invocation.Services);
        }
        catch (InvalidEventException ex)
        {
            await responder.SendAsync(invocation, request, Responder.Failed(invocation, request, Responder.FallbackId(request), ex.Message)).ConfigureAwait(false);
            throw;
        }

        var time = invocation.TimeProvider;
        var untilReserve = invocation.Deadline - responder.Options.ResponseReserve - time.GetUtcNow();
        using var stop = new CancellationTokenSource(untilReserve > TimeSpan.Zero ? untilReserve : TimeSpan.Zero, time);
        using var linked = invocation.CancellationToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), stop);
        var token = stop.Token;

        // On the thread pool, so that a handler that blocks cannot keep the FAILED response from being sent.
        var work = Task.Run(() => handle(typed, token).AsTask(), CancellationToken.None);
        await Task.WhenAny(work, Task.Delay(Timeout.InfiniteTimeSpan, token)).ConfigureAwait(false);

        var failure = await FailureOf(work).ConfigureAwait(false);
        CloudFormationCustomResourceResponse response;
        if (work.IsCompletedSuccessfully)
        {
            response = responder.Answer(invocation, request, work.Result);
        }
        else if (failure is not null && !(failure is OperationCanceledException && token.IsCancellationRequested))
        {
            LogHandlerFailed(responder.Logger, requestType, logical, failure);
            response = Responder.Failed(invocation, request, Responder.FallbackId(request), $"{failure.GetType().Name}: {failure.Message}");
        }
        else
        {
            LogHandlerTimedOut(responder.Logger, requestType, logical);
            response = Responder.Failed(
                invocation,
                request,
                Responder.FallbackId(request),
                $"The {requestType} handler did not finish in time: it was stopped {(invocation.Deadline - time.GetUtcNow()).TotalSeconds:0.###} s before the function's timeout so that this answer could be sent.");
        }

        await responder.SendAsync(invocation, request, response).ConfigureAwait(false);
        if (!work.IsCompleted)
        {
            // Keep the scope alive for the handler; its result is ignored, as the stack already has its answer.
            try
            {
                await work.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogLateFailure(responder.Logger, requestType, logical, ex);
            }
        }
    }

    /// <summary>The exception a completed handler task ended with (cancellation included), or null when it succeeded or is still running.</summary>
    private static async ValueTask<Exception?> FailureOf(Task work)
    {
        if (!work.IsCompleted || work.IsCompletedSuccessfully)
        {
            return null;
        }

        try
        {
            await work.ConfigureAwait(false);
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    private static CloudFormationCustomResourceRequest? Read(InvocationContext invocation, out InvalidEventException? failure)
    {
        try
        {
            failure = null;
            return EventReader.Read(invocation.Payload.Span, CloudFormationJsonContext.Default.CloudFormationCustomResourceRequest);
        }
        catch (InvalidEventException ex)
        {
            failure = ex;
            return null;
        }
    }

    private TProperties? Bind(JsonElement? element, string path, bool required)
    {
        if (element is not { } json || json.ValueKind == JsonValueKind.Null)
        {
            return required
                ? throw new InvalidEventException(typeof(TProperties), $"The custom resource request has no {path[2..]}.") { JsonPath = path }
                : default;
        }

        try
        {
            var value = json.Deserialize(propertiesType);
            return value is null && required
                ? throw new InvalidEventException(typeof(TProperties), $"The custom resource's {path[2..]} are null.") { JsonPath = path }
                : value;
        }
        catch (JsonException ex)
        {
            var at = ex.Path is { Length: > 1 } inner ? path + inner[1..] : path;
            throw new InvalidEventException(
                typeof(TProperties),
                $"The custom resource's {path[2..]} are not a valid {typeof(TProperties).Name} at {at}: {ex.Message} (CloudFormation sends every scalar property as a string).",
                ex)
            { JsonPath = at };
        }
        catch (NotSupportedException ex)
        {
            throw new InvalidEventException(typeof(TProperties), $"The custom resource's {path[2..]} cannot be read as {typeof(TProperties).Name}: {ex.Message}", ex) { JsonPath = path };
        }
    }

    [LoggerMessage(EventId = 160, Level = LogLevel.Error, Message = "The custom resource {RequestType} handler for {LogicalResourceId} failed; FAILED is sent")]
    private static partial void LogHandlerFailed(ILogger logger, string requestType, string logicalResourceId, Exception exception);

    [LoggerMessage(EventId = 161, Level = LogLevel.Error, Message = "The custom resource {RequestType} handler for {LogicalResourceId} did not finish before its deadline; FAILED is sent")]
    private static partial void LogHandlerTimedOut(ILogger logger, string requestType, string logicalResourceId);

    [LoggerMessage(EventId = 162, Level = LogLevel.Warning, Message = "The custom resource {RequestType} handler for {LogicalResourceId} failed after FAILED was sent")]
    private static partial void LogLateFailure(ILogger logger, string requestType, string logicalResourceId, Exception exception);

    [LoggerMessage(EventId = 163, Level = LogLevel.Information, Message = "Delete of {LogicalResourceId} whose Create failed ({PhysicalResourceId}) answered SUCCESS without calling the handler")]
    private static partial void LogFailedCreateDeleted(ILogger logger, string logicalResourceId, string physicalResourceId);
}
