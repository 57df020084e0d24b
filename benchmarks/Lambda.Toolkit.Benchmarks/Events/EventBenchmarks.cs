using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Alb;
using Lambda.Toolkit.Events.ApiGateway;
using Lambda.Toolkit.Events.Batch;
using Lambda.Toolkit.Events.DynamoDb;
using Lambda.Toolkit.Events.EventBridge;
using Lambda.Toolkit.Events.HttpApi;
using Lambda.Toolkit.Events.Kinesis;
using Lambda.Toolkit.Events.S3;
using Lambda.Toolkit.Events.Sns;
using Lambda.Toolkit.Events.Sqs;

namespace Lambda.Toolkit.Benchmarks.Events;

/// <summary>Reading each event type from UTF-8 bytes (AWS's sample events) through the source-generated context.</summary>
[MemoryDiagnoser]
public class EventDeserializeBenchmarks
{
    private static readonly LambdaEventsJsonContext Context = LambdaEventsJsonContext.Default;
    private byte[] _v1 = null!, _v2 = null!, _alb = null!, _s3 = null!, _sqs = null!, _sns = null!, _dynamo = null!, _kinesis = null!, _eventBridge = null!;

    [GlobalSetup]
    public void Setup()
    {
        _v1 = SampleEvent.Read("apigateway-v1/proxy-event.json");
        _v2 = SampleEvent.Read("apigateway-v2/http-api-v2-request.json");
        _alb = SampleEvent.Read("alb/alb-request-multi-value.json");
        _s3 = SampleEvent.Read("s3/s3-event.json");
        _sqs = SampleEvent.Read("sqs/sqs-event.json");
        _sns = SampleEvent.Read("sns/sns-event.json");
        _dynamo = SampleEvent.Read("dynamodb/dynamodb-event.json");
        _kinesis = SampleEvent.Read("kinesis/kinesis-event.json");
        _eventBridge = SampleEvent.Read("eventbridge/cloudwatchevents-s3objectcreated.json");
    }

    [Benchmark]
    public ApiGatewayProxyRequest ApiGatewayV1() => JsonSerializer.Deserialize(_v1, Context.ApiGatewayProxyRequest)!;

    [Benchmark]
    public HttpApiRequest HttpApiV2() => JsonSerializer.Deserialize(_v2, Context.HttpApiRequest)!;

    [Benchmark]
    public AlbRequest Alb() => JsonSerializer.Deserialize(_alb, Context.AlbRequest)!;

    [Benchmark]
    public S3Event S3() => JsonSerializer.Deserialize(_s3, Context.S3Event)!;

    [Benchmark]
    public SqsEvent Sqs() => JsonSerializer.Deserialize(_sqs, Context.SqsEvent)!;

    [Benchmark]
    public SnsEvent Sns() => JsonSerializer.Deserialize(_sns, Context.SnsEvent)!;

    [Benchmark]
    public DynamoDbEvent DynamoDb() => JsonSerializer.Deserialize(_dynamo, Context.DynamoDbEvent)!;

    [Benchmark]
    public KinesisEvent Kinesis() => JsonSerializer.Deserialize(_kinesis, Context.KinesisEvent)!;

    [Benchmark]
    public EventBridgeEvent<JsonElement> EventBridge() => JsonSerializer.Deserialize(_eventBridge, Context.EventBridgeEventJsonElement)!;
}

/// <summary>Writing each response type through the source-generated context.</summary>
[MemoryDiagnoser]
public class ResponseSerializeBenchmarks
{
    private static readonly LambdaEventsJsonContext Context = LambdaEventsJsonContext.Default;
    private readonly ApiGatewayProxyResponse _v1 = new() { StatusCode = 200, Headers = new() { ["content-type"] = "application/json" }, Body = """{"id":42,"status":"shipped"}""" };
    private readonly HttpApiResponse _v2 = new() { StatusCode = 200, Headers = new() { ["content-type"] = "application/json" }, Cookies = ["session=abc; Secure; HttpOnly"], Body = """{"id":42,"status":"shipped"}""" };
    private readonly Lambda.Toolkit.Events.Alb.AlbResponse _alb = new() { StatusCode = 200, StatusDescription = "200 OK", MultiValueHeaders = new() { ["content-type"] = ["application/json"] }, Body = """{"id":42}""" };
    private readonly BatchResponse _batch = Lambda.Toolkit.Events.Batch.BatchResponse.Failed(["m-1", "m-7", "m-9"]);
    private readonly Lambda.Toolkit.Events.Batch.TimeWindowResponse _window = new() { State = new() { ["total"] = JsonDocument.Parse("\"997\"").RootElement.Clone() }, BatchItemFailures = [] };

    [Benchmark]
    public byte[] ApiGatewayV1Response() => JsonSerializer.SerializeToUtf8Bytes(_v1, Context.ApiGatewayProxyResponse);

    [Benchmark]
    public byte[] HttpApiV2Response() => JsonSerializer.SerializeToUtf8Bytes(_v2, Context.HttpApiResponse);

    [Benchmark]
    public byte[] AlbResponse() => JsonSerializer.SerializeToUtf8Bytes(_alb, Context.AlbResponse);

    [Benchmark]
    public byte[] BatchResponse() => JsonSerializer.SerializeToUtf8Bytes(_batch, Context.BatchResponse);

    [Benchmark]
    public byte[] TimeWindowResponse() => JsonSerializer.SerializeToUtf8Bytes(_window, Context.TimeWindowResponse);
}

/// <summary>Finds AWS's sample events in ../shared/events beside the repository.</summary>
internal static class SampleEvent
{
    public static byte[] Read(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "events", relative);
            if (File.Exists(candidate))
            {
                var bytes = File.ReadAllBytes(candidate);
                return bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;
            }
        }

        throw new FileNotFoundException("AWS's sample events were not found in a shared/events folder above " + AppContext.BaseDirectory, relative);
    }
}
