using System.Globalization;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Sqs;

namespace Lambda.Toolkit.Local.Simulation;

/// <summary>
/// The SQS engine: a simulated queue and one Lambda poller in front of the function, on a virtual clock. The poller
/// receives a batch, invokes the function, deletes what succeeded; SQS brings back the rest after the visibility
/// timeout, redrives to the dead-letter queue and expires messages as <see cref="SqsRules"/> says. It ends when every
/// message has an outcome.
/// </summary>
internal sealed class SqsSimulation(SqsSimulationOptions options, IFunctionInvoker function, SimulatedClock clock, string queueName, TextWriter log)
{
    private const string Region = "us-east-1";

    /// <summary>How many times the function was invoked.</summary>
    public int Invocations { get; private set; }

    /// <summary>Sends <paramref name="messages"/> to the queue and runs until each has an outcome.</summary>
    /// <returns>Each message's fate, in input order.</returns>
    public async Task<IReadOnlyList<RecordFate>> RunAsync(IReadOnlyList<(int Line, SqsMessage Message)> messages, CancellationToken cancellationToken)
    {
        var queueArn = $"arn:aws:sqs:{Region}:123456789012:{queueName}{(options.Fifo && !queueName.EndsWith(".fifo", StringComparison.Ordinal) ? ".fifo" : string.Empty)}";
        var (fates, queue) = Send(messages);
        try
        {
            DateTimeOffset? gatheringSince = null;
            while (queue.Any(m => !m.Fate.Settled))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var now = clock.GetUtcNow();
                Expire(queue, now);
                var batch = Select(queue, now);
                if (batch.Count == 0)
                {
                    if (NextChange(queue) is { } next)
                    {
                        clock.AdvanceTo(next);
                    }

                    continue;
                }

                // Batching window: with fewer records than the batch size, the poller keeps gathering until the window
                // ends (or the batch or the 6 MB payload is full) before it invokes.
                if (options.BatchWindow > TimeSpan.Zero && batch.Count < options.BatchSize && !Full(batch, now, queueArn))
                {
                    gatheringSince ??= now;
                    var windowEnd = gatheringSince.Value + options.BatchWindow;
                    if (now < windowEnd)
                    {
                        clock.AdvanceTo(NextChange(queue) is { } change && change < windowEnd ? change : windowEnd);
                        continue;
                    }
                }

                gatheringSince = null;
                await InvokeAsync(batch, now, queueArn, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller reports what is settled; the rest stays pending.
        }

        return fates;
    }

    private (List<RecordFate> Fates, List<SqsQueuedMessage> Queue) Send(IReadOnlyList<(int Line, SqsMessage Message)> messages)
    {
        var fates = new List<RecordFate>(messages.Count);
        var queue = new List<SqsQueuedMessage>(messages.Count);
        var deduplication = new Dictionary<string, (int Line, DateTimeOffset At)>(StringComparer.Ordinal);
        var sentAt = clock.GetUtcNow();
        var sequence = 18_849_496_460_467_696L; // SQS sequence numbers are large, increasing, 20 digits
        foreach (var (line, message) in messages)
        {
            var fate = new RecordFate(line, message.MessageId);
            fates.Add(fate);
            if (!options.Fifo)
            {
                queue.Add(new SqsQueuedMessage(fate, message, sentAt, null, null, 0));
                continue;
            }

            var attributes = message.Attributes ?? [];
            var deduplicationId = SqsRules.DeduplicationId(message.Body, attributes.GetValueOrDefault("MessageDeduplicationId"));
            if (deduplication.TryGetValue(deduplicationId, out var first) && sentAt - first.At < SqsRules.DeduplicationInterval)
            {
                fate.Settle(FateOutcome.Deduplicated, $"FIFO deduplication: same MessageDeduplicationId as line {first.Line} within the 5-minute deduplication interval, so SQS accepted but did not enqueue it");
                continue;
            }

            deduplication[deduplicationId] = (line, sentAt);
            queue.Add(new SqsQueuedMessage(fate, message, sentAt, attributes.GetValueOrDefault("MessageGroupId") ?? message.MessageGroupId ?? "default", deduplicationId, sequence++));
        }

        return (fates, queue);
    }

    private void Expire(List<SqsQueuedMessage> queue, DateTimeOffset now)
    {
        foreach (var message in queue)
        {
            if (!message.Fate.Settled && SqsRules.RetentionExpired(message.SentAt, options.Retention, now))
            {
                message.Fate.Settle(FateOutcome.Lost, string.Create(CultureInfo.InvariantCulture, $"message retention period ({options.Retention.TotalSeconds:0} s) ran out after {message.ReceiveCount} receive(s) and no redrive policy moved it: SQS deleted it (last failure: {message.Fate.Why})"));
            }
        }
    }

    /// <summary>
    /// The next receive: visible messages in queue order, up to the batch size and the 6 MB payload. A message whose
    /// receive count reached maxReceiveCount is moved to the dead-letter queue instead. FIFO: within a message group,
    /// messages are returned in order and none while an earlier one of the group is in flight (the group is blocked).
    /// </summary>
    private List<SqsQueuedMessage> Select(List<SqsQueuedMessage> queue, DateTimeOffset now)
    {
        var batch = new List<SqsQueuedMessage>();
        var blocked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var message in queue)
        {
            if (message.Fate.Settled || batch.Count == options.BatchSize)
            {
                continue;
            }

            if (message.GroupId is { } group && blocked.Contains(group))
            {
                continue;
            }

            if (!message.IsVisible(now))
            {
                if (message.GroupId is not null)
                {
                    blocked.Add(message.GroupId);
                }

                continue;
            }

            if (SqsRules.ShouldRedrive(message.ReceiveCount, options.MaxReceiveCount))
            {
                message.Fate.Settle(FateOutcome.DeadLettered, string.Create(CultureInfo.InvariantCulture, $"received {message.ReceiveCount} times (maxReceiveCount {options.MaxReceiveCount}), so SQS moved it to the dead-letter queue at t+{clock.Elapsed.TotalSeconds:0.###}s instead of receive {message.ReceiveCount + 1} (last failure: {message.Fate.Why})"));
                continue;
            }

            batch.Add(message);
        }

        return batch;
    }

    private bool Full(List<SqsQueuedMessage> batch, DateTimeOffset now, string queueArn) =>
        batch.Sum(m => Size(m, now, queueArn)) + 1024 > SqsRules.MaxBatchBytes;

    private int Size(SqsQueuedMessage message, DateTimeOffset now, string queueArn)
    {
        // Measured on the record as it would be delivered, without receiving it.
        var probe = new SqsQueuedMessage(new RecordFate(0, message.Sent.MessageId), message.Sent, message.SentAt, message.GroupId, message.DeduplicationId, 0);
        return LambdaEventSerializer.SerializeToUtf8Bytes(probe.Receive(now, options.VisibilityTimeout, queueArn, Region), SqsJsonContext.Default.SqsMessage).Length + 1;
    }

    /// <summary>The next moment something can change: a message becomes visible or expires.</summary>
    private DateTimeOffset? NextChange(List<SqsQueuedMessage> queue)
    {
        var now = clock.GetUtcNow();
        DateTimeOffset? next = null;
        foreach (var message in queue.Where(m => !m.Fate.Settled))
        {
            foreach (var at in (ReadOnlySpan<DateTimeOffset>)[message.VisibleAt, message.SentAt + options.Retention])
            {
                if (at > now && (next is null || at < next))
                {
                    next = at;
                }
            }
        }

        return next;
    }

    private async Task InvokeAsync(List<SqsQueuedMessage> candidates, DateTimeOffset now, string queueArn, CancellationToken cancellationToken)
    {
        // The 6 MB payload limit: the batch stops before the record that would take it over.
        var records = new List<SqsMessage>();
        var batch = new List<SqsQueuedMessage>();
        var bytes = 1024;
        foreach (var message in candidates)
        {
            var size = Size(message, now, queueArn);
            if (batch.Count > 0 && bytes + size > SqsRules.MaxBatchBytes)
            {
                break;
            }

            bytes += size;
            batch.Add(message);
            records.Add(message.Receive(now, options.VisibilityTimeout, queueArn, Region));
        }

        var payload = LambdaEventSerializer.SerializeToUtf8Bytes(new SqsEvent { Records = records }, SqsJsonContext.Default.SqsEvent);
        Invocations++;
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"[lambda-toolkit] t+{clock.Elapsed.TotalSeconds:0.000}s invocation {Invocations}: {batch.Count} message(s), receive counts {string.Join(",", batch.Select(m => m.ReceiveCount))}")).ConfigureAwait(false);
        var result = await function.InvokeAsync(payload, null, cancellationToken).ConfigureAwait(false);
        clock.Advance(result.Duration);

        var verdict = PartialBatchResponse.Judge(batch.Select(m => m.Sent.MessageId).ToList(), result, options.ReportBatchItemFailures);
        foreach (var message in batch)
        {
            var id = message.Sent.MessageId;
            if (verdict.Failed.Contains(id))
            {
                message.Fate.Note(string.Create(CultureInfo.InvariantCulture, $"receive {message.ReceiveCount}: {verdict.Reason}"));
            }
            else if (verdict.Ignored.Contains(id))
            {
                message.Fate.Settle(FateOutcome.Lost, string.Create(CultureInfo.InvariantCulture, $"the function reported it in batchItemFailures on receive {message.ReceiveCount}, but {verdict.Reason}"));
            }
            else
            {
                var how = result.Succeeded && verdict.Failed.Count > 0 ? "not in batchItemFailures" : "the function succeeded";
                message.Fate.Settle(FateOutcome.Processed, string.Create(CultureInfo.InvariantCulture, $"deleted after receive {message.ReceiveCount} at t+{clock.Elapsed.TotalSeconds:0.###}s ({how})"));
            }
        }
    }
}
