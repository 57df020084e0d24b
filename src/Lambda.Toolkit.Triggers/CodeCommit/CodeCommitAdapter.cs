using System.Text;
using Lambda.Toolkit.Adapters;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.CodeCommit;
using Microsoft.Extensions.Logging;

namespace Lambda.Toolkit.Triggers.CodeCommit;

/// <summary>The CodeCommit adapter: checks every record, handles each in order, then fails the invocation if any failed.</summary>
internal sealed partial class CodeCommitAdapter(Func<CodeCommitRecord, IServiceProvider, CancellationToken, ValueTask> handler) : LambdaAdapter
{
    public override string Name => "CodeCommit trigger";

    public override bool Accepts(InvocationContext context) => context.Classify(CodeCommitClassifier.Instance);

    public override InvocationDelegate? Build(PipelineBuildContext context)
    {
        var logger = context.CreateLogger("Lambda.Toolkit.Triggers.CodeCommit");
        return invocation => new ValueTask(HandleAsync(invocation, logger));
    }

    private async Task HandleAsync(InvocationContext invocation, ILogger logger)
    {
        var codeCommitEvent = EventReader.Read(invocation.Payload.Span, CodeCommitJsonContext.Default.CodeCommitEvent);
        var records = codeCommitEvent.Records;
        if (records is not { Count: > 0 })
        {
            throw new InvalidEventException(typeof(CodeCommitEvent), "The CodeCommit event has no Records.") { JsonPath = "$.Records" };
        }

        for (var i = 0; i < records.Count; i++)
        {
            if (records[i] is null)
            {
                throw new InvalidEventException(typeof(CodeCommitEvent), $"CodeCommit record {i} is null.") { JsonPath = $"$.Records[{i}]" };
            }

            if (records[i].CodeCommit?.References is null)
            {
                throw new InvalidEventException(
                    typeof(CodeCommitEvent),
                    $"CodeCommit record {i} (eventId {records[i].EventId ?? "absent"}) has no codecommit.references.")
                { JsonPath = $"$.Records[{i}].codecommit.references" };
            }
        }

        List<(int Index, Exception Error)>? failures = null;
        for (var i = 0; i < records.Count; i++)
        {
            try
            {
                await handler(records[i], invocation.Services, invocation.CancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogRecordFailed(logger, i, records.Count, records[i].EventId, ex);
                (failures ??= []).Add((i, ex));
            }
        }

        if (failures is null)
        {
            return;
        }

        var message = new StringBuilder();
        message.Append(failures.Count).Append(" of ").Append(records.Count).Append(" CodeCommit records failed: ");
        for (var f = 0; f < failures.Count; f++)
        {
            var (index, error) = failures[f];
            message.Append(f == 0 ? string.Empty : "; ")
                .Append("record ").Append(index).Append(" (eventId ").Append(records[index].EventId ?? "absent").Append("): ")
                .Append(error.GetType().Name).Append(": ").Append(error.Message);
        }

        throw new LambdaFunctionException(CodeCommitErrorTypes.RecordsFailed, message.ToString(), failures[0].Error);
    }

    [LoggerMessage(EventId = 185, Level = LogLevel.Error, Message = "CodeCommit record {Index} of {Count} (eventId {EventId}) failed")]
    private static partial void LogRecordFailed(ILogger logger, int index, int count, string? eventId, Exception exception);
}
