using System.Globalization;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using Lambda.Toolkit.Emulator;
using Lambda.Toolkit.Events.Sqs;
using Lambda.Toolkit.Testing;

namespace Lambda.Toolkit.Local.Commands;

/// <summary>What <c>poll sqs</c> needs to know about the queue.</summary>
internal sealed record SqsQueueFacts(string Arn, string Region, bool IsFifo, string? Problem);

/// <summary>
/// The polling loop of <c>poll sqs</c> and the counts for its summary: gathers batches, invokes the function, settles
/// each batch (<see cref="SqsBatchSettlement"/>), deletes what succeeded and, at a stop, releases what it still holds.
/// </summary>
internal sealed class SqsPoller(AmazonSQSClient client, PollSqsOptions options, SqsQueueFacts queue, TextWriter output, TextWriter errors, Action<PollSqsBatch>? batchSettled)
{
    /// <summary>After a stop signal, how much longer than the function timeout the batch in flight may take (a process restart).</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    private readonly PollSqsSummary _summary = new();

    /// <summary>Received and not yet given to the function (a batch being gathered, or what did not fit the last one), in order.</summary>
    private readonly List<SqsMessage> _inHand = [];

    /// <summary>When the server ends the last receive's long poll, even if the tool stopped waiting for it.</summary>
    private DateTimeOffset _receiveEnds;

    public async Task<int> RunAsync(CancellationToken stop)
    {
        await using var emulator = await RuntimeApiEmulator.StartAsync(new RuntimeApiEmulatorOptions { FunctionName = options.FunctionName, Timeout = options.Timeout, Region = queue.Region }, stop).ConfigureAwait(false);
        await using var function = new LocalFunction(emulator, options.Function, options.MemorySizeMb, output, errors, options.Environment);
        try
        {
            await function.StartAsync(stop).ConfigureAwait(false);
        }
        catch (FunctionProcessException ex)
        {
            await errors.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return ExitCodes.ProcessFailed;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped while the function was being built or started: nothing was received.
            await output.WriteLineAsync(JsonSerializer.Serialize(_summary, PollSqsJsonContext.Default.PollSqsSummary)).ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }

        await errors.WriteLineAsync($"[lambda-toolkit] Polling {options.QueueUrl} ({(queue.IsFifo ? "FIFO" : "standard")}, batch size {options.BatchSize}{(options.BatchWindow > TimeSpan.Zero ? $", batch window {options.BatchWindow.TotalSeconds:0} s" : string.Empty)}, ReportBatchItemFailures {(options.ReportBatchItemFailures ? "on" : "off")}) for {options.FunctionName} (Ctrl+C to stop)").ConfigureAwait(false);
        var exitCode = ExitCodes.Cancelled;
        var backoff = TimeSpan.Zero;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await GatherAsync(stop).ConfigureAwait(false);
                backoff = TimeSpan.Zero;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (PollSqsCommand.Describe(ex, options) is { } message)
            {
                // As Lambda's pollers do, keep polling: a local server restarting or a network blip is not the end.
                backoff = backoff == TimeSpan.Zero ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(Math.Min(30, backoff.TotalSeconds * 2));
                await errors.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"[lambda-toolkit] ReceiveMessage failed: {message} Retrying in {backoff.TotalSeconds:0} s.")).ConfigureAwait(false);
                try
                {
                    await Task.Delay(backoff, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                continue;
            }

            var batch = TakeBatch();
            if (batch.Count == 0)
            {
                continue;
            }

            if (!await InvokeAsync(function, batch, stop).ConfigureAwait(false))
            {
                exitCode = ExitCodes.ProcessFailed;
                break;
            }
        }

        await ReleaseAsync().ConfigureAwait(false);
        await function.StopAsync().ConfigureAwait(false);
        await output.WriteLineAsync(JsonSerializer.Serialize(_summary, PollSqsJsonContext.Default.PollSqsSummary)).ConfigureAwait(false);
        return exitCode;
    }

    /// <summary>
    /// Receives into <see cref="_inHand"/> until a batch is ready: without a batch window, as soon as a receive returns
    /// messages; with one, when the batch is full or the window (started by the first message) has passed.
    /// </summary>
    private async Task GatherAsync(CancellationToken stop)
    {
        DateTimeOffset? closes = _inHand.Count > 0 ? DateTimeOffset.UtcNow + options.BatchWindow : null;
        while (_inHand.Count < options.BatchSize)
        {
            var wait = options.WaitTimeSeconds;
            if (closes is { } end)
            {
                var left = end - DateTimeOffset.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    return;
                }

                // A short poll while messages are in hand: a receive abandoned at a stop ends on the server within a
                // second, so the messages released after it are not taken by it (see ReleaseAsync).
                wait = (int)Math.Min(Math.Min(options.WaitTimeSeconds, 1), Math.Ceiling(left.TotalSeconds));
            }

            _receiveEnds = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(wait);

            var request = new ReceiveMessageRequest
            {
                QueueUrl = options.QueueUrl,
                MaxNumberOfMessages = Math.Min(PollSqsCommand.MaxBatchEntries, options.BatchSize - _inHand.Count),
                WaitTimeSeconds = wait,
                MessageSystemAttributeNames = ["All"],
                MessageAttributeNames = ["All"],
            };

            // The older name of the same list too: SQS still reads it, and local servers (local-aws-sqs) read only it;
            // without it their messages reach the function with no system attributes (no ApproximateReceiveCount).
#pragma warning disable CS0618
            request.AttributeNames = ["All"];
#pragma warning restore CS0618
            List<Message> messages;
            try
            {
                messages = (await client.ReceiveMessageAsync(request, stop).ConfigureAwait(false)).Messages ?? [];
            }
            catch (AmazonUnmarshallingException ex) when (ex.StatusCode == System.Net.HttpStatusCode.OK && string.IsNullOrWhiteSpace(ex.ResponseBody))
            {
                // Some local servers (local-aws-sqs) answer an empty receive with 200 and no body at all, where SQS
                // answers {}: there were no messages.
                messages = [];
            }

            foreach (var message in messages)
            {
                _inHand.Add(SqsEventMapper.ToRecord(message, queue.Arn, queue.Region));
            }

            _summary.Received += messages.Count;
            if (_inHand.Count > 0 && options.BatchWindow == TimeSpan.Zero)
            {
                return;
            }

            if (_inHand.Count > 0 && closes is null)
            {
                closes = DateTimeOffset.UtcNow + options.BatchWindow;
                await errors.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"[lambda-toolkit] Batch window open: {_inHand.Count} message(s) in hand; the batch goes at {options.BatchSize} messages or in {options.BatchWindow.TotalSeconds:0} s.")).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The next batch from <see cref="_inHand"/>: up to the batch size and Lambda's 6 MB payload; the rest waits for the next.</summary>
    private List<SqsMessage> TakeBatch()
    {
        var count = Math.Min(options.BatchSize, _inHand.Count);
        while (count > 1 && SqsEventMapper.Serialize(_inHand.Take(count)).Length > PollSqsOptions.MaxEventBytes)
        {
            count--;
        }

        var batch = _inHand.GetRange(0, count);
        _inHand.RemoveRange(0, count);
        return batch;
    }

    /// <summary>One invocation and its settlement; <see langword="false"/> when the function cannot be started again.</summary>
    private async Task<bool> InvokeAsync(LocalFunction function, List<SqsMessage> batch, CancellationToken stop)
    {
        var number = ++_summary.Batches;
        using var abandon = new CancellationTokenSource();
        using var stopping = stop.Register(() =>
        {
            errors.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[lambda-toolkit] Stopping: batch {number} ({batch.Count} messages) is in flight and gets until its deadline to finish; messages it does not finish stay on the queue."));
            abandon.CancelAfter(options.Timeout + StopGrace);
        });
        LocalInvocation? invocation = null;
        var started = true;
        try
        {
            invocation = await function.InvokeAsync(SqsEventMapper.Serialize(batch), new TestInvocation(), abandon.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (abandon.IsCancellationRequested)
        {
            await errors.WriteLineAsync($"[lambda-toolkit] Batch {number} did not finish in time; its messages stay on the queue and come back after their visibility timeout.").ConfigureAwait(false);
        }
        catch (FunctionProcessException ex)
        {
            await errors.WriteLineAsync(ex.Message).ConfigureAwait(false);
            started = false;
        }

        var settlement = SqsBatchSettlement.Settle(batch, invocation?.Result, options.ReportBatchItemFailures);
        if (settlement.Warning is { } warning)
        {
            await errors.WriteLineAsync("[lambda-toolkit] " + warning).ConfigureAwait(false);
        }

        var succeeded = batch.Where((_, i) => settlement.Reasons[i] is null).ToList();
        var failed = batch.Where((_, i) => settlement.Reasons[i] is not null).ToList();
        var deleted = await DeleteAsync(succeeded).ConfigureAwait(false);
        if (options.FailedVisibility is { } visibility && failed.Count > 0)
        {
            await ChangeVisibilityAsync(failed, visibility, "failed").ConfigureAwait(false);
        }

        _summary.Succeeded += succeeded.Count;
        _summary.Failed += failed.Count;
        _summary.Deleted += deleted;
        _summary.DeleteFailed += succeeded.Count - deleted;
        var reasons = settlement.Reasons.Where(r => r is not null).GroupBy(r => r).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key}"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"batch {number}: received {batch.Count}, succeeded {succeeded.Count}, failed {failed.Count}, deleted {deleted}{(failed.Count > 0 ? $" (failed: {string.Join("; ", reasons)})" : string.Empty)}")).ConfigureAwait(false);
        batchSettled?.Invoke(new PollSqsBatch(number, batch.Count, succeeded.Count, failed.Count, deleted));
        return started;
    }

    /// <summary>Deletes <paramref name="messages"/> (DeleteMessageBatch, 10 at a time), reporting each one SQS does not delete; returns how many it deleted.</summary>
    private async Task<int> DeleteAsync(List<SqsMessage> messages)
    {
        var deleted = 0;
        foreach (var chunk in messages.Chunk(PollSqsCommand.MaxBatchEntries))
        {
            var entries = chunk.Select((m, i) => new DeleteMessageBatchRequestEntry { Id = i.ToString(CultureInfo.InvariantCulture), ReceiptHandle = m.ReceiptHandle }).ToList();
            for (var attempt = 1; entries.Count > 0; attempt++)
            {
                List<BatchResultErrorEntry> failed;
                try
                {
                    using var limit = new CancellationTokenSource(PollSqsCommand.CallTimeout);
                    var response = await client.DeleteMessageBatchAsync(new DeleteMessageBatchRequest { QueueUrl = options.QueueUrl, Entries = entries }, limit.Token).ConfigureAwait(false);
                    deleted += response.Successful?.Count ?? 0;
                    failed = response.Failed ?? [];
                }
                catch (Exception ex) when (ex is OperationCanceledException || PollSqsCommand.Describe(ex, options) is not null)
                {
                    var message = ex is OperationCanceledException ? $"no answer within {PollSqsCommand.CallTimeout.TotalSeconds:0} seconds" : PollSqsCommand.Describe(ex, options)!;
                    failed = [.. entries.Select(e => new BatchResultErrorEntry { Id = e.Id, Code = "RequestFailed", Message = message, SenderFault = false })];
                }

                // A failure on SQS's side is tried once more; the sender's (an expired receipt handle) will not change.
                var retry = attempt == 1 ? failed.Where(f => f.SenderFault != true).Select(f => f.Id).ToHashSet(StringComparer.Ordinal) : [];
                foreach (var failure in failed.Where(f => !retry.Contains(f.Id)))
                {
                    var id = chunk[int.Parse(failure.Id, CultureInfo.InvariantCulture)].MessageId;
                    await errors.WriteLineAsync($"[lambda-toolkit] Message {id} succeeded but was not deleted ({failure.Code}: {failure.Message}); SQS will deliver it again.").ConfigureAwait(false);
                }

                entries = [.. entries.Where(e => retry.Contains(e.Id))];
            }
        }

        return deleted;
    }

    /// <summary>Sets the visibility timeout of <paramref name="messages"/> (ChangeMessageVisibilityBatch, 10 at a time); failures are reported, not fatal.</summary>
    private async Task ChangeVisibilityAsync(List<SqsMessage> messages, TimeSpan visibility, string what)
    {
        foreach (var chunk in messages.Chunk(PollSqsCommand.MaxBatchEntries))
        {
            var entries = chunk.Select((m, i) => new ChangeMessageVisibilityBatchRequestEntry { Id = i.ToString(CultureInfo.InvariantCulture), ReceiptHandle = m.ReceiptHandle, VisibilityTimeout = (int)visibility.TotalSeconds }).ToList();
            try
            {
                using var limit = new CancellationTokenSource(PollSqsCommand.CallTimeout);
                var response = await client.ChangeMessageVisibilityBatchAsync(new ChangeMessageVisibilityBatchRequest { QueueUrl = options.QueueUrl, Entries = entries }, limit.Token).ConfigureAwait(false);
                foreach (var failure in response.Failed ?? [])
                {
                    await errors.WriteLineAsync($"[lambda-toolkit] The visibility of {what} message {chunk[int.Parse(failure.Id, CultureInfo.InvariantCulture)].MessageId} was not changed ({failure.Code}: {failure.Message}); it comes back after its visibility timeout.").ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException || PollSqsCommand.Describe(ex, options) is not null)
            {
                await errors.WriteLineAsync($"[lambda-toolkit] The visibility of {chunk.Length} {what} message(s) was not changed ({(ex is OperationCanceledException ? "no answer" : PollSqsCommand.Describe(ex, options))}); they come back after their visibility timeout.").ConfigureAwait(false);
            }
        }
    }

    /// <summary>At stop: messages received but never given to the function are made visible again at once.</summary>
    private async Task ReleaseAsync()
    {
        if (_inHand.Count == 0)
        {
            return;
        }

        // A receive cancelled by the stop may still be polling on the server, and would take the messages released
        // before it ends (they would then come back only after their visibility timeout): let it end first.
        var polling = _receiveEnds + TimeSpan.FromMilliseconds(250) - DateTimeOffset.UtcNow;
        if (polling > TimeSpan.Zero)
        {
            await Task.Delay(polling).ConfigureAwait(false);
        }

        _summary.Released += _inHand.Count;
        await errors.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"[lambda-toolkit] Releasing {_inHand.Count} message(s) received but not yet given to the function.")).ConfigureAwait(false);
        await ChangeVisibilityAsync(_inHand, TimeSpan.Zero, "released").ConfigureAwait(false);
        _inHand.Clear();
    }
}
