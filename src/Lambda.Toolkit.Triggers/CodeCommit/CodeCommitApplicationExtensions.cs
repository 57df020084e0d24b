using Lambda.Toolkit.Events.CodeCommit;

namespace Lambda.Toolkit.Triggers.CodeCommit;

/// <summary>
/// Maps AWS CodeCommit repository triggers. CodeCommit invokes the function asynchronously with one or more
/// records; each is passed to the handler, in order.
/// </summary>
/// <remarks>
/// <para>
/// Every record is handled even when an earlier one fails; then, if any failed, the invocation fails with
/// <see cref="CodeCommitErrorTypes.RecordsFailed"/>, naming each failed record (index and <c>eventId</c>) and its
/// error, the first failure as the inner exception. Lambda then retries the whole event (twice by default, then its
/// on-failure destination or dead-letter queue), so every record, including those that succeeded, may be handled
/// again: make the handler idempotent (the record's <c>eventId</c> is a good key). The response is empty.
/// </para>
/// <para>
/// A record without <c>codecommit.references</c>, or an event without records, fails as an invalid event before any
/// record is handled; a warm-up or test trigger from the console (<c>eventName</c> <c>TriggerEventTest</c>) is
/// handled like any other record.
/// </para>
/// </remarks>
public static class CodeCommitApplicationExtensions
{
    /// <summary>Maps CodeCommit triggers to a handler called once per record.</summary>
    /// <param name="app">The application.</param>
    /// <param name="handler">Handles one record; an exception fails the record.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapCodeCommit(this LambdaApplication app, Func<CodeCommitRecord, CancellationToken, ValueTask> handler)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(handler);
        return app.MapAdapter(new CodeCommitAdapter((record, _, ct) => handler(record, ct)));
    }

    /// <summary>Maps CodeCommit triggers to a handler called once per record, with the invocation's services.</summary>
    /// <param name="app">The application.</param>
    /// <param name="handler">Handles one record; an exception fails the record.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapCodeCommit(this LambdaApplication app, Func<CodeCommitRecord, IServiceProvider, CancellationToken, ValueTask> handler)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(handler);
        return app.MapAdapter(new CodeCommitAdapter(handler));
    }
}
