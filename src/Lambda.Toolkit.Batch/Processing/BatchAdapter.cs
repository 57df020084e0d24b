using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Batch.Retry;
using Lambda.Toolkit.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lambda.Toolkit.Batch.Processing;

/// <summary>What every batch adapter shares: option validation, building the processor at map time, binding payloads, mapping the handler.</summary>
internal static class BatchAdapter
{
    public static BatchOptions Options(Action<BatchOptions>? configure)
    {
        var options = new BatchOptions();
        configure?.Invoke(options);
        options.Validate();
        return options;
    }

    public static BatchProcessor<TRecord> Processor<TRecord>(LambdaApplication app, BatchOptions options, RecordHandling<TRecord> handling, string category)
    {
        var services = app.ServicesOrNull;
        var time = services?.GetService<TimeProvider>() ?? TimeProvider.System;
        var logger = services?.GetService<ILoggerFactory>()?.CreateLogger(category) ?? NullLogger.Instance;
        return new BatchProcessor<TRecord>(options, handling, time, logger);
    }

    /// <summary>Maps a batch source: read the event, process its records, answer with the partial batch response.</summary>
    public static LambdaApplication MapBatch<TEvent, TRecord>(
        LambdaApplication app,
        EventSource source,
        JsonTypeInfo<TEvent> eventType,
        Func<TEvent, IList<TRecord>> records,
        Func<IList<TRecord>, ProcessingOrder> order,
        BatchProcessor<TRecord> processor) =>
        app.MapEvent(EventSourceDetector.Accepts(source), async context =>
        {
            var batch = LambdaApplication.ReadEvent(context.Payload, eventType);
            var items = records(batch);
            var result = await processor.ProcessAsync(context, items, order(items)).ConfigureAwait(false);
            context.Response.SetJson(result.Response, LambdaEventsJsonContext.Default.BatchResponse);
        });

    /// <summary>
    /// Maps an asynchronous source (S3, SNS, EventBridge): records in order, and the first failure is rethrown
    /// so that Lambda's own retries and on-failure destination apply.
    /// </summary>
    public static LambdaApplication MapAsync<TEvent, TRecord>(
        LambdaApplication app,
        EventSource source,
        JsonTypeInfo<TEvent> eventType,
        Func<TEvent, IList<TRecord>> records,
        BatchProcessor<TRecord> processor) =>
        app.MapEvent(EventSourceDetector.Accepts(source), async context =>
        {
            var @event = LambdaApplication.ReadEvent(context.Payload, eventType);
            var result = await processor.ProcessAsync(context, records(@event), ProcessingOrder.StopAtFirstFailure).ConfigureAwait(false);
            if (result.FirstFailure is { } failure)
            {
                ExceptionDispatchInfo.Capture(failure).Throw();
            }
        });

    /// <summary>Reads a record's JSON payload as <typeparamref name="T"/>; a failure is a permanent failure of that record only.</summary>
    public static T Bind<T>(string json, JsonTypeInfo<T> type, string recordId)
    {
        try
        {
            return JsonSerializer.Deserialize(json, type)
                ?? throw new RecordBindingException($"The payload of record {recordId} is null; a {typeof(T).Name} was expected.");
        }
        catch (JsonException ex)
        {
            throw new RecordBindingException($"The payload of record {recordId} is not a valid {typeof(T).Name}: {ex.Message}", ex);
        }
    }
}
