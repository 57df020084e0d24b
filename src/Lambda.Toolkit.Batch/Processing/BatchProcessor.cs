using Lambda.Toolkit.Adapters;
using Lambda.Toolkit.Batch.DeadLetter;
using Lambda.Toolkit.Batch.Idempotency;
using Lambda.Toolkit.Batch.Retry;
using Lambda.Toolkit.Events.Batch;
using Microsoft.Extensions.Logging;

namespace Lambda.Toolkit.Batch.Processing;

/// <summary>
/// Processes the records of one batch: each in its own DI scope, with per-record retries, in the order the
/// source requires, then dead-letters and reports. Records start failed and leave that state only when
/// handled or accepted by the dead-letter sink, so a crash, a timeout or an early stop never reports
/// unprocessed work as done. Built once per mapped adapter, at init, where the per-record steps are
/// composed from the options (a record runs no idempotency, retry or dead-letter code it was not configured
/// for); holds no per-invocation state.
/// </summary>
internal sealed class BatchProcessor<TRecord>
{
    private readonly BatchOptions _options;
    private readonly RecordHandling<TRecord> _handling;
    private readonly ILogger _logger;
    private readonly DeadLetterStage<TRecord>? _deadLetters;
    private readonly UnorderedStrategy<TRecord> _unordered;
    private readonly FifoGroupsStrategy<TRecord> _fifoGroups;
    private readonly CheckpointStrategy<TRecord> _checkpoint;
    private readonly BatchInstruments _instruments;

    /// <summary>
    /// What every batch adapter does once at init: reads the user's options, reports their problems, the source's own
    /// dead-letter problem and the services they need as init problems, and builds the processor;
    /// <see langword="null"/> when there were problems.
    /// </summary>
    /// <param name="context">The build context.</param>
    /// <param name="name">The source's name (the logger's category ends with it).</param>
    /// <param name="configure">The user's options.</param>
    /// <param name="handling">Builds how records are identified and handled (after the options are read).</param>
    /// <param name="deadLetterProblem">Why the source cannot take the configured dead-letter policy, or <see langword="null"/>.</param>
    /// <param name="recordHandling">How records are identified and handled.</param>
    public static BatchProcessor<TRecord>? Create(
        PipelineBuildContext context,
        string name,
        Action<BatchOptions>? configure,
        Func<PipelineBuildContext, RecordHandling<TRecord>> handling,
        Func<DeadLetterPolicy, RecordHandling<TRecord>, string?> deadLetterProblem,
        out RecordHandling<TRecord> recordHandling)
    {
        var options = new BatchOptions();
        configure?.Invoke(options);
        var problems = options.Validate();
        recordHandling = handling(context);
        if (options.DeadLetter is { } deadLetter)
        {
            if (deadLetterProblem(deadLetter, recordHandling) is { } problem)
            {
                problems.Add(problem);
            }

            Require(context, deadLetter.RequiredService, "DeadLetter");
        }

        if (options.Idempotency is { } idempotency)
        {
            Require(context, idempotency.RequiredService, "Idempotency");
        }

        if (problems.Count > 0)
        {
            context.AddProblems(problems);
            return null;
        }

        return new BatchProcessor<TRecord>(options, recordHandling, context.TimeProvider, context.CreateLogger("Lambda.Toolkit.Batch." + name.Replace(" ", string.Empty, StringComparison.Ordinal)), new BatchInstruments(name));
    }

    public BatchProcessor(BatchOptions options, RecordHandling<TRecord> handling, TimeProvider timeProvider, ILogger logger, BatchInstruments? instruments = null)
    {
        _instruments = instruments ?? BatchInstruments.Unnamed;
        _options = options;
        _handling = handling;
        _logger = logger;

        // Innermost first: the handler, its retries, the record's scope, then the idempotency claim around it all.
        RecordStep<TRecord> steps = new InvokeHandlerStep<TRecord>(handling);
        if (options.Retry.MaxRetryAttempts > 0)
        {
            steps = new RetryStep<TRecord>(options.Retry, timeProvider, steps);
        }

        steps = new ScopeStep<TRecord>(handling, steps, options.OnRecordSucceeded, logger);
        if (options.Idempotency is { } idempotency)
        {
            steps = new IdempotencyStep<TRecord>(idempotency, handling, steps, options.OnRecordSucceeded, logger);
        }

        steps = new RecordActivityStep<TRecord>(steps);
        RecordStage<TRecord> stage = new HandleStage<TRecord>(handling, steps, options.OnRecordFailed, logger);
        if (options.DeadLetter is { } deadLetter)
        {
            var toDeadLetter = handling.ToDeadLetter
                ?? throw new ArgumentException("Dead letters are configured, but this source cannot turn its records into dead letters.", nameof(options));
            stage = _deadLetters = new DeadLetterStage<TRecord>(stage, deadLetter, handling, toDeadLetter, logger);
        }

        stage = new RecordActivityStage<TRecord>(stage, handling, _instruments.Source);
        _unordered = new UnorderedStrategy<TRecord>(stage, options.MaxDegreeOfParallelism);
        _fifoGroups = new FifoGroupsStrategy<TRecord>(stage, handling.GroupKey, options.MaxDegreeOfParallelism);
        _checkpoint = new CheckpointStrategy<TRecord>(stage);
    }

    public ValueTask<BatchResult> ProcessAsync(InvocationContext invocation, IList<TRecord> records, ProcessingOrder order) =>
        ProcessAsync(invocation, records, Strategy(order));

    private IProcessingStrategy<TRecord> Strategy(ProcessingOrder order) => order switch
    {
        ProcessingOrder.Unordered => _unordered,
        ProcessingOrder.FifoGroups => _fifoGroups,
        _ => _checkpoint,
    };

    private async ValueTask<BatchResult> ProcessAsync(InvocationContext invocation, IList<TRecord> records, IProcessingStrategy<TRecord> strategy)
    {
        var run = new BatchRun<TRecord>(invocation, records, strategy.DefersDeadLetters) { Instruments = _instruments };
        await strategy.ProcessAsync(run).ConfigureAwait(false);
        if (_deadLetters is not null)
        {
            await _deadLetters.FlushAsync(run).ConfigureAwait(false);
        }

        var outcomes = run.Outcomes;
        var response = new BatchResponse();
        var succeeded = 0;
        var deadLettered = 0;
        for (var i = 0; i < outcomes.Length; i++)
        {
            switch (outcomes[i])
            {
                case RecordOutcome.Succeeded:
                    succeeded++;
                    break;
                case RecordOutcome.DeadLettered:
                    deadLettered++;
                    break;
                default:
                    if (strategy.Reports(run, i))
                    {
                        response.BatchItemFailures.Add(new BatchItemFailure { ItemIdentifier = _handling.Id(records[i]) });
                    }

                    break;
            }
        }

        _instruments.BatchCompleted(succeeded, records.Count - succeeded - deadLettered, deadLettered);
        if (_options.OnBatchCompleted is { } onBatch)
        {
            await BatchHooks.InvokeAsync(onBatch, new BatchCompleted(records.Count, succeeded, records.Count - succeeded - deadLettered, deadLettered), _logger).ConfigureAwait(false);
        }

        var firstFailure = Array.Find(run.Failures, static f => f is not null);
        if (firstFailure is null && Array.IndexOf(outcomes, RecordOutcome.Failed) is var failed and >= 0)
        {
            firstFailure = new RecordNotProcessedException(_handling.Id(records[failed]));
        }

        return new BatchResult(response, firstFailure, outcomes, run.Failures);
    }

    private static void Require(PipelineBuildContext context, Type? service, string option)
    {
        if (service is not null)
        {
            context.RequireService(service, $"{option} uses it; register it with builder.Services.AddSingleton<{service.Name}>(...)");
        }
    }
}
