using System.IO.Compression;
using System.Text;
using Lambda.Toolkit.Events.CloudWatchLogs;

namespace Lambda.Toolkit.Events.Tests;

public class CloudWatchLogsTests
{
    private static readonly LambdaEventsJsonContext Context = LambdaEventsJsonContext.Default;

    internal static string Gzip64(string json)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(json));
        }

        return Convert.ToBase64String(output.ToArray());
    }

    private static CloudWatchLogsEvent Event(string data) => new() { AwsLogs = new CloudWatchLogsEventData { Data = data } };

    [Fact]
    public void The_AWS_sample_decodes_to_its_log_events()
    {
        var @event = LambdaEventSerializer.Deserialize(SampleEvents.Read("cloudwatch-logs/logs-event.json"), Context.CloudWatchLogsEvent);

        var data = @event.Decode();

        Assert.Equal(CloudWatchLogsData.DataMessage, data.MessageType);
        Assert.False(data.IsControlMessage);
        Assert.Equal("123456789123", data.Owner);
        Assert.Equal("testLogGroup", data.LogGroup);
        Assert.Equal("testLogStream", data.LogStream);
        Assert.Equal(["testFilter"], data.SubscriptionFilters!);
        Assert.Null(data.PolicyLevel);
        Assert.Collection(
            data.LogEvents!,
            e => Assert.Equal(("eventId1", 1440442987000L, "[ERROR] First test message"), (e.Id, e.Timestamp, e.Message)),
            e => Assert.Equal(("eventId2", 1440442987001L, "[ERROR] Second test message"), (e.Id, e.Timestamp, e.Message)));
        Assert.Equal(new DateTimeOffset(2015, 8, 24, 19, 3, 7, 1, TimeSpan.Zero), data.LogEvents![1].GetTimestamp());
    }

    [Fact]
    public void A_data_message_of_our_own_decodes_and_its_payload_round_trips()
    {
        const string json = """
            {"messageType":"DATA_MESSAGE","owner":"111122223333","logGroup":"/aws/lambda/orders","logStream":"2026/12/02/[$LATEST]abc",
             "subscriptionFilters":["errors","all"],
             "logEvents":[{"id":"3761","timestamp":1764662400123,"message":"ERROR ünïcode \"quoted\"\n","extractedFields":{"level":"ERROR"}}],
             "policyLevel":"ACCOUNT_LEVEL_POLICY"}
            """;

        var data = Event(Gzip64(json)).Decode();

        Assert.Equal("/aws/lambda/orders", data.LogGroup);
        Assert.Equal(["errors", "all"], data.SubscriptionFilters!);
        Assert.Equal("ACCOUNT_LEVEL_POLICY", data.PolicyLevel);
        var logEvent = Assert.Single(data.LogEvents!);
        Assert.Equal(1764662400123L, logEvent.Timestamp);
        Assert.Equal("ERROR ünïcode \"quoted\"\n", logEvent.Message);
        Assert.Equal("ERROR", logEvent.ExtractedFields!["level"]);
        var written = LambdaEventSerializer.SerializeToUtf8Bytes(data, Context.CloudWatchLogsData);
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(SampleEvents.Normalize(Encoding.UTF8.GetBytes(json)), SampleEvents.Normalize(written)));
        Assert.DoesNotContain("isControlMessage", Encoding.UTF8.GetString(written), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_control_message_decodes_as_one()
    {
        const string json = """
            {"messageType":"CONTROL_MESSAGE","owner":"CloudwatchLogs","logGroup":"","logStream":"","subscriptionFilters":[],
             "logEvents":[{"id":"","timestamp":1764662400000,"message":"CWL CONTROL MESSAGE: Checking health of destination Firehose."}]}
            """;

        var data = Event(Gzip64(json)).Decode();

        Assert.True(data.IsControlMessage);
        Assert.Equal(CloudWatchLogsData.ControlMessage, data.MessageType);
        Assert.Equal("CloudwatchLogs", data.Owner);
    }

    [Fact]
    public void Data_that_is_not_base64_fails_with_the_path_and_the_reason()
    {
        var error = Assert.Throws<EventDeserializationException>(() => Event("not base64!").Decode());

        Assert.Equal(typeof(CloudWatchLogsEvent), error.EventType);
        Assert.Equal("$.awslogs.data", error.JsonPath);
        Assert.Equal("The payload is not a valid CloudWatchLogsEvent at $.awslogs.data: the data is not valid base64.", error.Message);
        Assert.IsType<FormatException>(error.InnerException);
    }

    [Fact]
    public void Data_that_is_base64_but_not_gzip_fails_with_the_path_and_the_reason()
    {
        var error = Assert.Throws<EventDeserializationException>(() => Event(Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"messageType":"DATA_MESSAGE"}"""))).Decode());

        Assert.Equal("$.awslogs.data", error.JsonPath);
        Assert.Equal("The payload is not a valid CloudWatchLogsEvent at $.awslogs.data: the data is base64 but not valid gzip.", error.Message);
    }

    [Fact]
    public void Empty_data_fails_with_the_path_and_the_reason()
    {
        var error = Assert.Throws<EventDeserializationException>(() => Event(string.Empty).Decode());

        Assert.Equal("The payload is not a valid CloudWatchLogsEvent at $.awslogs.data: the data is missing or empty.", error.Message);
    }

    [Theory]
    [InlineData("[1,2]", "$")]
    [InlineData("""{"owner":"1"}""", "$")]
    [InlineData("""{"messageType":"DATA_MESSAGE","logEvents":[{"id":"1","timestamp":"soon","message":"m"}]}""", "$.logEvents[0].timestamp")]
    public void Decompressed_data_of_the_wrong_shape_names_the_path_inside_it(string json, string innerPath)
    {
        var error = Assert.Throws<EventDeserializationException>(() => Event(Gzip64(json)).Decode());

        Assert.Equal("$.awslogs.data", error.JsonPath);
        Assert.StartsWith($"The payload is not a valid CloudWatchLogsEvent at $.awslogs.data: the decompressed data is not a valid CloudWatchLogsData at {innerPath}: ", error.Message);
        Assert.DoesNotContain(json, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_without_awslogs_is_refused()
    {
        var error = Assert.Throws<EventDeserializationException>(() => LambdaEventSerializer.Deserialize("""{"data":"x"}""", Context.CloudWatchLogsEvent));

        Assert.Contains("awslogs", error.Message, StringComparison.Ordinal);
    }
}
