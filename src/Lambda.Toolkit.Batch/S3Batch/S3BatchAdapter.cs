using Lambda.Toolkit.Adapters;
using Lambda.Toolkit.Batch.Processing;
using Lambda.Toolkit.Batch.Retry;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.S3Batch;
using Microsoft.Extensions.Logging;

namespace Lambda.Toolkit.Batch.S3Batch;

/// <summary>
/// The S3 Batch Operations adapter, on the public adapter contract. Its response is not a partial batch response
/// but one result per task, so it does not use <see cref="BatchAdapter{TEvent, TRecord}"/>; it composes the same
/// per-record steps (a DI scope per task, the Polly retry, the deadline check) and answers each task from its
/// handler's result, or from the failure that outlasted the retries, classified as the retries classify it.
/// </summary>
/// <param name="handler">The task handler.</param>
/// <param name="configure">The user's options.</param>
internal sealed partial class S3BatchAdapter(
    Func<S3BatchTaskRecord, RecordContext<S3BatchTaskRecord>, CancellationToken, ValueTask<S3BatchResult>> handler,
    Action<S3BatchOptions>? configure) : LambdaAdapter
{
    /// <summary>The schema versions this adapter reads, as the error for any other names them.</summary>
    internal const string SupportedVersions = "\"1.0\" and \"2.0\"";

    /// <summary>S3 caps a job's schema version at 64 characters; an error never quotes more than that of the payload.</summary>
    private const int MaxQuotedVersionLength = 64;

    public override string Name => "S3 Batch Operations";

    public override bool Accepts(InvocationContext context) =>
        context.Classify(EventSourceClassifier.Instance) == EventSource.S3Batch;

    public override InvocationDelegate? Build(PipelineBuildContext context)
    {
        var options = new S3BatchOptions();
        configure?.Invoke(options);
        context.AddProblems(options.Validate());
        if (context.HasProblems)
        {
            return null;
        }

        var logger = context.CreateLogger("Lambda.Toolkit.Batch.S3Batch");
        var instruments = new BatchInstruments(Name);
        var treatMissingKeysAs = options.TreatMissingKeysAs;
        var isTransient = options.Retry.IsTransient;
        var handling = new RecordHandling<S3BatchTaskRecord>
        {
            Id = static r => r.TaskId,
            Handle = async (record, recordContext, ct) =>
            {
                var pending = handler(record, recordContext, ct);
                var result = pending.IsCompleted
                    ? await pending.ConfigureAwait(false)
                    : await WaitUntilDeadlineAsync(pending, record.TaskId, logger, ct).ConfigureAwait(false);
                record.Result = result ?? throw new PermanentFailureException("The S3 Batch Operations handler returned null instead of an S3BatchResult.");
            },
        };

        // Innermost first, as the batch processor composes them: the handler, its retries, the task's scope.
        RecordStep<S3BatchTaskRecord> steps = new InvokeHandlerStep<S3BatchTaskRecord>(handling);
        if (options.Retry.MaxRetryAttempts > 0)
        {
            steps = new RetryStep<S3BatchTaskRecord>(options.Retry, context.TimeProvider, steps);
        }

        steps = new ScopeStep<S3BatchTaskRecord>(handling, steps, null, logger);
        var stage = new HandleStage<S3BatchTaskRecord>(handling, steps, null, logger);

        return async invocation =>
        {
            var @event = EventReader.Read(invocation.Payload.Span, S3BatchJsonContext.Default.S3BatchEvent);
            var version = @event.InvocationSchemaVersion;
            if (version is not ("1.0" or "2.0"))
            {
                var quoted = version.Length > MaxQuotedVersionLength ? version[..MaxQuotedVersionLength] + "..." : version;
                throw new InvalidEventException(
                    typeof(S3BatchEvent),
                    $"The S3 Batch Operations event has invocationSchemaVersion \"{quoted}\"; the supported versions are {SupportedVersions}.")
                {
                    JsonPath = "$.invocationSchemaVersion",
                };
            }

            var tasks = @event.Tasks;
            var results = new S3BatchTaskResult[tasks.Count];
            var records = new List<S3BatchTaskRecord>(tasks.Count);
            var slots = new List<int>(tasks.Count);
            for (var i = 0; i < tasks.Count; i++)
            {
                var task = tasks[i] ?? throw new InvalidEventException(
                    typeof(S3BatchEvent), $"The S3 Batch Operations event's task {i} is null, so it has no taskId to answer.") { JsonPath = $"$.tasks[{i}]" };
                var missing = task.S3Key is null ? "s3Key"
                    : task.BucketName is null ? (version == "1.0" ? "s3BucketArn" : "s3Bucket")
                    : null;
                if (missing is not null)
                {
                    // That task only: it cannot be handled, and running it again will not give it the field.
                    LogTaskNotHandled(logger, task.TaskId, missing);
                    results[i] = new S3BatchTaskResult { TaskId = task.TaskId, ResultCode = S3BatchResultCode.PermanentFailure, ResultString = $"The task has no {missing}; it was not handled." };
                    continue;
                }

                records.Add(new S3BatchTaskRecord(@event, task));
                slots.Add(i);
            }

            if (records.Count > 0)
            {
                var run = new BatchRun<S3BatchTaskRecord>(invocation, records, defersDeadLetters: false) { Instruments = instruments };
                var succeeded = 0;
                for (var r = 0; r < records.Count; r++)
                {
                    var record = records[r];
                    var outcome = await stage.ProcessAsync(run, r).ConfigureAwait(false);
                    succeeded += outcome == RecordOutcome.Succeeded ? 1 : 0;
                    results[slots[r]] = outcome == RecordOutcome.Succeeded && record.Result is { } result
                        ? new S3BatchTaskResult { TaskId = record.TaskId, ResultCode = result.ResultCode, ResultString = result.ResultString }
                        : Answer(record.TaskId, run.Failures[r], isTransient, invocation.CancellationToken);
                }

                instruments.BatchCompleted(succeeded, records.Count - succeeded, 0);
            }

            invocation.Response.SetJson(
                new S3BatchResponse { InvocationSchemaVersion = version, TreatMissingKeysAs = treatMissingKeysAs, InvocationId = @event.InvocationId, Results = results },
                S3BatchJsonContext.Default.S3BatchResponse);
        };
    }

    /// <summary>
    /// The answer for a task whose handler failed after its retries: cancellation (the deadline) is temporary, so S3
    /// runs the task again; <see cref="PermanentFailureException"/> and bad input are permanent; anything else is what
    /// <see cref="RecordRetryOptions.IsTransient"/> says (temporary by default, as the retries treat it).
    /// </summary>
    internal static S3BatchTaskResult Answer(string taskId, Exception? failure, Func<Exception, bool>? isTransient, CancellationToken deadline)
    {
        var (code, reason) = failure switch
        {
            null => (S3BatchResultCode.TemporaryFailure, "The task was not handled."),
            OperationCanceledException when deadline.IsCancellationRequested => (S3BatchResultCode.TemporaryFailure, "The invocation's deadline came before the task finished."),
            OperationCanceledException => (S3BatchResultCode.TemporaryFailure, $"The task was cancelled: {failure.Message}"),
            _ => (IsTransient(failure, isTransient) ? S3BatchResultCode.TemporaryFailure : S3BatchResultCode.PermanentFailure, $"{ErrorType(failure)}: {failure.Message}"),
        };
        return new S3BatchTaskResult { TaskId = taskId, ResultCode = code, ResultString = reason };
    }

    private static bool IsTransient(Exception failure, Func<Exception, bool>? isTransient)
    {
        if (RetryStep<S3BatchTaskRecord>.IsPermanent(failure))
        {
            return false;
        }

        try
        {
            return isTransient?.Invoke(failure) ?? true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The user's predicate failed: keep the task, so S3 runs it again.
            return true;
        }
    }

    private static string ErrorType(Exception failure) => failure is LambdaFunctionException lambda ? lambda.ErrorType : failure.GetType().Name;

    /// <summary>
    /// Waits for a handler that has not finished, but no longer than the invocation's deadline: a handler that does not
    /// stop when its token fires is left behind (its later outcome observed and dropped), and the task is answered
    /// <c>TemporaryFailure</c> so that S3 runs it again, rather than the whole invocation timing out.
    /// </summary>
    private static async ValueTask<S3BatchResult?> WaitUntilDeadlineAsync(ValueTask<S3BatchResult> pending, string taskId, ILogger logger, CancellationToken deadline)
    {
        if (!deadline.CanBeCanceled)
        {
            return await pending.ConfigureAwait(false);
        }

        var running = pending.AsTask();
        try
        {
            return await running.WaitAsync(deadline).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!running.IsCompleted)
        {
            LogTaskAbandoned(logger, taskId);
            _ = running.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }
    }

    [LoggerMessage(EventId = 130, Level = LogLevel.Warning, Message = "S3 Batch Operations task {TaskId} has no {Field}; answered PermanentFailure without being handled")]
    private static partial void LogTaskNotHandled(ILogger logger, string taskId, string field);

    [LoggerMessage(EventId = 131, Level = LogLevel.Warning, Message = "S3 Batch Operations task {TaskId} was still running at the invocation's deadline; answered TemporaryFailure without waiting for it")]
    private static partial void LogTaskAbandoned(ILogger logger, string taskId);
}
