using System.Diagnostics;

namespace Lambda.Toolkit.Batch.Processing;

/// <summary>
/// The activity of one batch record, from the <c>Lambda.Toolkit.Batch</c> <see cref="ActivitySource"/>: kind
/// <see cref="ActivityKind.Consumer"/>, named <c>{source} record</c> (for example <c>SQS record</c>), a child of the
/// invocation's activity. Tags: <c>messaging.message.id</c> (the record's id, the one a partial batch response
/// names), <c>lambda_toolkit.batch.source</c>, <c>lambda_toolkit.batch.outcome</c> (<c>succeeded</c>,
/// <c>failed</c>, <c>dead_lettered</c>; a record whose dead letter waits for the end of the batch ends as
/// <c>failed</c>), <c>lambda_toolkit.batch.retries</c>; a failed record ends with <see cref="ActivityStatusCode.Error"/>
/// and an <c>exception</c> event. When nobody listens to the source a record pays one
/// <see cref="ActivitySource.HasListeners"/> check.
/// </summary>
internal static class RecordActivity
{
    /// <summary>The source's name: <c>Lambda.Toolkit.Batch</c>.</summary>
    public const string SourceName = "Lambda.Toolkit.Batch";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>Adds the exception event OpenTelemetry defines (<c>exception.type</c>, <c>.message</c>, <c>.stacktrace</c>).</summary>
    public static void Fail(Activity activity, Exception failure)
    {
        activity.SetStatus(ActivityStatusCode.Error, failure.Message);
        activity.SetTag("error.type", failure.GetType().FullName);
        activity.AddEvent(new ActivityEvent("exception", tags: new ActivityTagsCollection
        {
            { "exception.type", failure.GetType().FullName },
            { "exception.message", failure.Message },
            { "exception.stacktrace", failure.ToString() },
        }));
    }
}

/// <summary>The outermost record stage when tracing: one <see cref="RecordActivity"/> around the record's whole way to its outcome.</summary>
internal sealed class RecordActivityStage<TRecord>(RecordStage<TRecord> inner, RecordHandling<TRecord> handling, string source) : RecordStage<TRecord>
{
    private readonly string _name = source + " record";

    public override ValueTask<RecordOutcome> ProcessAsync(BatchRun<TRecord> run, int index) =>
        RecordActivity.Source.HasListeners() ? TracedAsync(run, index) : inner.ProcessAsync(run, index);

    private async ValueTask<RecordOutcome> TracedAsync(BatchRun<TRecord> run, int index)
    {
        using var activity = RecordActivity.Source.StartActivity(_name, ActivityKind.Consumer);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("messaging.message.id", handling.Id(run.Records[index]));
            activity.SetTag("lambda_toolkit.batch.source", source);
        }

        var outcome = await inner.ProcessAsync(run, index).ConfigureAwait(false);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("lambda_toolkit.batch.outcome", outcome switch
            {
                RecordOutcome.Succeeded => "succeeded",
                RecordOutcome.DeadLettered => "dead_lettered",
                _ => "failed",
            });
            if (outcome == RecordOutcome.Failed && run.Failures[index] is { } failure)
            {
                RecordActivity.Fail(activity, failure);
            }
        }

        return outcome;
    }
}

/// <summary>The outermost record step when tracing: tags the record's activity with its retries (attempts after the first).</summary>
internal sealed class RecordActivityStep<TRecord>(RecordStep<TRecord> next) : RecordStep<TRecord>
{
    public override ValueTask<Exception?> ExecuteAsync(RecordState<TRecord> state) =>
        RecordActivity.Source.HasListeners() && Activity.Current is { } current && ReferenceEquals(current.Source, RecordActivity.Source)
            ? TracedAsync(state, current)
            : next.ExecuteAsync(state);

    private async ValueTask<Exception?> TracedAsync(RecordState<TRecord> state, Activity activity)
    {
        var failure = await next.ExecuteAsync(state).ConfigureAwait(false);
        if (activity.IsAllDataRequested)
        {
            activity.SetTag("lambda_toolkit.batch.retries", Math.Max(0, state.Attempts - 1));
        }

        return failure;
    }
}
