using Lambda.Toolkit.Batch.DeadLetter;
using Lambda.Toolkit.Batch.Idempotency;
using Lambda.Toolkit.Batch.Retry;
using Lambda.Toolkit.Events.Batch;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Lambda.Toolkit.Batch.Processing;

/// <summary>
/// Processes the records of one batch: each in its own DI scope, with per-record retries, in the order the
/// source requires, then dead-letters and reports. Records start failed and leave that state only when
/// handled or accepted by the dead-letter sink, so a crash, a timeout or an early stop never reports
/// unprocessed work as done. Built once per mapped adapter, at init; holds no per-invocation state.
/// </summary>
internal sealed partial class BatchProcessor<TRecord>
{
    private static readonly TimeSpan DeadLetterReserve = TimeSpan.FromMilliseconds(150);
    private static readonly TimeSpan MinimumLease = TimeSpan.FromSeconds(1);
    private readonly BatchOptions _options;
    private readonly RecordHandling<TRecord> _handling;
    private readonly ResiliencePipeline _retry;
    private readonly ILogger _logger;

    public BatchProcessor(BatchOptions options, RecordHandling<TRecord> handling, TimeProvider timeProvider, ILogger logger)
    {
        _options = options;
        _handling = handling;
        _logger = logger;
        _retry = BuildRetry(options.Retry, timeProvider);
    }

    public async ValueTask<BatchResult> ProcessAsync(InvocationContext invocation, IList<TRecord> records, ProcessingOrder order)
    {
        var run = new Run(this, invocation, records);
        switch (order)
        {
            case ProcessingOrder.Unordered:
                await run.UnorderedAsync(_options.MaxDegreeOfParallelism).ConfigureAwait(false);
                break;
            case ProcessingOrder.FifoGroups:
                await run.FifoAsync(_options.MaxDegreeOfParallelism).ConfigureAwait(false);
                break;
            default:
                await run.StopAtFirstFailureAsync().ConfigureAwait(false);
                break;
        }

        return await run.CompleteAsync(order).ConfigureAwait(false);
    }

    private static ResiliencePipeline BuildRetry(RecordRetryOptions retry, TimeProvider timeProvider)
    {
        if (retry.MaxRetryAttempts == 0)
        {
            return ResiliencePipeline.Empty;
        }

        var isTransient = retry.IsTransient;
        return new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = retry.MaxRetryAttempts,
                Delay = retry.Delay,
                MaxDelay = retry.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = retry.UseJitter,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } ex
                    && ex is not OperationCanceledException
                    && ex is not PermanentFailureException
                    && (isTransient?.Invoke(ex) ?? true)),
            })
            .Build();
    }

    /// <summary>The state of one batch: outcomes per record and the records waiting for the dead-letter sink.</summary>
    private sealed class Run(BatchProcessor<TRecord> processor, InvocationContext invocation, IList<TRecord> records)
    {
        private readonly RecordOutcome[] _outcomes = new RecordOutcome[records.Count];
        private readonly Exception?[] _failures = new Exception?[records.Count];
        private readonly List<(int Index, DeadLetterMessage Message)> _pendingDeadLetters = [];
        private readonly IServiceScopeFactory _scopes = invocation.Services.GetRequiredService<IServiceScopeFactory>();
        private int _firstFailed = -1;

        public async Task UnorderedAsync(int parallelism)
        {
            if (parallelism == 1 || records.Count < 2)
            {
                for (var i = 0; i < records.Count; i++)
                {
                    await ProcessRecordAsync(i, deadLetterNow: false).ConfigureAwait(false);
                }

                return;
            }

            await Parallel.ForEachAsync(
                Enumerable.Range(0, records.Count),
                new ParallelOptions { MaxDegreeOfParallelism = parallelism },
                async (i, _) => await ProcessRecordAsync(i, deadLetterNow: false).ConfigureAwait(false)).ConfigureAwait(false);
        }

        public async Task FifoAsync(int parallelism)
        {
            // Groups keep the order of their first message; messages keep their order within a group.
            var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            var order = new List<List<int>>();
            for (var i = 0; i < records.Count; i++)
            {
                var key = processor._handling.GroupKey(records[i]) ?? string.Empty;
                if (!groups.TryGetValue(key, out var members))
                {
                    groups[key] = members = [];
                    order.Add(members);
                }

                members.Add(i);
            }

            await Parallel.ForEachAsync(
                order,
                new ParallelOptions { MaxDegreeOfParallelism = parallelism },
                async (members, _) =>
                {
                    foreach (var i in members)
                    {
                        // After a failure the rest of the group stays failed, unhandled, so order holds on redelivery.
                        if (await ProcessRecordAsync(i, deadLetterNow: true).ConfigureAwait(false) == RecordOutcome.Failed)
                        {
                            break;
                        }
                    }
                }).ConfigureAwait(false);
        }

        public async Task StopAtFirstFailureAsync()
        {
            for (var i = 0; i < records.Count; i++)
            {
                if (await ProcessRecordAsync(i, deadLetterNow: true).ConfigureAwait(false) == RecordOutcome.Failed)
                {
                    _firstFailed = i;
                    return;
                }
            }
        }

        public async ValueTask<BatchResult> CompleteAsync(ProcessingOrder order)
        {
            if (_pendingDeadLetters.Count > 0)
            {
                var refused = await SendDeadLettersAsync(_pendingDeadLetters.ConvertAll(p => p.Message)).ConfigureAwait(false);
                foreach (var (index, message) in _pendingDeadLetters)
                {
                    if (!refused.Contains(message.RecordId))
                    {
                        _outcomes[index] = RecordOutcome.DeadLettered;
                    }
                }
            }

            var response = new BatchResponse();
            var succeeded = 0;
            var deadLettered = 0;
            for (var i = 0; i < _outcomes.Length; i++)
            {
                switch (_outcomes[i])
                {
                    case RecordOutcome.Succeeded:
                        succeeded++;
                        break;
                    case RecordOutcome.DeadLettered:
                        deadLettered++;
                        break;
                    default:
                        // A stream checkpoints at its first failure: later records are redelivered with it.
                        if (order != ProcessingOrder.StopAtFirstFailure || i == _firstFailed)
                        {
                            response.BatchItemFailures.Add(new BatchItemFailure { ItemIdentifier = processor._handling.Id(records[i]) });
                        }

                        break;
                }
            }

            if (processor._options.OnBatchCompleted is { } onBatch)
            {
                await InvokeHookAsync(onBatch, new BatchCompleted(records.Count, succeeded, records.Count - succeeded - deadLettered, deadLettered)).ConfigureAwait(false);
            }

            var firstFailure = Array.Find(_failures, static f => f is not null);
            if (firstFailure is null && Array.IndexOf(_outcomes, RecordOutcome.Failed) is var failed and >= 0)
            {
                firstFailure = new InvalidOperationException($"Record {processor._handling.Id(records[failed])} was not processed: the invocation's deadline came first or the dead-letter sink refused it.");
            }

            return new BatchResult(response, firstFailure, _outcomes);
        }

        private async ValueTask<RecordOutcome> ProcessRecordAsync(int index, bool deadLetterNow)
        {
            var record = records[index];
            var handling = processor._handling;
            var policy = processor._options.DeadLetter;
            string errorType;
            string errorMessage;
            if (policy?.MaxReceiveCount is { } max && handling.ReceiveCount(record) > max)
            {
                errorType = "PoisonMessage";
                errorMessage = $"The message was received {handling.ReceiveCount(record)} times, more than the {max} allowed.";
            }
            else
            {
                var failure = await HandleAsync(record).ConfigureAwait(false);
                if (failure is null)
                {
                    return _outcomes[index] = RecordOutcome.Succeeded;
                }

                _failures[index] = failure;
                LogRecordFailed(processor._logger, handling.Id(record), failure);
                if (processor._options.OnRecordFailed is { } onFailed)
                {
                    await InvokeHookAsync(onFailed, new RecordFailed(handling.Id(record), failure)).ConfigureAwait(false);
                }

                // Cut short by the deadline, or held by another invocation: it comes back; not a dead letter.
                var interrupted = (failure is OperationCanceledException && invocation.CancellationToken.IsCancellationRequested) || failure is IdempotencyException;
                if (policy is null || !policy.WhenRetriesExhausted || interrupted)
                {
                    return RecordOutcome.Failed;
                }

                errorType = failure.GetType().Name;
                errorMessage = failure.Message;
            }

            var message = handling.ToDeadLetter(record, errorType, errorMessage);
            if (!deadLetterNow)
            {
                lock (_pendingDeadLetters)
                {
                    _pendingDeadLetters.Add((index, message));
                }

                return RecordOutcome.Failed;
            }

            var refused = await SendDeadLettersAsync([message]).ConfigureAwait(false);
            return refused.Count == 0 ? _outcomes[index] = RecordOutcome.DeadLettered : RecordOutcome.Failed;
        }

        private ValueTask<Exception?> HandleAsync(TRecord record)
        {
            var token = invocation.CancellationToken;
            if (token.IsCancellationRequested)
            {
                return ValueTask.FromResult<Exception?>(new OperationCanceledException("The invocation's deadline came before this record was handled.", token));
            }

            return processor._options.Idempotency is { } idempotency
                ? HandleOnceAsync(record, idempotency, token)
                : HandleClaimedAsync(record, token);
        }

        /// <summary>Claims the record in the idempotency store, handles it, then completes or releases the claim.</summary>
        private async ValueTask<Exception?> HandleOnceAsync(TRecord record, IdempotencyPolicy idempotency, CancellationToken token)
        {
            var key = idempotency.Key(invocation, (processor._handling.IdempotencyKey ?? processor._handling.Id)(record));
            IIdempotencyStore store;
            IdempotencyClaim claim;
            try
            {
                store = idempotency.Store(invocation.Services);
                var lease = invocation.RemainingTime;
                claim = await store.TryClaimAsync(key, lease > MinimumLease ? lease : MinimumLease, token).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                return new IdempotencyException($"The idempotency store failed to claim {key}; the record is reported failed.", ex);
            }

            if (claim == IdempotencyClaim.AlreadyCompleted)
            {
                var recordId = processor._handling.Id(record);
                LogDuplicate(processor._logger, recordId, key);
                if (processor._options.OnRecordSucceeded is { } onDuplicate)
                {
                    await InvokeHookAsync(onDuplicate, new RecordSucceeded(recordId, 0)).ConfigureAwait(false);
                }

                return null;
            }

            if (claim != IdempotencyClaim.Claimed)
            {
                return new IdempotencyException($"Another invocation is handling {key}; the record is reported failed and comes back later.");
            }

            var failure = await HandleClaimedAsync(record, token).ConfigureAwait(false);
            try
            {
                if (failure is null)
                {
                    await store.CompleteAsync(key, idempotency.Retention, CancellationToken.None).ConfigureAwait(false);
                }
                else
                {
                    await store.ReleaseAsync(key, CancellationToken.None).ConfigureAwait(false);
                }
            }
            catch (Exception ex)
            {
                // The record's own outcome stands; the claim ends when its lease runs out.
                LogIdempotencyStoreFailed(processor._logger, key, ex);
            }

            return failure;
        }

        private async ValueTask<Exception?> HandleClaimedAsync(TRecord record, CancellationToken token)
        {
            var scope = _scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var state = new AttemptState(processor._handling, record, new RecordContext<TRecord>(record, invocation, scope.ServiceProvider));
                try
                {
                    await processor._retry.ExecuteAsync(
                        static async (s, ct) =>
                        {
                            s.Attempts++;
                            await s.Handling.Handle(s.Record, s.Context, ct).ConfigureAwait(false);
                        },
                        state,
                        token).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    return ex;
                }

                if (processor._options.OnRecordSucceeded is { } onSucceeded)
                {
                    await InvokeHookAsync(onSucceeded, new RecordSucceeded(processor._handling.Id(record), state.Attempts)).ConfigureAwait(false);
                }

                return null;
            }
        }

        private async ValueTask<IReadOnlyCollection<string>> SendDeadLettersAsync(List<DeadLetterMessage> messages)
        {
            var left = invocation.RemainingTime - DeadLetterReserve;
            using var deadline = new CancellationTokenSource(left > TimeSpan.Zero ? left : TimeSpan.Zero);
            try
            {
                var sink = processor._options.DeadLetter!.Sink(invocation.Services);
                return await sink.SendAsync(messages, deadline.Token).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // The records stay failed and are delivered again: never dropped.
                LogDeadLetterFailed(processor._logger, messages.Count, ex);
                return messages.ConvertAll(m => m.RecordId);
            }
        }

        private async ValueTask InvokeHookAsync<T>(Func<T, ValueTask> hook, T argument)
        {
            try
            {
                await hook(argument).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                LogHookFailed(processor._logger, ex);
            }
        }
    }

    private sealed class AttemptState(RecordHandling<TRecord> handling, TRecord record, RecordContext<TRecord> context)
    {
        public RecordHandling<TRecord> Handling { get; } = handling;

        public TRecord Record { get; } = record;

        public RecordContext<TRecord> Context { get; } = context;

        public int Attempts { get; set; }
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "Record {RecordId} failed")]
    private static partial void LogRecordFailed(ILogger logger, string recordId, Exception exception);

    [LoggerMessage(EventId = 101, Level = LogLevel.Error, Message = "The dead-letter sink failed for {Count} records; they are reported failed")]
    private static partial void LogDeadLetterFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "Record {RecordId} was processed before ({IdempotencyKey}); acknowledged without handling it again")]
    private static partial void LogDuplicate(ILogger logger, string recordId, string idempotencyKey);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "The idempotency store failed to complete or release {IdempotencyKey}; the claim ends when its lease runs out")]
    private static partial void LogIdempotencyStoreFailed(ILogger logger, string idempotencyKey, Exception exception);

    [LoggerMessage(EventId = 102, Level = LogLevel.Error, Message = "A batch hook threw; processing goes on")]
    private static partial void LogHookFailed(ILogger logger, Exception exception);
}
