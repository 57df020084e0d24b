using Lambda.Toolkit.Batch.Processing;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.S3;

namespace Lambda.Toolkit.Batch.S3;

/// <summary>
/// Maps S3 event notification handlers. S3 invokes functions asynchronously: records are handled in order,
/// and a failure (after its retries) is rethrown, failing the invocation so that Lambda's own retries and the
/// function's on-failure destination apply. Object keys arrive URL-encoded; use <c>record.S3.Object.DecodedKey</c>.
/// </summary>
public static class S3ApplicationExtensions
{
    /// <summary>Maps a handler of S3 notification records.</summary>
    /// <param name="app">The application.</param>
    /// <param name="handler">Handles one record.</param>
    /// <param name="configure">Retries and hooks (dead letters do not apply: use Lambda's on-failure destination).</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapS3(
        this LambdaApplication app, Func<S3EventRecord, RecordContext<S3EventRecord>, CancellationToken, ValueTask> handler, Action<BatchOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(handler);
        return app.MapAdapter(new BatchAdapter<S3Event, S3EventRecord>(
            "S3",
            EventSource.S3,
            S3JsonContext.Default.S3Event,
            static e => e.Records,
            null,
            _ => new RecordHandling<S3EventRecord>
            {
                Id = static r => $"{r.S3.Bucket.Name}/{r.S3.Object.Key}#{r.S3.Object.Sequencer}",
                Handle = handler,
            },
            configure));
    }
}
