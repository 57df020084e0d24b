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

    /// <summary>
    /// Runs the pipeline. Not an async method: a pipeline that completes synchronously (the common warm case) runs
    /// without a state machine, and the context it puts in the caller's asynchronous flow stays there, so a loop's
    /// reused context is set in its flow once, not once per invocation.
    /// </summary>
    private ValueTask<InvocationOutcome> RunPipeline(InvocationContext context)
    {
        if (!context.IsPriming)
        {
            context.IsColdStart = _served == 0 && Interlocked.Exchange(ref _served, 1) == 0;
        }

        context.Begin(_scopes, _options.CancellationMargin);
        _accessor.Enter(context);
        _logs?.Begin(); // debug sampling and buffering: a line at Error or above (logged below on failure) writes the kept lines
        ValueTask pending;
        try
        {
            pending = _pipeline(context);
        }
        catch (Exception ex)
        {
            return EndAsync(context, Failed(context, ex));
        }

        if (!pending.IsCompleted)
        {
            return AwaitPipelineAsync(context, pending);
        }

        InvocationOutcome outcome;
        try
        {
            pending.GetAwaiter().GetResult();
            outcome = Finished(context);
        }
        catch (Exception ex)
        {
            outcome = Failed(context, ex);
        }

        return EndAsync(context, outcome);
    }

    /// <summary>The pipeline went asynchronous: wait for it, but no later than the hard stop before the deadline.</summary>
    private async ValueTask<InvocationOutcome> AwaitPipelineAsync(InvocationContext context, ValueTask pending)
    {
        var task = pending.AsTask();
        var hardStop = context.Deadline - context.TimeProvider.GetUtcNow() - _options.TimeoutReportMargin;
        InvocationOutcome outcome;
        try
        {
            await (hardStop > InvocationContext.MaxTimerDelay ? task : task.WaitAsync(hardStop > TimeSpan.Zero ? hardStop : TimeSpan.Zero, context.TimeProvider)).ConfigureAwait(false);
            outcome = Finished(context);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            // The handler ignores its token: report the timeout while Lambda still listens, and dispose its
            // scope once it ends. Its context stays its own (the loop takes a new one).
            _logs?.End();
            _ = DisposeWhenDoneAsync(task, context.Abandon());
            var error = new FunctionError(
                LambdaErrorTypes.Timeout,
                $"The handler did not finish before the deadline: its cancellation token fired {_options.CancellationMargin.TotalMilliseconds:0} ms before it and the invocation was abandoned {_options.TimeoutReportMargin.TotalMilliseconds:0} ms before it.");
            LogTimeout(_logger, context.RequestId);
            return new InvocationOutcome(error, Abandoned: true);
        }
        catch (Exception ex)
        {
            outcome = Failed(context, ex);
        }

        return await EndAsync(context, outcome).ConfigureAwait(false);
    }

    /// <summary>The pipeline returned: checks what it wrote.</summary>
    private InvocationOutcome Finished(InvocationContext context)
    {
        if (context.Response.Body.Length <= _options.MaxResponseSize)
        {
            return InvocationOutcome.Success;
        }

        var error = new FunctionError(
            LambdaErrorTypes.ResponseTooLarge,
            $"The response is {context.Response.Body.Length} bytes, more than the {_options.MaxResponseSize} bytes Lambda accepts.");
        LogFailure(_logger, context.RequestId, error.ErrorType, error.ErrorMessage, null);
        return new InvocationOutcome(error, Abandoned: false);
    }

    /// <summary>The pipeline threw: a timeout when its token had fired, else the mapped error.</summary>
    private InvocationOutcome Failed(InvocationContext context, Exception exception)
    {
        if (exception is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
        {
            var timeout = new FunctionError(
                LambdaErrorTypes.Timeout,
                $"The handler stopped because its cancellation token fired {_options.CancellationMargin.TotalMilliseconds:0} ms before the deadline.",
                FunctionError.FromException(exception).StackTrace);
            LogTimeout(_logger, context.RequestId);
            return new InvocationOutcome(timeout, Abandoned: false);
        }

        var error = Map(exception);
        // Bad input is the caller's mistake, fully described by its message (type and JSON path): one line, no parser stack.
        LogFailure(_logger, context.RequestId, error.ErrorType, error.ErrorMessage, exception is InvalidEventException ? null : exception);
        return new InvocationOutcome(error, Abandoned: false);
    }

    /// <summary>Ends the invocation and disposes its scope, if it made one; synchronous when the scope's disposal is.</summary>
    private ValueTask<InvocationOutcome> EndAsync(InvocationContext context, InvocationOutcome outcome)
    {
        _logs?.End();
        if (context.End() is not { } scope)
        {
            return new ValueTask<InvocationOutcome>(outcome);
        }

        var disposing = new AsyncServiceScope(scope).DisposeAsync();
        if (!disposing.IsCompletedSuccessfully)
        {
            return AwaitDisposeAsync(disposing, outcome);
        }

        disposing.GetAwaiter().GetResult();
        return new ValueTask<InvocationOutcome>(outcome);
    }

    private static async ValueTask<InvocationOutcome> AwaitDisposeAsync(ValueTask disposing, InvocationOutcome outcome)
    {
        await disposing.ConfigureAwait(false);
        return outcome;
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

    private async Task DisposeWhenDoneAsync(Task handler, IServiceScope scope)
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
            await new AsyncServiceScope(scope).DisposeAsync().ConfigureAwait(false);
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
