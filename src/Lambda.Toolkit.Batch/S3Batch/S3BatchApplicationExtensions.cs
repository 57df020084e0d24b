namespace Lambda.Toolkit.Batch.S3Batch;

/// <summary>
/// Maps Amazon S3 Batch Operations (<c>LambdaInvoke</c>) handlers, schema versions <c>1.0</c> and <c>2.0</c>. S3
/// invokes the function synchronously with a task per object (one today, though the payload holds a list) and
/// expects a result per task; the adapter calls the handler once per task, in order, each in its own DI scope, and
/// answers with <c>{"invocationSchemaVersion","treatMissingKeysAs","invocationId","results":[{"taskId","resultCode","resultString"}]}</c>,
/// the schema version and invocation id echoed.
/// <list type="bullet">
/// <item>The handler's <see cref="S3BatchResult"/> is the task's result.</item>
/// <item>A handler that throws is retried within the invocation (<see cref="S3BatchOptions.Retry"/>); a failure that
/// outlasts the retries is answered <c>PermanentFailure</c> for a <see cref="Retry.PermanentFailureException"/> or bad
/// input, else <c>TemporaryFailure</c> unless <see cref="Retry.RecordRetryOptions.IsTransient"/> says otherwise, with
/// the error type and message as the result string.</item>
/// <item>A task the invocation's deadline reaches, before or during its handler, is answered <c>TemporaryFailure</c>
/// so that S3 runs it again; the invocation itself still answers in time.</item>
/// <item>A task with no key or bucket is answered <c>PermanentFailure</c> without a handler call. An event of another
/// schema version, or whose tasks have no <c>taskId</c>, fails the invocation as <see cref="LambdaErrorTypes.InvalidEvent"/>.</item>
/// </list>
/// </summary>
public static class S3BatchApplicationExtensions
{
    /// <summary>Maps a handler of S3 Batch Operations tasks.</summary>
    /// <param name="app">The application.</param>
    /// <param name="handler">
    /// Performs one task: the record has the decoded key, the bucket name and the job's user arguments; the result
    /// says whether the task succeeded, with the string for the completion report.
    /// </param>
    /// <param name="configure">Retries and <c>treatMissingKeysAs</c>.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapS3BatchOperations(
        this LambdaApplication app,
        Func<S3BatchTaskRecord, RecordContext<S3BatchTaskRecord>, CancellationToken, ValueTask<S3BatchResult>> handler,
        Action<S3BatchOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(handler);
        return app.MapAdapter(new S3BatchAdapter(handler, configure));
    }
}
