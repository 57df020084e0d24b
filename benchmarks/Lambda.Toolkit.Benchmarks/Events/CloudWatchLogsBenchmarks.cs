using System.IO.Compression;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Lambda.Toolkit.Batch.CloudWatchLogs;
using Lambda.Toolkit.Benchmarks.Batch;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.CloudWatchLogs;

namespace Lambda.Toolkit.Benchmarks.Events;

/// <summary>
/// A CloudWatch Logs subscription payload: the envelope read and the data decoded (base64, gzip, JSON), and the
/// same payload through <c>MapCloudWatchLogs</c> (one record per log event). <see cref="LogEvents"/> 2 is AWS's
/// sample; 100 is a realistic batch of application log lines.
/// </summary>
[MemoryDiagnoser]
public class CloudWatchLogsBenchmarks
{
    private byte[] _payload = null!;
    private AdapterBench _adapter = null!;
    private int _checksum;

    [Params(2, 100)]
    public int LogEvents { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _payload = LogEvents == 2 ? SampleEvent.Read("cloudwatch-logs/logs-event.json") : Synthetic(LogEvents);
        _adapter = new AdapterBench(app => app.MapCloudWatchLogs((logEvent, _, _) =>
        {
            _checksum += logEvent.Message?.Length ?? 0;
            return ValueTask.CompletedTask;
        }));
    }

    [GlobalCleanup]
    public void Cleanup() => _adapter.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public int ReadAndDecode()
    {
        var envelope = JsonSerializer.Deserialize(_payload, LambdaEventsJsonContext.Default.CloudWatchLogsEvent)!;
        return envelope.Decode().LogEvents!.Count;
    }

    [Benchmark]
    public Task<int> MapCloudWatchLogsInvocation() => _adapter.InvokeAsync(_payload);

    private static byte[] Synthetic(int count)
    {
        var data = new CloudWatchLogsData
        {
            MessageType = "DATA_MESSAGE",
            Owner = "123456789012",
            LogGroup = "/aws/lambda/orders",
            LogStream = "2026/12/02/[$LATEST]0123456789abcdef0123456789abcdef",
            SubscriptionFilters = ["errors"],
            LogEvents = Enumerable.Range(0, count).Select(i => new CloudWatchLogEvent
            {
                Id = "3695236364837496" + i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture),
                Timestamp = 1764662400000 + i,
                Message = $"2026-12-02T00:00:00.{i % 1000:D3}Z\tc0ffee00-0000-4000-8000-{i:D12}\tERROR\tOrder {i} failed: the payment provider answered 502 after 3 attempts",
            }).ToList(),
        };
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(JsonSerializer.SerializeToUtf8Bytes(data, LambdaEventsJsonContext.Default.CloudWatchLogsData));
        }

        return Encoding.UTF8.GetBytes($$$"""{"awslogs":{"data":"{{{Convert.ToBase64String(compressed.ToArray())}}}"}}""");
    }
}
