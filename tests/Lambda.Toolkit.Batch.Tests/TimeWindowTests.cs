using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lambda.Toolkit.Batch.DynamoDbStreams;
using Lambda.Toolkit.Batch.Kinesis;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Testing;

namespace Lambda.Toolkit.Batch.Tests;

/// <summary>
/// Tumbling windows through the adapters: the state Lambda sends (numbers as well as strings, as in AWS's
/// time-window response samples) reaches the handler, and the state it returns goes back as numbers.
/// </summary>
public class TimeWindowTests
{
    private static string Sample(string file) => Path.Combine(AppContext.BaseDirectory, "events", file);

    /// <summary>AWS's sample event of <paramref name="folder"/> with a window and, as its state, the state of AWS's time-window response sample.</summary>
    private static byte[] Windowed(string folder, string eventFile, bool final = false)
    {
        var root = JsonNode.Parse(File.ReadAllBytes(Sample($"{folder}/{eventFile}")).AsSpan().TrimStart("\uFEFF"u8))!.AsObject();
        var response = JsonNode.Parse(File.ReadAllBytes(Sample($"{folder}/{folder}-time-window-response.json")).AsSpan().TrimStart("\uFEFF"u8))!;
        root["window"] = new JsonObject { ["start"] = "2020-07-30T17:00:00Z", ["end"] = "2020-07-30T17:05:00Z" };
        root["state"] = response["state"]!.DeepClone();
        root["state"]!["label"] = "orders";
        root["shardId"] = "shardId-000000000006";
        root["eventSourceARN"] = "arn:aws:kinesis:us-east-1:123456789012:stream/lambda-stream";
        root["isFinalInvokeForWindow"] = final;
        root["isWindowTerminatedEarly"] = false;
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    /// <summary>Adds the batch's record count to state "1" and keeps the rest.</summary>
    private static Dictionary<string, JsonElement> Fold(Dictionary<string, JsonElement>? state, int records)
    {
        var next = new Dictionary<string, JsonElement>(state ?? [], StringComparer.Ordinal);
        next["1"] = JsonSerializer.SerializeToElement(next["1"].GetInt32() + records, LambdaEventsJsonContext.Default.Int32);
        return next;
    }

    [Fact]
    public async Task Kinesis_window_state_with_numbers_comes_in_and_goes_back_as_numbers()
    {
        Dictionary<string, JsonElement>? seen = null;
        bool? final = null;
        var app = Batches.Builder().Build();
        app.MapKinesisWindow((e, invocation, _) =>
        {
            Assert.NotNull(invocation.Services);
            seen = e.State;
            final = e.IsFinalInvokeForWindow;
            Assert.Equal("2020-07-30T17:00:00Z", e.Window!.Start);
            return ValueTask.FromResult<Dictionary<string, JsonElement>?>(Fold(e.State, e.Records.Count));
        });
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(Windowed("kinesis", "kinesis-event.json", final: true));

        Assert.True(result.IsSuccess, result.Error?.ErrorType + ": " + result.Error?.ErrorMessage);
        Assert.Equal(282, seen!["1"].GetInt32());
        Assert.Equal(715, seen["2"].GetInt32());
        Assert.Equal("orders", seen["label"].GetString());
        Assert.True(final);
        var response = result.ReadResponse(LambdaEventsJsonContext.Default.TimeWindowResponse);
        Assert.Empty(response.BatchItemFailures!);
        Assert.Equal(JsonValueKind.Number, response.State!["1"].ValueKind);
        Assert.Equal(284, response.State["1"].GetInt32()); // 282 + the sample's 2 records
        Assert.Equal("715", response.State["2"].GetRawText());
        Assert.Equal("\"orders\"", response.State["label"].GetRawText());
    }

    [Fact]
    public async Task DynamoDb_window_state_with_numbers_comes_in_and_goes_back_as_numbers()
    {
        var records = 0;
        var app = Batches.Builder().Build();
        app.MapDynamoDbStreamWindow((e, _, _) =>
        {
            records = e.Records.Count;
            Assert.Equal(715, e.State!["2"].GetInt32());
            return ValueTask.FromResult<Dictionary<string, JsonElement>?>(Fold(e.State, e.Records.Count));
        });
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(Windowed("dynamodb", "dynamodb-event.json"));

        Assert.True(result.IsSuccess, result.Error?.ErrorType + ": " + result.Error?.ErrorMessage);
        var written = JsonNode.Parse(result.Response.Span)!;
        Assert.True(records > 0);
        Assert.Equal(282 + records, written["state"]!["1"]!.GetValue<int>());
        Assert.Equal(JsonValueKind.Number, written["state"]!["2"]!.GetValueKind());
        Assert.Equal("[]", written["batchItemFailures"]!.ToJsonString());
    }

    [Fact]
    public async Task A_window_without_state_starts_empty_and_a_null_state_is_answered_as_an_empty_one()
    {
        var app = Batches.Builder().Build();
        app.MapKinesisWindow((e, _, _) =>
        {
            Assert.Null(e.State);
            return ValueTask.FromResult<Dictionary<string, JsonElement>?>(null);
        });
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeFileAsync(Sample("kinesis/kinesis-event.json"));

        Assert.True(result.IsSuccess, result.Error?.ErrorType + ": " + result.Error?.ErrorMessage);
        Assert.Equal("""{"state":{},"batchItemFailures":[]}""", Encoding.UTF8.GetString(result.Response.Span));
    }

    [Fact]
    public async Task A_throwing_aggregation_fails_the_invocation_so_Lambda_retries_with_the_old_state()
    {
        var app = Batches.Builder().Build();
        app.MapKinesisWindow((_, _, _) => throw new InvalidOperationException("store down"));
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(Windowed("kinesis", "kinesis-event.json"));

        Assert.Equal("InvalidOperationException", result.Error!.ErrorType);
    }
}
