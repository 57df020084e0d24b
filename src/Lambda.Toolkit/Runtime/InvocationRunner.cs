using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lambda.Toolkit.Runtime;

/// <summary>
/// Runs one invocation through the composed pipeline: a DI scope, a token that fires a margin before
/// the deadline, and the hard stop that reports a timeout when a handler ignores its token. The Runtime
/// API loop and the in-process test host both use it, so tests see exactly what Lambda would receive.
/// </summary>
internal sealed partial class InvocationRunner
{
    private readonly InvocationDelegate _pipeline;
    private readonly IServiceScopeFactory _scopes;
    private readonly LambdaRuntimeOptions _options;
    private readonly InvocationContextAccessor _accessor;
    private readonly ILogger _logger;
    private readonly Logging.InvocationLogs? _logs;
    private int _served;

    public InvocationRunner(
        InvocationDelegate pipeline,
        IServiceScopeFactory scopes,
        LambdaRuntimeOptions options,
        InvocationContextAccessor accessor,
        ILogger logger,
        Logging.InvocationLogs? logs = null)
    {
        _logs = logs is { Enabled: true } ? logs : null;
        _pipeline = pipeline;
        _scopes = scopes;
        _options = options;
        _accessor = accessor;
        _logger = logger;
    }

    public ValueTask<InvocationOutcome> RunAsync(InvocationContext context)
    {
        if (_options.IsWarmupPing is { } isPing && !context.IsPriming && isPing(context.Payload.Span))
        {
            context.Response.SetBody(WarmupPing.Response);
            return new ValueTask<InvocationOutcome>(InvocationOutcome.Success);
        }

        return RunMaybeTracedAsync(context);
    }

    private async ValueTask<InvocationOutcome> RunPipelineAsync(InvocationContext context)
    {
        if (!context.IsPriming)
        {
            context.IsColdStart = _served == 0 && Interlocked.Exchange(ref _served, 1) == 0;
        }

        var time = context.TimeProvider;
        var remaining = context.Deadline - time.GetUtcNow();
        var cancelAfter = remaining - _options.CancellationMargin;
        var cancellation = context.RentCancellation(cancelAfter > TimeSpan.Zero ? cancelAfter : TimeSpan.Zero);
        var scope = _scopes.CreateAsyncScope();
        context.Attach(scope.ServiceProvider, cancellation.Token);
        _accessor.InvocationContext = context;
        _logs?.Begin(); // debug sampling and buffering: a line at Error or above (logged below on failure) writes the kept lines
        var disposeScope = true;
        try
        {
            var pending = _pipeline(context);
            if (!pending.IsCompleted)
            {
                var task = pending.AsTask();
                var hardStop = remaining - _options.TimeoutReportMargin;
                try
                {
                    await task.WaitAsync(hardStop > TimeSpan.Zero ? hardStop : TimeSpan.Zero, time).ConfigureAwait(false);
                }
                catch (TimeoutException) when (!task.IsCompleted)
                {
                    disposeScope = false;
                    _ = DisposeWhenDoneAsync(task, scope);
                    var error = new FunctionError(
                        LambdaErrorTypes.Timeout,
                        $"The handler did not finish before the deadline: its cancellation token fired {_options.CancellationMargin.TotalMilliseconds:0} ms before it and the invocation was abandoned {_options.TimeoutReportMargin.TotalMilliseconds:0} ms before it.");
                    LogTimeout(_logger, context.RequestId);
                    return new InvocationOutcome(error, Abandoned: true);
                }
            }
            else
            {
                await pending.ConfigureAwait(false);
            }

            if (context.Response.Body.Length > _options.MaxResponseSize)
            {
                var error = new FunctionError(
                    LambdaErrorTypes.ResponseTooLarge,
                    $"The response is {context.Response.Body.Length} bytes, more than the {_options.MaxResponseSize} bytes Lambda accepts.");
                LogFailure(_logger, context.RequestId, error.ErrorType, error.ErrorMessage, null);
                return new InvocationOutcome(error, Abandoned: false);
            }

            return InvocationOutcome.Success;
        }
        catch (OperationCanceledException ex) when (cancellation.IsCancellationRequested)
        {
            var error = new FunctionError(
                LambdaErrorTypes.Timeout,
                $"The handler stopped because its cancellation token fired {_options.CancellationMargin.TotalMilliseconds:0} ms before the deadline.",
                FunctionError.FromException(ex).StackTrace);
            LogTimeout(_logger, context.RequestId);
            return new InvocationOutcome(error, Abandoned: false);
        }
        catch (Exception ex)
        {
            var error = Map(ex);
            // Bad input is the caller's mistake, fully described by its message (type and JSON path): one line, no parser stack.
            LogFailure(_logger, context.RequestId, error.ErrorType, error.ErrorMessage, ex is InvalidEventException ? null : ex);
            return new InvocationOutcome(error, Abandoned: false);
        }
        finally
        {
            _logs?.End();
            _accessor.InvocationContext = null;
            if (disposeScope)
            {
                await scope.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private FunctionError Map(Exception exception)
    {
        try
        {
            return _options.ErrorMapper(exception);
        }
        catch (Exception mapperFailure)
        {
            LogMapperFailed(_logger, mapperFailure);
            return FunctionError.FromException(exception);
        }
    }

    private async Task DisposeWhenDoneAsync(Task handler, AsyncServiceScope scope)
    {
        try
        {
            await handler.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogAbandonedFailed(_logger, ex);
        }
        finally
        {
            await scope.DisposeAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Invocation {RequestId} failed with {ErrorType}: {ErrorMessage}")]
    private static partial void LogFailure(ILogger logger, string requestId, string errorType, string errorMessage, Exception? exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Invocation {RequestId} timed out")]
    private static partial void LogTimeout(ILogger logger, string requestId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "The error mapper threw; the default mapping is used")]
    private static partial void LogMapperFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "A handler abandoned after a timeout failed later")]
    private static partial void LogAbandonedFailed(ILogger logger, Exception exception);
}
