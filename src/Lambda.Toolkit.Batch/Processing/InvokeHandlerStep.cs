namespace Lambda.Toolkit.Batch.Processing;

/// <summary>The innermost step: one call of the record handler.</summary>
internal sealed class InvokeHandlerStep<TRecord>(RecordHandling<TRecord> handling) : RecordStep<TRecord>
{
    public override async ValueTask<Exception?> ExecuteAsync(RecordState<TRecord> state)
    {
        if (++state.Attempts > 1)
        {
            state.Run.Instruments.Retry();
        }

        try
        {
            await handling.Handle(state.Record, state.Context!, state.Run.Invocation.CancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception ex)
        {
            // The handler is the user's code (binding included): whatever it throws is this record's failure.
            return ex;
        }
    }
}
