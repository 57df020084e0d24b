using System.Text.Json.Nodes;
using Lambda.Toolkit.Events.CodeCommit;
using Lambda.Toolkit.Testing;
using Lambda.Toolkit.Triggers.CodeCommit;
using static Lambda.Toolkit.Triggers.Tests.Authorizers.AuthorizerSupport;

namespace Lambda.Toolkit.Triggers.Tests.CodeCommit;

public class CodeCommitTests
{
    private static string Event(int records, Action<JsonObject, int>? change = null)
    {
        var sample = JsonNode.Parse(ReadSample("codecommit", "CodeCommit.json"))!.AsObject();
        var first = sample["Records"]![0]!;
        var array = new JsonArray();
        for (var i = 0; i < records; i++)
        {
            var record = first.DeepClone().AsObject();
            record["eventId"] = $"event-{i}";
            change?.Invoke(record, i);
            array.Add(record);
        }

        sample["Records"] = array;
        return sample.ToJsonString();
    }

    [Fact]
    public async Task The_AWS_sample_record_reaches_the_handler_with_every_field()
    {
        var seen = new List<CodeCommitRecord>();
        var app = App();
        app.MapCodeCommit((record, _) =>
        {
            seen.Add(record);
            return ValueTask.CompletedTask;
        });
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeFileAsync(Sample("codecommit", "CodeCommit.json"));

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        Assert.Equal(0, result.Response.Length);
        var record = Assert.Single(seen);
        var reference = Assert.Single(record.CodeCommit!.References!);
        Assert.Equal(("5c4ef1049f1d27deadbeeff313e0730018be182b", "refs/heads/master"), (reference.Commit, reference.Ref));
        Assert.Null(reference.Created);
        Assert.Equal("my-trigger", record.EventTriggerName);
        Assert.Equal("5a824061-17ca-46a9-bbf9-114edeadbeef", record.EventTriggerConfigId);
        Assert.Equal("arn:{partition}:codecommit:{region}:123456789012:my-repo", record.EventSourceArn);
        Assert.Equal("arn:{partition}:iam::123456789012:root", record.UserIdentityArn);
        Assert.Equal(("TriggerEventTest", "2016-01-01T15:59:59-08:00"), (record.EventName, record.EventTime));
        Assert.Equal((1, 1), (record.EventPartNumber, record.EventTotalParts));
        Assert.Equal(("aws:codecommit", "1.0", "{region}"), (record.EventSource, record.EventVersion, record.AwsRegion));
    }

    [Fact]
    public async Task Every_record_is_handled_in_order_and_a_failure_then_fails_the_invocation_naming_each_failed_record()
    {
        var handled = new List<string>();
        var app = App();
        app.MapCodeCommit((record, services, _) =>
        {
            Assert.NotNull(services);
            handled.Add(record.EventId!);
            return record.EventId is "event-1" or "event-3" ? throw new InvalidOperationException("The build queue is full.") : ValueTask.CompletedTask;
        });
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(Event(4, (r, i) => r["customData"] = $"data-{i}"));

        Assert.Equal(["event-0", "event-1", "event-2", "event-3"], handled);
        Assert.Equal(CodeCommitErrorTypes.RecordsFailed, result.Error!.ErrorType);
        Assert.Equal(
            "2 of 4 CodeCommit records failed: record 1 (eventId event-1): InvalidOperationException: The build queue is full.; record 3 (eventId event-3): InvalidOperationException: The build queue is full.",
            result.Error.ErrorMessage);
    }

    [Fact]
    public async Task Created_deleted_and_custom_data_are_read()
    {
        CodeCommitRecord? seen = null;
        var app = App();
        app.MapCodeCommit((record, _) =>
        {
            seen = record;
            return ValueTask.CompletedTask;
        });
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(Event(1, (r, _) =>
        {
            r["customData"] = "deploy";
            r["codecommit"] = JsonNode.Parse("""{"references":[{"commit":"a","ref":"refs/heads/f","created":true},{"commit":"b","ref":"refs/tags/v1","deleted":true}]}""");
        }));

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        Assert.Equal("deploy", seen!.CustomData);
        Assert.Equal(new (bool?, bool?)[] { (true, null), (null, true) }, seen.CodeCommit!.References!.Select(r => (r.Created, r.Deleted)));
    }

    [Fact]
    public async Task A_record_without_references_fails_as_invalid_before_any_record_is_handled()
    {
        var handled = 0;
        var app = App();
        app.MapCodeCommit((_, _) =>
        {
            handled++;
            return ValueTask.CompletedTask;
        });
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(Event(2, (r, i) =>
        {
            if (i == 1)
            {
                r.Remove("codecommit");
            }
        }));

        Assert.Equal(0, handled);
        Assert.Equal(LambdaErrorTypes.InvalidEvent, result.Error!.ErrorType);
        Assert.Equal("CodeCommit record 1 (eventId event-1) has no codecommit.references.", result.Error.ErrorMessage);
    }

    [Fact]
    public async Task A_record_of_the_wrong_shape_fails_with_its_JSON_path()
    {
        var app = App();
        app.MapCodeCommit((_, _) => ValueTask.CompletedTask);
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(Event(1, (r, _) => r["eventPartNumber"] = "one"));

        Assert.Equal(LambdaErrorTypes.InvalidEvent, result.Error!.ErrorType);
        Assert.Contains("$.Records[0].eventPartNumber", result.Error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_classifier_recognises_only_CodeCommit_records()
    {
        var classifier = new CodeCommitClassifier();

        Assert.True(classifier.Recognises(File.ReadAllBytes(Sample("codecommit", "CodeCommit.json"))));
        Assert.False(classifier.Recognises(File.ReadAllBytes(Sample("sqs", "sqs-event.json"))));
        Assert.False(classifier.Recognises(File.ReadAllBytes(Sample("sns", "sns-event.json"))));
        Assert.False(classifier.Recognises("""{"Records":[]}"""u8));
        Assert.False(classifier.Recognises("""{"Records":[{"eventSource":1}]}"""u8));
        Assert.False(classifier.Recognises("[]"u8));
    }
}
