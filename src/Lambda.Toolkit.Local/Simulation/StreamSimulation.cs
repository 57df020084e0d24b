using System.Globalization;
using System.Text;
using System.Text.Json;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Batch;

namespace Lambda.Toolkit.Local.Simulation;

/// <summary>
/// The stream engine (Kinesis and DynamoDB Streams): records spread over shards by key; per shard, one batch at a
/// time, in order, from the checkpoint. A failed batch is retried (or bisected), checkpointed past what succeeded,
/// skipped when its retries or its records' age run out (with an on-failure record for the skipped range), as
/// <see cref="StreamRules"/> says. Shards take turns on the virtual clock.
/// </summary>
internal sealed class StreamSimulation(StreamSimulationOptions options, IFunctionInvoker function, SimulatedClock clock, string functionName, TextWriter log)
{
    private readonly string _functionArn = $"arn:aws:lambda:us-east-1:123456789012:function:{functionName}";

    /// <summary>How many times the function was invoked.</summary>
    public int Invocations { get; private set; }

    /// <summary>Puts the records on the stream and runs until each has an outcome.</summary>
    /// <returns>Each record's fate, in input order.</returns>
    public async Task<IReadOnlyList<RecordFate>> RunAsync(IReadOnlyList<StreamInput> inputs, CancellationToken cancellationToken)
    {
        var format = options.Format;
        var streamArn = format.StreamArn(functionName);
        var start = clock.GetUtcNow();
        var shards = Enumerable.Range(0, options.Shards).Select(i => new Shard(string.Create(CultureInfo.InvariantCulture, $"shardId-{i:D12}"), start)).ToList();
        var fates = new List<RecordFate>(inputs.Count);
        foreach (var input in inputs)
        {
            var arrivedAt = start + (options.ArrivalInterval * fates.Count);
            var index = StreamRules.Shard(input.PartitionKey, options.Shards);
            var shard = shards[index];
            var sequenceNumber = format.SequenceNumber(index, shard.Records.Count);
            var fate = new RecordFate(input.Line, sequenceNumber);
            fates.Add(fate);
            shard.Records.Add(new StreamRecord(input, fate, shard.Id, sequenceNumber, arrivedAt));
        }

        await using var onFailure = options.OnFailurePath is { } path ? new StreamWriter(path, append: false, new UTF8Encoding(false)) : null;
        try
        {
            while (shards.Where(s => s.Position < s.Records.Count || s.WindowEnd is not null).MinBy(s => s.DueAt) is { } shard)
            {
                cancellationToken.ThrowIfCancellationRequested();
                clock.AdvanceTo(shard.DueAt);
                var now = clock.GetUtcNow();

                // Tumbling windows: once a window has ended and its records are done, its final invocation comes
                // before any record of the next.
                if (shard.WindowEnd is { } windowEnd && now >= windowEnd
                    && (shard.Position == shard.Records.Count || StreamRules.WindowStart(shard.Records[shard.Position].ArrivedAt, options.TumblingWindow) != shard.WindowStart))
                {
                    await FinalInvokeAsync(shard, streamArn, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (shard.Position < shard.Records.Count && shard.Records[shard.Position].ArrivedAt > now)
                {
                    // Nothing to read until the next record arrives (or the open window ends).
                    var arrival = shard.Records[shard.Position].ArrivedAt;
                    shard.DueAt = shard.WindowEnd is { } end && end < arrival ? end : arrival;
                    continue;
                }

                if (shard.Position == shard.Records.Count)
                {
                    shard.DueAt = shard.WindowEnd!.Value;
                    continue;
                }

                if (!await DropExpiredAsync(shard, streamArn, onFailure).ConfigureAwait(false))
                {
                    await InvokeAsync(shard, streamArn, onFailure, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller reports what is settled; the rest stays pending.
        }

        return fates;
    }

    /// <summary>Drops the records at the checkpoint the stream has trimmed or that are over the maximum record age; <see langword="true"/> when some were.</summary>
    private async Task<bool> DropExpiredAsync(Shard shard, string streamArn, TextWriter? onFailure)
    {
        var now = clock.GetUtcNow();
        var end = shard.Position;
        while (end < shard.Records.Count && StreamRules.Trimmed(shard.Records[end].ArrivedAt, options.Retention, now))
        {
            shard.Records[end++].Fate.Settle(FateOutcome.Lost, string.Create(CultureInfo.InvariantCulture, $"the stream's retention period ({options.Retention.TotalHours:0.##} h) passed before it was processed: the stream trimmed it (last failure: {shard.Records[end - 1].Fate.Why})"));
        }

        if (end > shard.Position)
        {
            shard.Advance(end);
            return true;
        }

        while (end < shard.Records.Count && StreamRules.TooOld(shard.Records[end].ArrivedAt, options.MaxRecordAge, now))
        {
            end++;
        }

        if (end == shard.Position)
        {
            return false;
        }

        await SkipAsync(shard, end, StreamRules.RecordAgeExceeded, string.Create(CultureInfo.InvariantCulture, $"older than the maximum record age ({options.MaxRecordAge!.Value.TotalSeconds:0} s) at t+{clock.Elapsed.TotalSeconds:0.###}s"), streamArn, onFailure).ConfigureAwait(false);
        return true;
    }

    private async Task InvokeAsync(Shard shard, string streamArn, TextWriter? onFailure, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var limit = shard.BisectedEnd ?? Math.Min(shard.Records.Count, shard.Position + options.BatchSize);
        var window = Window(shard, shard.Records[shard.Position]);
        var end = shard.Position + 1;
        while (end < limit && shard.Records[end].ArrivedAt <= now && (window is null || StreamRules.WindowStart(shard.Records[end].ArrivedAt, options.TumblingWindow) == window.Start))
        {
            end++;
        }

        var batch = shard.Records.GetRange(shard.Position, end - shard.Position);
        var payload = options.Format.Event(batch, streamArn, window);

        // The 6 MB synchronous payload limit: a batch over it is cut down to what fits.
        while (payload.Length > SqsRules.MaxBatchBytes && batch.Count > 1)
        {
            batch = batch.GetRange(0, batch.Count / 2);
            payload = options.Format.Event(batch, streamArn, window);
        }

        Invocations++;
        shard.Attempts++;
        foreach (var record in batch)
        {
            record.Fate.Deliveries++;
        }

        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"[lambda-toolkit] t+{clock.Elapsed.TotalSeconds:0.000}s invocation {Invocations}: {shard.Id}, {batch.Count} record(s) from {batch[0].SequenceNumber}")).ConfigureAwait(false);
        var result = await function.InvokeAsync(payload, null, cancellationToken).ConfigureAwait(false);
        clock.Advance(result.Duration);
        shard.Last = result;
        var sequenceNumbers = batch.Select(r => r.SequenceNumber).ToList();
        var verdict = PartialBatchResponse.Judge(sequenceNumbers, result, options.ReportBatchItemFailures);
        if (window is not null && result.Succeeded && verdict.Failed.Count < batch.Count)
        {
            // The state the function returns is handed to the next invocation of the same window.
            shard.State = StateOf(result) ?? shard.State;
        }

        var done = verdict.Failed.Count == 0 ? batch.Count : StreamRules.Checkpoint(sequenceNumbers, verdict.Failed);
        for (var i = 0; i < done; i++)
        {
            var record = batch[i];
            if (verdict.Ignored.Contains(record.SequenceNumber))
            {
                record.Fate.Settle(FateOutcome.Lost, string.Create(CultureInfo.InvariantCulture, $"the function reported it in batchItemFailures, but {verdict.Reason.Replace("deleted the whole batch", "checkpointed past the whole batch", StringComparison.Ordinal)}"));
            }
            else
            {
                var inWindow = window is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" in window {window.Range.Start}");
                record.Fate.Settle(FateOutcome.Processed, string.Create(CultureInfo.InvariantCulture, $"checkpointed after delivery {record.Fate.Deliveries} at t+{clock.Elapsed.TotalSeconds:0.###}s{inWindow}"));
            }
        }

        if (done == batch.Count)
        {
            shard.Advance(shard.Position + done);
            return;
        }

        var failedAt = shard.Position + done;
        foreach (var record in batch.Skip(done))
        {
            record.Fate.Note(string.Create(CultureInfo.InvariantCulture, $"delivery {record.Fate.Deliveries}: {verdict.Reason}"));
        }

        if (done > 0)
        {
            // Checkpointed at the failed record: the retry starts there and counts as its first retry.
            shard.Advance(failedAt);
            shard.Attempts = 1;
        }

        if (StreamRules.ShouldBisect(options.BisectOnError, batch.Count, result))
        {
            shard.Bisect(shard.Position + (batch.Count / 2), shard.Position + batch.Count);
            return;
        }

        if (StreamRules.ShouldRetry(shard.Attempts - 1, options.MaxRetryAttempts))
        {
            // The stream trims the record at the end of its retention period even while it waits for a retry.
            var retryAt = clock.GetUtcNow() + StreamRules.RetryDelay(shard.Attempts);
            var trimmedAt = shard.Records[shard.Position].ArrivedAt + options.Retention;
            shard.DueAt = retryAt < trimmedAt ? retryAt : trimmedAt;
            return;
        }

        await SkipAsync(shard, shard.Position + batch.Count - done, StreamRules.RetryAttemptsExhausted, string.Create(CultureInfo.InvariantCulture, $"{shard.Attempts} attempt(s) failed (maximum retry attempts {options.MaxRetryAttempts})"), streamArn, onFailure).ConfigureAwait(false);
    }

    /// <summary>
    /// The tumbling window of a batch starting at <paramref name="first"/>, or <see langword="null"/> without windows.
    /// A new window starts with an empty state; its final invocation falls due at its end.
    /// </summary>
    private StreamWindow? Window(Shard shard, StreamRecord first)
    {
        if (options.TumblingWindow <= TimeSpan.Zero)
        {
            return null;
        }

        var start = StreamRules.WindowStart(first.ArrivedAt, options.TumblingWindow);
        if (shard.WindowStart != start)
        {
            shard.WindowStart = start;
            shard.WindowEnd = start + options.TumblingWindow;
            shard.State = [];
        }

        return new StreamWindow(start, start + options.TumblingWindow, shard.State ?? [], shard.Id, IsFinal: false);
    }

    /// <summary>
    /// The window's final invocation: no records, the state so far, <c>isFinalInvokeForWindow</c> true, so the
    /// function can act on the window's aggregate. A failed one is retried like a batch; its state is then dropped.
    /// </summary>
    private async Task FinalInvokeAsync(Shard shard, string streamArn, CancellationToken cancellationToken)
    {
        var window = new StreamWindow(shard.WindowStart!.Value, shard.WindowEnd!.Value, shard.State ?? [], shard.Id, IsFinal: true);
        Invocations++;
        shard.FinalAttempts++;
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"[lambda-toolkit] t+{clock.Elapsed.TotalSeconds:0.000}s invocation {Invocations}: {shard.Id}, final invocation of window {window.Range.Start}")).ConfigureAwait(false);
        var result = await function.InvokeAsync(options.Format.Event([], streamArn, window), null, cancellationToken).ConfigureAwait(false);
        clock.Advance(result.Duration);
        // Retried like a batch, and, like the window's records, not beyond the stream's retention period.
        if (!result.Succeeded && StreamRules.ShouldRetry(shard.FinalAttempts - 1, options.MaxRetryAttempts) && !StreamRules.Trimmed(window.End, options.Retention, clock.GetUtcNow()))
        {
            shard.DueAt = clock.GetUtcNow() + StreamRules.RetryDelay(shard.FinalAttempts);
            return;
        }

        if (!result.Succeeded)
        {
            await log.WriteLineAsync($"[lambda-toolkit] The final invocation of window {window.Range.Start} on {shard.Id} failed {shard.FinalAttempts} time(s); its state is dropped.").ConfigureAwait(false);
        }

        shard.WindowEnd = null;
        shard.State = null;
        shard.FinalAttempts = 0;
        shard.DueAt = clock.GetUtcNow();
    }

    private static Dictionary<string, JsonElement>? StateOf(FunctionInvocation result)
    {
        try
        {
            return result.Body.Length == 0 ? null : LambdaEventSerializer.Deserialize(result.Body, BatchJsonContext.Default.TimeWindowResponse).State;
        }
        catch (EventDeserializationException)
        {
            return null;
        }
    }

    /// <summary>
    /// Skips the records from the checkpoint to <paramref name="end"/>: the on-failure destination gets one record
    /// describing the range; without one, Lambda skips them with no trace and they are lost.
    /// </summary>
    private async Task SkipAsync(Shard shard, int end, string condition, string why, string streamArn, TextWriter? onFailure)
    {
        var range = shard.Records.GetRange(shard.Position, end - shard.Position);
        if (onFailure is not null)
        {
            var record = StreamRules.OnFailureRecord(options.Format.BatchInfoName, clock.GetUtcNow(), Guid.NewGuid().ToString(), _functionArn, condition, shard.Attempts, shard.Last, shard.Id, streamArn, [.. range.Select(r => (r.SequenceNumber, r.ArrivedAt))]);
            await onFailure.WriteLineAsync(record).ConfigureAwait(false);
            await onFailure.FlushAsync().ConfigureAwait(false);
        }

        foreach (var record in range)
        {
            var last = record.Fate.Deliveries > 0 ? $" (last failure: {record.Fate.Why})" : string.Empty;
            if (onFailure is not null)
            {
                record.Fate.Settle(FateOutcome.DeadLettered, $"{condition}: {why}; skipped, its range sent to the on-failure destination{last}");
            }
            else
            {
                record.Fate.Settle(FateOutcome.Lost, $"{condition}: {why}; skipped with no on-failure destination{last}");
            }
        }

        shard.Advance(end);
    }

    private sealed class Shard(string id, DateTimeOffset dueAt)
    {
        public string Id { get; } = id;

        public List<StreamRecord> Records { get; } = [];

        /// <summary>The checkpoint: the first record not yet done.</summary>
        public int Position { get; private set; }

        /// <summary>When the shard's next batch is due.</summary>
        public DateTimeOffset DueAt { get; set; } = dueAt;

        /// <summary>Invocations of the batch at the checkpoint so far.</summary>
        public int Attempts { get; set; }

        /// <summary>The open tumbling window's start.</summary>
        public DateTimeOffset? WindowStart { get; set; }

        /// <summary>The open tumbling window's end, when its final invocation is due; <see langword="null"/> when none is open.</summary>
        public DateTimeOffset? WindowEnd { get; set; }

        /// <summary>The open window's state, as the function last returned it.</summary>
        public Dictionary<string, JsonElement>? State { get; set; }

        /// <summary>Attempts of the open window's final invocation.</summary>
        public int FinalAttempts { get; set; }

        /// <summary>The last invocation's result, for the on-failure record.</summary>
        public FunctionInvocation? Last { get; set; }

        /// <summary>The end of the halves left by bisection, first half first.</summary>
        private readonly Stack<int> _bisected = new();

        /// <summary>The end of the current half when a batch was bisected.</summary>
        public int? BisectedEnd => _bisected.Count > 0 ? _bisected.Peek() : null;

        /// <summary>Splits the current batch (up to <paramref name="end"/>) at <paramref name="middle"/>: the first half is next, then the second.</summary>
        public void Bisect(int middle, int end)
        {
            if (BisectedEnd != end)
            {
                _bisected.Push(end);
            }

            _bisected.Push(middle);
            Attempts = 0;
        }

        /// <summary>Moves the checkpoint; a half that is done is dropped.</summary>
        public void Advance(int position)
        {
            if (position > Position)
            {
                Attempts = 0;
            }

            Position = position;
            while (_bisected.Count > 0 && _bisected.Peek() <= Position)
            {
                _bisected.Pop();
            }
        }
    }
}
