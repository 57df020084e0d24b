using Lambda.Toolkit.Batch.Processing;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Ses;

namespace Lambda.Toolkit.Batch.Ses;

/// <summary>
/// Maps handlers of emails SES receives, invoked by a receipt rule's Lambda action. The email's body is not in the
/// event: store it with an S3 action before the Lambda action and read it by <c>mail.messageId</c>.
/// <list type="bullet">
/// <item><description>
/// An <see cref="SesInvocationType.Event"/> action (asynchronous, SES's default): map a handler that returns
/// nothing. Each record is handled in order; a failure (after its retries) is rethrown so that Lambda's own
/// retries and the function's on-failure destination apply, as for S3 and SNS.
/// </description></item>
/// <item><description>
/// A <see cref="SesInvocationType.RequestResponse"/> action (synchronous; SES waits at most 30 seconds): map a handler
/// that returns a <see cref="SesDisposition"/>. The function answers <c>{"disposition":"CONTINUE"|"STOP_RULE"|"STOP_RULE_SET"}</c>
/// (with several records, the strongest: <c>STOP_RULE_SET</c> over <c>STOP_RULE</c> over <c>CONTINUE</c>). A handler
/// that throws (after its retries) fails the invocation with the handler's error: the function never answers a
/// disposition it did not decide, so a failed check does not quietly become <c>CONTINUE</c>. AWS's documentation of
/// the Lambda action defines the three dispositions, says that SES reads any other answer as <c>CONTINUE</c>, and
/// sets the 30-second limit; that page does not say what SES does with a synchronous invocation that fails or times
/// out, so whatever happens to the email then is SES's own handling of a failed action, not a disposition this
/// function chose. Keep retries (<see cref="BatchOptions.Retry"/>) well inside the 30 seconds.
/// </description></item>
/// </list>
/// The record id (for logs, hooks and idempotency) is <c>mail.messageId</c>. Dead letters do not apply. A lambda
/// whose body only throws fits both overloads; give it a return (<c>ValueTask.FromException(...)</c>) to pick one.
/// </summary>
public static class SesApplicationExtensions
{
    private static readonly object DispositionKey = new();

    /// <summary>Maps a handler for an asynchronous (<see cref="SesInvocationType.Event"/>) receipt rule action; the function answers nothing.</summary>
    /// <param name="app">The application.</param>
    /// <param name="handler">Handles one received email.</param>
    /// <param name="configure">Retries, idempotency (keyed by <c>mail.messageId</c>) and hooks.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapSes(
        this LambdaApplication app, Func<SesRecord, RecordContext<SesRecord>, CancellationToken, ValueTask> handler, Action<BatchOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(handler);
        return app.MapAdapter(new BatchAdapter<SesEvent, SesRecord>(
            "SES",
            EventSource.Ses,
            SesJsonContext.Default.SesEvent,
            static e => e.Records,
            null,
            _ => new RecordHandling<SesRecord>
            {
                Id = static r => r.Ses.Mail.MessageId,
                Handle = handler,
            },
            configure));
    }

    /// <summary>
    /// Maps a handler for a synchronous (<see cref="SesInvocationType.RequestResponse"/>) receipt rule action: it decides
    /// what SES does next, and the function answers <c>{"disposition":...}</c>. A handler that throws fails the
    /// invocation (see <see cref="SesApplicationExtensions"/>). Idempotency is refused at init: a duplicate would be
    /// acknowledged without a decision, and so answer nothing.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <param name="handler">Decides the disposition for one received email.</param>
    /// <param name="configure">Retries and hooks (keep retries inside SES's 30-second limit).</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapSes(
        this LambdaApplication app, Func<SesRecord, RecordContext<SesRecord>, CancellationToken, ValueTask<SesDisposition>> handler, Action<BatchOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(handler);
        BatchOptions? configured = null;
        return app.MapAdapter(new BatchAdapter<SesEvent, SesRecord>(
            "SES",
            EventSource.Ses,
            SesJsonContext.Default.SesEvent,
            static e => e.Records,
            null,
            context =>
            {
                if (configured?.Idempotency is not null)
                {
                    context.AddProblem("Idempotency does not apply to a handler that returns a disposition: a duplicate would be acknowledged without a decision. Remove Idempotency, or map a handler that returns nothing.");
                }

                return new RecordHandling<SesRecord>
                {
                    Id = static r => r.Ses.Mail.MessageId,
                    Handle = async (record, recordContext, ct) => Answer(recordContext.Invocation, await handler(record, recordContext, ct).ConfigureAwait(false)),
                };
            },
            options =>
            {
                configure?.Invoke(options);
                configured = options;
            }));
    }

    /// <summary>Writes the strongest disposition so far as the response; a later failure fails the invocation, and then no response is sent.</summary>
    private static void Answer(InvocationContext invocation, SesDisposition disposition)
    {
        if (!Enum.IsDefined(disposition))
        {
            throw new InvalidOperationException($"The SES handler returned {(int)disposition}, which is not an SesDisposition.");
        }

        if (invocation.Items.TryGetValue(DispositionKey, out var earlier) && earlier is SesDisposition stronger && stronger > disposition)
        {
            disposition = stronger;
        }

        invocation.Items[DispositionKey] = disposition;
        invocation.Response.SetJson(new SesReceiptRuleResponse { Disposition = disposition }, SesJsonContext.Default.SesReceiptRuleResponse);
    }
}
