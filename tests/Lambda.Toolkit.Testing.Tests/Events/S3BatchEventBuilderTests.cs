using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lambda.Toolkit.Batch.S3Batch;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.S3Batch;
using Lambda.Toolkit.Logging;
using Lambda.Toolkit.Testing.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Testing.Tests.Events;

/// <summary><see cref="S3BatchEventBuilder"/>: the shape of AWS's samples, AWS-like values, and an invocation <c>MapS3BatchOperations</c> answers.</summary>
public sealed class S3BatchEventBuilderTests
{
    private static void AssertRoundTrips(byte[] json)
    {
        var again = JsonSerializer.SerializeToUtf8Bytes(LambdaEventSerializer.Deserialize(json, LambdaEventsJsonContext.Default.S3BatchEvent), LambdaEventsJsonContext.Default.S3BatchEvent);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(again)), "The event changed in a round trip through S3BatchEvent");
    }

    [Fact]
    public void A_schema_1_0_invocation_has_the_shape_of_the_AWS_sample()
    {
        var json = new S3BatchEventBuilder("awsexamplebucket").AddTask("customerImage1.jpg", versionId: "1").ToJson();

        JsonShape.AssertSameShape(JsonShape.Paths("s3-batch/s3-batch-job-event-request-1.0.json"), JsonShape.Paths(json), sampleOnly: [], builtOnly: []);
        AssertRoundTrips(json);
    }

    [Fact]
    public void A_schema_2_0_invocation_has_the_shape_of_the_AWS_sample()
    {
        var json = new S3BatchEventBuilder("awsexamplebucket").WithSchemaVersion("2.0").WithUserArgument("k1", "v1").AddTask("customerImage1.jpg", versionId: "v").ToJson();

        string[] maps = ["userArguments"];
        JsonShape.AssertSameShape(JsonShape.Paths("s3-batch/s3-batch-job-event-request-2.0.json", maps), JsonShape.Paths(json, maps), sampleOnly: [], builtOnly: []);
        AssertRoundTrips(json);
    }

    [Fact]
    public void Keys_are_URL_encoded_buckets_named_by_schema_and_ids_are_opaque_tokens()
    {
        var v1 = new S3BatchEventBuilder("photos").WithJobId("job-7").AddTask("2026/march trip + 1.jpg").AddTask("b.jpg").Build();
        var v2 = new S3BatchEventBuilder("photos--use1-az4--x-s3").WithSchemaVersion("2.0").WithUserArgument("size", "256").AddTask("a b.jpg").Build();

        Assert.Equal("1.0", v1.InvocationSchemaVersion);
        Assert.Equal("job-7", v1.Job.Id);
        Assert.Null(v1.Job.UserArguments);
        Assert.Equal("2026/march+trip+%2B+1.jpg", v1.Tasks[0].S3Key);
        Assert.Equal("2026/march trip + 1.jpg", v1.Tasks[0].DecodedKey);
        Assert.Equal(("arn:aws:s3:::photos", null, null), (v1.Tasks[0].S3BucketArn, v1.Tasks[0].S3Bucket, v1.Tasks[0].S3VersionId));
        Assert.NotEqual(v1.Tasks[0].TaskId, v1.Tasks[1].TaskId);
        Assert.Matches("^[A-Za-z0-9+/]{20}$", v1.Tasks[0].TaskId);
        Assert.Matches("^[A-Za-z0-9+/]{50,51}$", v1.InvocationId);
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", v2.Job.Id);
        Assert.Equal(("photos--use1-az4--x-s3", null), (v2.Tasks[0].S3Bucket, v2.Tasks[0].S3BucketArn));
        Assert.Equal(new Dictionary<string, string> { ["size"] = "256" }, v2.Job.UserArguments);
    }

    [Fact]
    public void Wrong_uses_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new S3BatchEventBuilder().WithSchemaVersion("3.0"));
        Assert.Throws<ArgumentException>(() => new S3BatchEventBuilder().AddTask(""));
        var error = Assert.Throws<InvalidOperationException>(() => new S3BatchEventBuilder().WithUserArgument("k", "v").AddTask("a").Build());
        Assert.Contains("schema version 2.0", error.Message);
    }

    [Fact]
    public async Task A_built_invocation_is_answered_per_task_with_decoded_keys()
    {
        var seen = new ConcurrentQueue<(string Bucket, string Key, string? Size)>();
        var builder = LambdaApplication.CreateBuilder([]);
        builder.Services.Configure<LambdaLoggerOptions>(o => o.Output = Stream.Null);
        var app = builder.Build();
        app.MapS3BatchOperations((record, _, _) =>
        {
            seen.Enqueue((record.Bucket, record.Key, record.UserArguments.GetValueOrDefault("size")));
            return ValueTask.FromResult(record.Key.EndsWith(".jpg", StringComparison.Ordinal) ? S3BatchResult.Succeeded("thumbnail written") : S3BatchResult.PermanentFailure("not an image"));
        });
        await using var host = await LambdaTestHost.StartAsync(app);
        var @event = new S3BatchEventBuilder("photos").WithSchemaVersion("2.0").WithUserArgument("size", "256").AddTask("trip/a b.jpg").AddTask("notes.txt").Build();

        var result = await host.InvokeAsync(@event, LambdaEventsJsonContext.Default.S3BatchEvent);

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        var response = result.ReadResponse(LambdaEventsJsonContext.Default.S3BatchResponse);
        Assert.Equal([("photos", "trip/a b.jpg", "256"), ("photos", "notes.txt", "256")], seen);
        Assert.Equal((@event.InvocationSchemaVersion, @event.InvocationId), (response.InvocationSchemaVersion, response.InvocationId));
        Assert.Equal(@event.Tasks.Select(t => t.TaskId), response.Results.Select(r => r.TaskId));
        Assert.Equal([S3BatchResultCode.Succeeded, S3BatchResultCode.PermanentFailure], response.Results.Select(r => r.ResultCode));
    }
}
