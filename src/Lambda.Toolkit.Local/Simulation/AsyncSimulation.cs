using System.Globalization;
using System.Text;
using System.Text.Json;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Sqs;

namespace Lambda.Toolkit.Local.Simulation;

/// <summary>
/// The asynchronous invocation engine: each event is an <c>Event</c> invocation queued by Lambda at the start, tried,
/// retried on the documented schedule, discarded when too old, and its end sent to the configured destinations or
/// dead-letter queue, as <see cref="AsyncRules"/> says. One execution environment runs the attempts in the order
/// they fall due on the virtual clock.
/// </summary>
internal sealed class AsyncSimulation(AsyncSimulationOptions options, IFunctionInvoker function, SimulatedClock clock, string functionArn, TextWriter log)
{
    /// <summary>How many times the function was invoked.</summary>
    public int Invocations { get; private set; }

    /// <summary>Reads the events file: one JSON event a line, each within the asynchronous payload limit.</summary>
    /// <exception cref="FormatException">A line is not JSON or is over the limit; the message names it.</exception>
    public static IReadOnlyList<(int Line, string Event)> ReadEvents(string text, string name)
    {
        var events = new List<(int, string)>();
        foreach (var (line, json, _) in JsonLines.Parse(text, name, "Each line is one event (a JSON value)."))
        {
            var size = Encoding.UTF8.GetByteCount(json);
            if (size > AsyncRules.MaxPayloadBytes)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{name} line {line} is {size:N0} bytes; Lambda accepts at most {AsyncRules.MaxPayloadBytes:N0} bytes for an asynchronous (Event) invocation."));
            }

            events.Add((line, json));
        }

        return events;
    }

    /// <summary>Queues every event and runs until each has an outcome.</summary>
    /// <returns>Each event's fate, in input order.</returns>
    public async Task<IReadOnlyList<RecordFate>> RunAsync(IReadOnlyList<(int Line, string Event)> events, CancellationToken cancellationToken)
    {
        var queuedAt = clock.GetUtcNow();
        var queue = events.Select(e => new Queued(new RecordFate(e.Line, Guid.NewGuid().ToString()), e.Event, queuedAt)).ToList();
        await using var onSuccess = Destination(options.OnSuccessPath);
        await using var onFailure = Destination(options.OnFailurePath);
        await using var deadLetters = Destination(options.DeadLetterQueuePath);
        try
        {
            while (queue.Where(q => !q.Fate.Settled).MinBy(q => q.DueAt) is { } next)
            {
                cancellationToken.ThrowIfCancellationRequested();
                clock.AdvanceTo(next.DueAt);
                if (AsyncRules.Expired(queuedAt, options.MaxEventAge, clock.GetUtcNow()))
                {
                    await DiscardAsync(next, AsyncRules.EventAgeExceeded, string.Create(CultureInfo.InvariantCulture, $"older than the maximum event age ({options.MaxEventAge.TotalSeconds:0} s) when attempt {next.Attempts + 1} was due"), onFailure, deadLetters).ConfigureAwait(false);
                    continue;
                }

                next.Attempts++;
                next.Fate.Deliveries++;
                Invocations++;
                await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"[lambda-toolkit] t+{clock.Elapsed.TotalSeconds:0.000}s invocation {Invocations}: event of line {next.Fate.Line}, attempt {next.Attempts}")).ConfigureAwait(false);
                var result = await function.InvokeAsync(Encoding.UTF8.GetBytes(next.Event), next.Fate.Id, cancellationToken).ConfigureAwait(false);
                clock.Advance(result.Duration);
                next.Last = result;
                if (result.Succeeded)
                {
                    next.Fate.Settle(FateOutcome.Processed, string.Create(CultureInfo.InvariantCulture, $"succeeded on attempt {next.Attempts}{(onSuccess is null ? string.Empty : "; record sent to the on-success destination")}"));
                    await WriteAsync(onSuccess, AsyncRules.DestinationRecord(clock.GetUtcNow(), next.Fate.Id, functionArn, AsyncRules.Success, next.Attempts, next.Event, result)).ConfigureAwait(false);
                }
                else if (AsyncRules.ShouldRetry(next.Attempts, options.MaxRetryAttempts))
                {
                    next.DueAt = clock.GetUtcNow() + AsyncRules.RetryDelay(next.Attempts);
                    next.Fate.Note(string.Create(CultureInfo.InvariantCulture, $"attempt {next.Attempts}: {result.Describe()}"));
                }
                else
                {
                    await DiscardAsync(next, AsyncRules.RetriesExhausted, string.Create(CultureInfo.InvariantCulture, $"{next.Attempts} attempt(s) failed (maximum retry attempts {options.MaxRetryAttempts}; last: {result.Describe()})"), onFailure, deadLetters).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller reports what is settled; the rest stays pending.
        }

        return queue.Select(q => q.Fate).ToList();
    }

    /// <summary>
    /// The end of a failed event: the on-failure destination and the dead-letter queue each get it when configured;
    /// with neither, Lambda discards it and it is lost.
    /// </summary>
    private async Task DiscardAsync(Queued queued, string condition, string why, TextWriter? onFailure, TextWriter? deadLetters)
    {
        var sentTo = new List<string>();
        if (onFailure is not null)
        {
            await WriteAsync(onFailure, AsyncRules.DestinationRecord(clock.GetUtcNow(), queued.Fate.Id, functionArn, condition, queued.Attempts, queued.Event, queued.Last)).ConfigureAwait(false);
            sentTo.Add("the on-failure destination");
        }

        if (deadLetters is not null)
        {
            await WriteAsync(deadLetters, DeadLetterMessage(queued)).ConfigureAwait(false);
            sentTo.Add("the dead-letter queue");
        }

        if (sentTo.Count == 0)
        {
            queued.Fate.Settle(FateOutcome.Lost, $"{condition}: {why}, and no on-failure destination or dead-letter queue is configured, so Lambda discarded it");
        }
        else
        {
            queued.Fate.Settle(FateOutcome.DeadLettered, $"{condition}: {why}; sent to {string.Join(" and ", sentTo)}");
        }
    }

    /// <summary>The dead-letter queue's message: the event as the body, with RequestID, ErrorCode and ErrorMessage attributes.</summary>
    private static string DeadLetterMessage(Queued queued)
    {
        var message = new SqsMessage
        {
            MessageId = Guid.NewGuid().ToString(),
            Body = queued.Event,
            MessageAttributes = new Dictionary<string, SqsMessageAttribute>(StringComparer.Ordinal)
            {
                ["RequestID"] = new() { DataType = "String", StringValue = queued.Fate.Id },
                ["ErrorCode"] = new() { DataType = "Number", StringValue = "200" },
                ["ErrorMessage"] = new() { DataType = "String", StringValue = ErrorMessage(queued.Last) },
            },
        };
        return Encoding.UTF8.GetString(LambdaEventSerializer.SerializeToUtf8Bytes(message, SqsJsonContext.Default.SqsMessage));
    }

    private static string ErrorMessage(FunctionInvocation? last)
    {
        if (last is null)
        {
            return "Event age exceeded before the function was invoked.";
        }

        try
        {
            using var error = JsonDocument.Parse(last.Body);
            if (error.RootElement.ValueKind == JsonValueKind.Object && error.RootElement.TryGetProperty("errorMessage", out var text) && text.ValueKind == JsonValueKind.String)
            {
                return text.GetString()!;
            }
        }
        catch (JsonException)
        {
            // Not a JSON error body.
        }

        return last.Describe();
    }

    private static StreamWriter? Destination(string? path) => path is null ? null : new StreamWriter(path, append: false, new UTF8Encoding(false));

    private static async Task WriteAsync(TextWriter? destination, string record)
    {
        if (destination is not null)
        {
            await destination.WriteLineAsync(record).ConfigureAwait(false);
            await destination.FlushAsync().ConfigureAwait(false);
        }
    }

    private sealed class Queued(RecordFate fate, string @event, DateTimeOffset dueAt)
    {
        public RecordFate Fate { get; } = fate;

        public string Event { get; } = @event;

        public DateTimeOffset DueAt { get; set; } = dueAt;

        public int Attempts { get; set; }

        public FunctionInvocation? Last { get; set; }
    }
}
