using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using Lambda.Toolkit.Batch.Firehose;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Firehose;

namespace Lambda.Toolkit.Benchmarks.Batch;

/// <summary>
/// A Firehose transformation batch of JSON records: the event read and every record's data decoded (base64,
/// JSON), and the same batch through the typed <c>MapFirehose</c> (a scope per record, each answered Ok with new
/// JSON, the response written and size-checked).
/// </summary>
[MemoryDiagnoser]
public class FirehoseBenchmarks
{
    private byte[] _payload = null!;
    private AdapterBench _adapter = null!;

    [Params(100)]
    public int Records { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var records = Enumerable.Range(0, Records).Select(i => new FirehoseRecord
        {
            RecordId = $"49546986683135544286507457936321625675700192471156785154{i:D4}",
            Data = Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new ClickEvent($"u-{i}", "/checkout", 1764662400000 + i), FirehoseBenchJson.Default.ClickEvent)),
        }).ToList();
        _payload = JsonSerializer.SerializeToUtf8Bytes(
            new FirehoseEvent { InvocationId = "invocation-1", DeliveryStreamArn = "arn:aws:firehose:us-east-1:123456789012:deliverystream/clicks", Region = "us-east-1", Records = records },
            LambdaEventsJsonContext.Default.FirehoseEvent);
        _adapter = new AdapterBench(app => app.MapFirehose(FirehoseBenchJson.Default.ClickEvent, (click, _, _) =>
            ValueTask.FromResult(FirehoseResult.Ok(click with { Page = click.Page.ToUpperInvariant() }, FirehoseBenchJson.Default.ClickEvent))));
    }

    [GlobalCleanup]
    public void Cleanup() => _adapter.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public int ReadAndDecodeRecords()
    {
        var batch = JsonSerializer.Deserialize(_payload, LambdaEventsJsonContext.Default.FirehoseEvent)!;
        var total = 0;
        foreach (var record in batch.Records)
        {
            total += JsonSerializer.Deserialize(record.DecodeData(), FirehoseBenchJson.Default.ClickEvent)!.UserId.Length;
        }

        return total;
    }

    [Benchmark]
    public Task<int> MapFirehoseInvocation() => _adapter.InvokeAsync(_payload);
}

public sealed record ClickEvent([property: JsonPropertyName("userId")] string UserId, [property: JsonPropertyName("page")] string Page, [property: JsonPropertyName("at")] long At);

[JsonSerializable(typeof(ClickEvent))]
internal sealed partial class FirehoseBenchJson : JsonSerializerContext;
