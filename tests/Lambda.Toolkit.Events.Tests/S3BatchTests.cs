using System.Text;
using System.Text.Json;
using Lambda.Toolkit.Events.S3Batch;

namespace Lambda.Toolkit.Events.Tests;

public class S3BatchTests
{
    private static readonly LambdaEventsJsonContext Context = LambdaEventsJsonContext.Default;

    [Fact]
    public void A_schema_1_0_request_names_the_bucket_by_ARN()
    {
        var request = LambdaEventSerializer.Deserialize(SampleEvents.Read("s3-batch/s3-batch-job-event-request-1.0.json"), Context.S3BatchEvent);

        Assert.Equal("1.0", request.InvocationSchemaVersion);
        Assert.Equal("YXNkbGZqYWRmaiBhc2RmdW9hZHNmZGpmaGFzbGtkaGZza2RmaAo", request.InvocationId);
        Assert.Equal("f3cc4f60-61f6-4a2b-8a21-d07600c373ce", request.Job.Id);
        Assert.Null(request.Job.UserArguments);
        var task = Assert.Single(request.Tasks);
        Assert.Equal("dGFza2lkZ29lc2hlcmUK", task.TaskId);
        Assert.Equal("customerImage1.jpg", task.DecodedKey);
        Assert.Equal("1", task.S3VersionId);
        Assert.Equal("arn:aws:s3:us-east-1:0123456788:awsexamplebucket", task.S3BucketArn);
        Assert.Null(task.S3Bucket);
        Assert.Equal("awsexamplebucket", task.BucketName);
    }

    [Fact]
    public void A_schema_2_0_request_names_the_bucket_and_carries_user_arguments()
    {
        var request = LambdaEventSerializer.Deserialize(SampleEvents.Read("s3-batch/s3-batch-job-event-request-2.0.json"), Context.S3BatchEvent);

        Assert.Equal("2.0", request.InvocationSchemaVersion);
        Assert.Equal(new Dictionary<string, string> { ["k1"] = "v1", ["k2"] = "v2" }, request.Job.UserArguments);
        var task = Assert.Single(request.Tasks);
        Assert.Equal("awsexamplebucket", task.S3Bucket);
        Assert.Null(task.S3BucketArn);
        Assert.Equal("awsexamplebucket", task.BucketName);
        Assert.Equal("jbo9_jhdPEyB4RrmOxWS0kU0EoNrU_oI", task.S3VersionId);
    }

    [Fact]
    public void The_response_sample_reads_its_result_codes_as_typed_values()
    {
        var response = LambdaEventSerializer.Deserialize(SampleEvents.Read("s3-batch/s3-batch-job-event-response.json"), Context.S3BatchResponse);

        Assert.Equal(S3BatchResultCode.PermanentFailure, response.TreatMissingKeysAs);
        var result = Assert.Single(response.Results);
        Assert.Equal(S3BatchResultCode.Succeeded, result.ResultCode);
        Assert.Equal("""["Mary Major", "John Stiles"]""", result.ResultString);
    }

    [Theory]
    [InlineData("reports/march+2026.csv", "reports/march 2026.csv")]
    [InlineData("a%2Bb%3Dc.txt", "a+b=c.txt")]
    [InlineData("plain.jpg", "plain.jpg")]
    public void Keys_decode_and_the_computed_helpers_are_not_wire_fields(string wire, string decoded)
    {
        var task = new S3BatchTask { TaskId = "t", S3Key = wire, S3BucketArn = "arn:aws:s3:::my-bucket" };

        var json = Encoding.UTF8.GetString(LambdaEventSerializer.SerializeToUtf8Bytes(
            new S3BatchEvent { InvocationSchemaVersion = "1.0", InvocationId = "i", Job = new S3BatchJob { Id = "j" }, Tasks = [task] },
            Context.S3BatchEvent));

        Assert.Equal(decoded, task.DecodedKey);
        Assert.Equal("my-bucket", task.BucketName);
        Assert.Equal($$"""{"invocationSchemaVersion":"1.0","invocationId":"i","job":{"id":"j"},"tasks":[{"taskId":"t","s3Key":{{JsonSerializer.Serialize(wire)}},"s3BucketArn":"arn:aws:s3:::my-bucket"}]}""", json);
    }

    [Fact]
    public void A_task_without_key_or_bucket_has_no_decoded_key_or_bucket_name()
    {
        var task = new S3BatchTask { TaskId = "t", S3BucketArn = "arn:aws:s3:::" };

        Assert.Null(task.DecodedKey);
        Assert.Null(task.BucketName);
    }

    [Fact]
    public void Result_codes_are_written_as_the_exact_wire_strings()
    {
        var response = new S3BatchResponse
        {
            InvocationSchemaVersion = "2.0",
            TreatMissingKeysAs = S3BatchResultCode.TemporaryFailure,
            InvocationId = "i",
            Results =
            [
                new S3BatchTaskResult { TaskId = "a", ResultCode = S3BatchResultCode.Succeeded, ResultString = "ok" },
                new S3BatchTaskResult { TaskId = "b", ResultCode = S3BatchResultCode.TemporaryFailure },
                new S3BatchTaskResult { TaskId = "c", ResultCode = S3BatchResultCode.PermanentFailure, ResultString = "gone" },
            ],
        };

        Assert.Equal(
            """{"invocationSchemaVersion":"2.0","treatMissingKeysAs":"TemporaryFailure","invocationId":"i","results":[{"taskId":"a","resultCode":"Succeeded","resultString":"ok"},{"taskId":"b","resultCode":"TemporaryFailure"},{"taskId":"c","resultCode":"PermanentFailure","resultString":"gone"}]}""",
            Encoding.UTF8.GetString(LambdaEventSerializer.SerializeToUtf8Bytes(response, Context.S3BatchResponse)));
    }

    [Theory]
    [InlineData("""{"invocationId":"i","job":{},"tasks":[]}""", "$", "invocationSchemaVersion")]
    [InlineData("""{"invocationSchemaVersion":"1.0","invocationId":"i","job":{},"tasks":[{"s3Key":"k"}]}""", "$.tasks[0]", "taskId")]
    [InlineData("""{"invocationSchemaVersion":"1.0","invocationId":"i","job":{},"tasks":{}}""", "$.tasks", "")]
    [InlineData("""{"invocationSchemaVersion":"2.0","invocationId":"i","job":{"userArguments":{"k":1}},"tasks":[]}""", "$.job.userArguments.k", "")]
    public void Requests_of_the_wrong_shape_fail_with_the_type_and_the_path(string json, string path, string mentions)
    {
        var error = Assert.Throws<EventDeserializationException>(() => LambdaEventSerializer.Deserialize(Encoding.UTF8.GetBytes(json), Context.S3BatchEvent));

        Assert.Equal(typeof(S3BatchEvent), error.EventType);
        Assert.Equal(path, error.JsonPath);
        Assert.Contains(mentions, error.Message);
    }

    [Fact]
    public void An_unknown_result_code_fails_to_read()
    {
        var error = Assert.Throws<EventDeserializationException>(() => LambdaEventSerializer.Deserialize(
            """{"invocationSchemaVersion":"1.0","invocationId":"i","results":[{"taskId":"t","resultCode":"Succeded"}]}""", Context.S3BatchResponse));

        Assert.Equal("$.results[0].resultCode", error.JsonPath);
    }
}
