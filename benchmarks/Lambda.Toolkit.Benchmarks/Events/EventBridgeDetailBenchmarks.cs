using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using Lambda.Toolkit.Batch.EventBridge;
using Lambda.Toolkit.Benchmarks.Batch;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.EventBridge;
using Lambda.Toolkit.Events.EventBridge.S3;

namespace Lambda.Toolkit.Benchmarks.Events;

/// <summary>
/// AWS's S3 Object Created sample with a typed detail: read in one pass by <see cref="EventBridgeEventJson"/>,
/// against the envelope with a JsonElement detail (source-generated) and the two-step way (JsonElement detail, then
/// the detail deserialized from it), and through <c>MapEventBridge</c> routed by source and detail-type among
/// three maps.
/// </summary>
[MemoryDiagnoser]
public class EventBridgeDetailBenchmarks
{
    private static readonly JsonTypeInfo<EventBridgeEvent<S3ObjectCreatedDetail>> ObjectCreated = EventBridgeEventJson.Create(LambdaEventsJsonContext.Default.S3ObjectCreatedDetail);
    private byte[] _payload = null!;
    private AdapterBench _adapter = null!;

    [GlobalSetup]
    public void Setup()
    {
        _payload = SampleEvent.Read("eventbridge/cloudwatchevents-s3objectcreated.json");
        _adapter = new AdapterBench(app =>
        {
            app.MapEventBridge("aws.events", "Scheduled Event", LambdaEventsJsonContext.Default.ScheduledEventDetail, (_, _, _) => ValueTask.CompletedTask);
            app.MapEventBridge("aws.s3", "Object Deleted", LambdaEventsJsonContext.Default.S3ObjectDeletedDetail, (_, _, _) => ValueTask.CompletedTask);
            app.MapEventBridge("aws.s3", "Object Created", LambdaEventsJsonContext.Default.S3ObjectCreatedDetail, (_, _, _) => ValueTask.CompletedTask);
        });
    }

    [GlobalCleanup]
    public void Cleanup() => _adapter.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public EventBridgeEvent<JsonElement> JsonElementDetail() => JsonSerializer.Deserialize(_payload, LambdaEventsJsonContext.Default.EventBridgeEventJsonElement)!;

    [Benchmark]
    public S3ObjectCreatedDetail TwoStepThroughJsonElement()
    {
        var e = JsonSerializer.Deserialize(_payload, LambdaEventsJsonContext.Default.EventBridgeEventJsonElement)!;
        return e.Detail.Deserialize(LambdaEventsJsonContext.Default.S3ObjectCreatedDetail)!;
    }

    [Benchmark]
    public EventBridgeEvent<S3ObjectCreatedDetail> TypedDetailOnePass() => JsonSerializer.Deserialize(_payload, ObjectCreated)!;

    [Benchmark]
    public Task<int> MapEventBridgeInvocation() => _adapter.InvokeAsync(_payload);
}
