using System.Buffers.Text;
using System.Text.Json;
using Lambda.Toolkit.Adapters;
using Lambda.Toolkit.Batch.Processing;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Firehose;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lambda.Toolkit.Batch.Firehose;

/// <summary>
/// The Firehose data-transformation adapter, on the public adapter contract. Its response is not a partial batch
/// response but one answer per record, so it does not use <see cref="BatchAdapter{TEvent, TRecord}"/>. Every
/// record starts as <c>ProcessingFailed</c> with its original data and is replaced only by its handler's result,
/// so a throwing handler, data that is not base64 or the deadline fail that record alone, and the response lists
/// every record id of the event once, in order.
/// </summary>
/// <param name="handler">Builds, at init, the record handler.</param>
/// <param name="configure">The user's options.</param>
internal sealed partial class FirehoseAdapter(
    Func<PipelineBuildContext, Func<FirehoseRecord, RecordContext<FirehoseRecord>, CancellationToken, ValueTask<FirehoseResult>>> handler,
    Action<FirehoseOptions>? configure) : LambdaAdapter
{
    /// <summary>
    /// Lambda's limit on a synchronous invocation's response: 6 MB (6,291,456 bytes). The runtime loop enforces the
    /// configured <see cref="LambdaRuntimeOptions.MaxResponseSize"/> for every response; this adapter checks the
    /// limit itself, before the body is written, so that the error can say how many records made it too large.
    /// </summary>
    internal const int MaxResponseBytes = LambdaRuntimeDefaults.MaxResponseSize;

    public override string Name => "Firehose";

    public override bool Accepts(InvocationContext context) =>
        context.Classify(EventSourceClassifier.Instance) == EventSource.Firehose;

    public override InvocationDelegate? Build(PipelineBuildContext context)
    {
        var options = new FirehoseOptions();
        configure?.Invoke(options);
        context.AddProblems(options.Validate());
        var handle = handler(context);
        if (context.HasProblems)
        {
            return null;
        }

        var scopes = context.Services.GetRequiredService<IServiceScopeFactory>();
        var logger = context.CreateLogger("Lambda.Toolkit.Batch.Firehose");
        var parallelism = options.MaxDegreeOfParallelism;
        return async invocation =>
        {
            var @event = EventReader.Read(invocation.Payload.Span, FirehoseJsonContext.Default.FirehoseEvent);
            var records = @event.Records;
            var answers = new FirehoseResponseRecord[records.Count];
            if (parallelism == 1 || records.Count < 2)
            {
                for (var i = 0; i < answers.Length; i++)
                {
                    answers[i] = await TransformAsync(records[i]).ConfigureAwait(false);
                }
            }
            else
            {
                // The loop itself is never cancelled: a record the deadline reaches is answered, not skipped.
                await Parallel.ForEachAsync(
                    Enumerable.Range(0, answers.Length),
                    new ParallelOptions { MaxDegreeOfParallelism = parallelism },
                    async (i, _) => answers[i] = await TransformAsync(records[i]).ConfigureAwait(false)).ConfigureAwait(false);
            }

            var body = JsonSerializer.SerializeToUtf8Bytes(new FirehoseResponse { Records = answers }, FirehoseJsonContext.Default.FirehoseResponse);
            if (body.Length > MaxResponseBytes)
            {
                throw new LambdaFunctionException(
                    LambdaErrorTypes.ResponseTooLarge,
                    $"The Firehose response for {answers.Length} records is {body.Length} bytes, over Lambda's response limit of {MaxResponseBytes} bytes; lower the delivery stream's buffer size or make the transformed records smaller.");
            }

            invocation.Response.SetBody(body);

            async ValueTask<FirehoseResponseRecord> TransformAsync(FirehoseRecord record)
            {
                var token = invocation.CancellationToken;
                if (token.IsCancellationRequested)
                {
                    LogRecordNotTransformed(logger, record.RecordId, "the invocation's deadline came first");
                    return Answer(record, FirehoseResult.ProcessingFailed);
                }

                if (!Base64.IsValid(record.Data))
                {
                    LogRecordNotTransformed(logger, record.RecordId, "its data is not valid base64");
                    return Answer(record, FirehoseResult.ProcessingFailed);
                }

                var scope = scopes.CreateAsyncScope();
                await using (scope.ConfigureAwait(false))
                {
                    try
                    {
                        var result = await handle(record, new RecordContext<FirehoseRecord>(record, invocation, scope.ServiceProvider), token).ConfigureAwait(false)
                            ?? throw new InvalidOperationException("The Firehose handler returned null instead of a FirehoseResult.");
                        return Answer(record, result);
                    }
                    catch (Exception ex) when (ex is not OutOfMemoryException)
                    {
                        // That record only: it is answered ProcessingFailed with its original data, the rest go on.
                        LogRecordFailed(logger, record.RecordId, ex);
                        return Answer(record, FirehoseResult.ProcessingFailed);
                    }
                }
            }
        };
    }

    private static FirehoseResponseRecord Answer(FirehoseRecord record, FirehoseResult result) => new()
    {
        RecordId = record.RecordId,
        Result = result.Result,
        Data = result.Result == FirehoseRecordResult.Ok ? Convert.ToBase64String(result.Data.Span) : record.Data,
        Metadata = result.PartitionKeys is { Count: > 0 } keys ? new FirehoseRecordMetadata { PartitionKeys = new Dictionary<string, string>(keys, StringComparer.Ordinal) } : null,
    };

    [LoggerMessage(EventId = 120, Level = LogLevel.Warning, Message = "Firehose record {RecordId} failed; answered ProcessingFailed")]
    private static partial void LogRecordFailed(ILogger logger, string recordId, Exception exception);

    [LoggerMessage(EventId = 121, Level = LogLevel.Warning, Message = "Firehose record {RecordId} answered ProcessingFailed without being handled: {Reason}")]
    private static partial void LogRecordNotTransformed(ILogger logger, string recordId, string reason);
}
