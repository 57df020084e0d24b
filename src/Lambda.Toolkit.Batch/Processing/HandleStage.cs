using Microsoft.Extensions.Logging;

namespace Lambda.Toolkit.Batch.Processing;

/// <summary>Runs a record through its steps, unless the deadline came first; a failure is kept, logged and reported to the hook.</summary>
internal sealed class HandleStage<TRecord>(RecordHandling<TRecord> handling, RecordStep<TRecord> steps, Func<RecordFailed, ValueTask>? onFailed, ILogger logger)
    : RecordStage<TRecord>
{
    public override async ValueTask<RecordOutcome> ProcessAsync(BatchRun<TRecord> run, int index)
    {
        var record = run.Records[index];
        using var logScope = RecordLogScope.Begin(logger, handling, record);
        var token = run.Invocation.CancellationToken;
        var failure = token.IsCancellationRequested
            ? new OperationCanceledException("The invocation's deadline came before this record was handled.", token)
            : await steps.ExecuteAsync(new RecordState<TRecord>(run, record)).ConfigureAwait(false);
        if (failure is null)
        {
            return run.Outcomes[index] = RecordOutcome.Succeeded;
        }

        run.Failures[index] = failure;
        var recordId = handling.Id(record);
        BatchLog.RecordFailed(logger, recordId, failure);
        if (onFailed is not null)
        {
            await BatchHooks.InvokeAsync(onFailed, new RecordFailed(recordId, failure), logger).ConfigureAwait(false);
        }

        return RecordOutcome.Failed;
    }
}
