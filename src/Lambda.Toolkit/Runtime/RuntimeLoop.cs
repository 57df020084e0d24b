using System.Net;
using Microsoft.Extensions.Logging;

namespace Lambda.Toolkit.Runtime;

/// <summary>
/// The Runtime API loop: wait for the next event, build its context, run it, post the result, repeat.
/// Handler failures become error posts and the loop goes on; Runtime API failures end it with a
/// <see cref="RuntimeApiException"/>.
/// </summary>
internal sealed partial class RuntimeLoop
{
    private readonly RuntimeApiClient _client;
    private readonly InvocationRunner _runner;
    private readonly LambdaFunctionInfo _function;
    private readonly TimeProvider _timeProvider;
    private readonly bool _setTraceEnvironment;
    private readonly ILogger _logger;

    public RuntimeLoop(RuntimeApiClient client, InvocationRunner runner, LambdaFunctionInfo function, TimeProvider timeProvider, bool setTraceEnvironment, ILogger logger)
    {
        _client = client;
        _runner = runner;
        _function = function;
        _timeProvider = timeProvider;
        _setTraceEnvironment = setTraceEnvironment;
        _logger = logger;
    }

    /// <summary>Serves invocations until <paramref name="stopping"/> fires; throws <see cref="RuntimeApiException"/> on a fatal Runtime API failure.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        var next = new NextInvocation();
        var context = new InvocationContext(_function, _timeProvider);
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                try
                {
                    await _client.GetNextAsync(next, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    return;
                }

                context.Initialize(next.RequestId, next.Deadline, next.InvokedFunctionArn, next.TraceId, next.ClientContext, next.CognitoIdentity, next.Payload);
                if (_setTraceEnvironment)
                {
                    // The X-Ray SDK reads the trace header from the environment; with several loops the
                    // environment is shared, so then only the context carries it.
                    Environment.SetEnvironmentVariable("_X_AMZN_TRACE_ID", next.TraceId);
                }

                var outcome = await _runner.RunAsync(context).ConfigureAwait(false);
                HttpStatusCode status;
                if (outcome.Error is null)
                {
                    status = await _client.PostResponseAsync(context.RequestId, context.Response.Body, CancellationToken.None).ConfigureAwait(false);
                }
                else
                {
                    status = await _client.PostErrorAsync(context.RequestId, outcome.Error, CancellationToken.None).ConfigureAwait(false);
                }

                if (status != HttpStatusCode.Accepted)
                {
                    LogRejected(_logger, context.RequestId, (int)status);
                }

                if (outcome.Abandoned)
                {
                    // The timed-out handler may still read its context and payload: give both up.
                    context = new InvocationContext(_function, _timeProvider);
                    next = new NextInvocation();
                }
                else
                {
                    context.Reset();
                }
            }
        }
        finally
        {
            next.Dispose();
        }
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Error, Message = "The Runtime API refused the result of invocation {RequestId} with HTTP {Status}")]
    private static partial void LogRejected(ILogger logger, string requestId, int status);
}
