using Lambda.Toolkit.Batch.Processing;
using Polly;
using Polly.Retry;

namespace Lambda.Toolkit.Batch.Retry;

/// <summary>
/// Retries the next step (the handler) with a Polly v8 retry built once, at map time. Composed only when
/// <see cref="RecordRetryOptions.MaxRetryAttempts"/> is above 0. Failures travel as Polly outcomes, never
/// rethrown; the invocation's token ends the retries.
/// </summary>
internal sealed class RetryStep<TRecord> : RecordStep<TRecord>
{
    private readonly RecordStep<TRecord> _next;
    private readonly ResiliencePipeline _pipeline;

    public RetryStep(RecordRetryOptions options, TimeProvider timeProvider, RecordStep<TRecord> next)
    {
        _next = next;
        var isTransient = options.IsTransient;
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.Delay,
                MaxDelay = options.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = options.UseJitter,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } ex && !IsPermanent(ex) && (isTransient?.Invoke(ex) ?? true)),
            })
            .Build();
    }

    /// <summary>Failures no retry can fix: cancellation, a permanent failure, an input that cannot be read.</summary>
    public static bool IsPermanent(Exception exception) =>
        exception is OperationCanceledException or PermanentFailureException or InvalidEventException;

    public override async ValueTask<Exception?> ExecuteAsync(RecordState<TRecord> state)
    {
        var context = ResilienceContextPool.Shared.Get(state.Run.Invocation.CancellationToken);
        try
        {
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                static async (_, s) => await s.Next.ExecuteAsync(s.State).ConfigureAwait(false) is { } failure
                    ? Outcome.FromException<bool>(failure)
                    : Outcome.FromResult(true),
                context,
                (Next: _next, State: state)).ConfigureAwait(false);
            return outcome.Exception;
        }
        catch (Exception ex)
        {
            // Only the user's IsTransient predicate can throw here (the handler's failures arrive as outcomes):
            // like any failure of the user's code, it is this record's failure.
            return ex;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
