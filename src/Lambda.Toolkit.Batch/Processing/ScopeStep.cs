using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lambda.Toolkit.Batch.Processing;

/// <summary>Gives the record its own DI scope for all its attempts, and reports its success to the hook.</summary>
internal sealed class ScopeStep<TRecord>(RecordHandling<TRecord> handling, RecordStep<TRecord> next, Func<RecordSucceeded, ValueTask>? onSucceeded, ILogger logger)
    : RecordStep<TRecord>
{
    public override async ValueTask<Exception?> ExecuteAsync(RecordState<TRecord> state)
    {
        var scope = state.Run.Scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            state.Context = new RecordContext<TRecord>(state.Record, state.Run.Invocation, scope.ServiceProvider) { CorrelationId = handling.CorrelationId(state.Record) };
            var failure = await next.ExecuteAsync(state).ConfigureAwait(false);
            if (failure is null && onSucceeded is not null)
            {
                await BatchHooks.InvokeAsync(onSucceeded, new RecordSucceeded(handling.Id(state.Record), state.Attempts), logger).ConfigureAwait(false);
            }

            return failure;
        }
    }
}
