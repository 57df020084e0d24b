using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using Lambda.Toolkit.Batch.Sqs;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Batch;
using Lambda.Toolkit.Events.Sqs;
using Lambda.Toolkit.Logging;
using Lambda.Toolkit.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Benchmarks.Batch;

/// <summary>
/// An SQS batch through the adapter (event read, a scope and a retry pipeline per message, body bound,
/// partial batch response written) against a hand-written loop doing the same work.
/// </summary>
[MemoryDiagnoser]
public class SqsBatchBenchmarks
{
    private byte[] _payload = null!;
    private LambdaApplication _app = null!;
    private InvocationRunner _runner = null!;
    private InvocationContext _context = null!;
    private int _checksum;

    [Params(10, 100)]
    public int Messages { get; set; }

    [Params(1, 4)]
    public int Parallelism { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var records = Enumerable.Range(0, Messages).Select(i => new SqsMessage
        {
            MessageId = $"m-{i}",
            Body = JsonSerializer.Serialize(new BenchMessage(i, "sku-" + i), BenchBatchJson.Default.BenchMessage),
            EventSource = "aws:sqs",
            EventSourceArn = "arn:aws:sqs:us-east-1:123456789012:orders",
            Attributes = new() { ["ApproximateReceiveCount"] = "1" },
        }).ToList();
        _payload = JsonSerializer.SerializeToUtf8Bytes(new SqsEvent { Records = records }, LambdaEventsJsonContext.Default.SqsEvent);

        var builder = LambdaApplication.CreateBuilder([]);
        builder.Services.Configure<LambdaLoggerOptions>(o => o.Output = Stream.Null);
        _app = builder.Build();
        _app.MapSqs(BenchBatchJson.Default.BenchMessage, (message, _, _) =>
        {
            Interlocked.Add(ref _checksum, message.Id);
            return ValueTask.CompletedTask;
        }, o => o.MaxDegreeOfParallelism = Parallelism);
        var core = _app.InitializeCoreAsync(CancellationToken.None).GetAwaiter().GetResult();
        _runner = core.Runner;
        _context = new InvocationContext(core.Function, core.TimeProvider);
    }

    [GlobalCleanup]
    public void Cleanup() => _app.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public async Task<int> HandWrittenLoop()
    {
        var batch = JsonSerializer.Deserialize(_payload, LambdaEventsJsonContext.Default.SqsEvent)!;
        var response = new BatchResponse();
        if (Parallelism == 1)
        {
            foreach (var record in batch.Records)
            {
                Handle(record, response);
            }
        }
        else
        {
            await Parallel.ForEachAsync(batch.Records, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, (record, _) =>
            {
                Handle(record, response);
                return ValueTask.CompletedTask;
            }).ConfigureAwait(false);
        }

        return JsonSerializer.SerializeToUtf8Bytes(response, LambdaEventsJsonContext.Default.BatchResponse).Length;
    }

    [Benchmark]
    public async Task<int> ToolkitAdapter()
    {
        _context.Initialize("request-id", DateTimeOffset.UtcNow.AddMinutes(1), "arn", null, null, null, _payload);
        var outcome = await _runner.RunAsync(_context).ConfigureAwait(false);
        var written = outcome.Error is null ? _context.Response.Body.Length : -1;
        _context.Reset();
        return written;
    }

    private void Handle(SqsMessage record, BatchResponse response)
    {
        try
        {
            var message = JsonSerializer.Deserialize(record.Body, BenchBatchJson.Default.BenchMessage)!;
            Interlocked.Add(ref _checksum, message.Id);
        }
        catch (JsonException)
        {
            lock (response)
            {
                response.BatchItemFailures.Add(new BatchItemFailure { ItemIdentifier = record.MessageId });
            }
        }
    }
}

public sealed record BenchMessage([property: JsonPropertyName("id")] int Id, [property: JsonPropertyName("sku")] string Sku);

[JsonSerializable(typeof(BenchMessage))]
internal sealed partial class BenchBatchJson : JsonSerializerContext;
