using System.Text.Json;
using System.Text.Json.Nodes;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Testing.Events;

namespace Lambda.Toolkit.Testing.Tests.Events;

/// <summary><see cref="CodePipelineJobEventBuilder"/> makes CodePipeline job events in the shape of AWS's sample.</summary>
public sealed class CodePipelineJobEventBuilderTests
{
    [Fact]
    public void A_job_has_the_shape_of_the_AWS_sample_and_round_trips()
    {
        var json = new CodePipelineJobEventBuilder("""{"stage":"prod"}""")
            .ForFunction("deployer")
            .WithInputArtifact("SourceOutput", "p/SourceOutp/abc", "1234")
            .WithOutputArtifact("BuildOutput", "p/BuildOutpu/def")
            .InAccount("111122223333")
            .ToJson();

        // The output artifact's revision is null in the sample; the models omit nulls.
        JsonShape.AssertSameShape(JsonShape.Paths("codepipeline/codepipeline.json"), JsonShape.Paths(json), sampleOnly: ["CodePipeline.job.data.outputArtifacts[].revision"], builtOnly: []);
        var job = JsonSerializer.Deserialize(json, LambdaEventsJsonContext.Default.CodePipelineJobEvent)!.Job!;
        Assert.True(Guid.TryParse(job.Id, out _));
        Assert.Equal("111122223333", job.AccountId);
        Assert.Equal(("deployer", """{"stage":"prod"}"""), (job.Data!.ActionConfiguration!.Configuration!.FunctionName, job.Data.ActionConfiguration.Configuration.UserParameters));
        Assert.Equal(("SourceOutput", "1234"), (job.Data.InputArtifacts![0].Name, job.Data.InputArtifacts[0].Revision));
        Assert.Equal(job.Data.InputArtifacts[0].Location!.S3Location!.BucketName, job.Data.OutputArtifacts![0].Location!.S3Location!.BucketName);
        Assert.StartsWith("codepipeline-us-east-1-", job.Data.OutputArtifacts[0].Location!.S3Location!.BucketName, StringComparison.Ordinal);
        Assert.StartsWith("ASIA", job.Data.ArtifactCredentials!.AccessKeyId, StringComparison.Ordinal);
        Assert.Null(job.Data.ContinuationToken);
        var again = JsonSerializer.SerializeToUtf8Bytes(JsonSerializer.Deserialize(json, LambdaEventsJsonContext.Default.CodePipelineJobEvent)!, LambdaEventsJsonContext.Default.CodePipelineJobEvent);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(again)));
    }

    [Fact]
    public void A_continued_job_with_an_encryption_key_carries_both_and_each_job_has_its_own_id()
    {
        var builder = new CodePipelineJobEventBuilder().WithContinuationToken("step-2").WithEncryptionKey("arn:aws:kms:us-east-1:123456789012:key/k");

        var first = builder.Build().Job!;
        var second = builder.Build().Job!;

        Assert.Equal("step-2", first.Data!.ContinuationToken);
        Assert.Equal(("arn:aws:kms:us-east-1:123456789012:key/k", "KMS"), (first.Data.EncryptionKey!.Id, first.Data.EncryptionKey.Type));
        Assert.Null(first.Data.ActionConfiguration!.Configuration!.UserParameters);
        Assert.Empty(first.Data.InputArtifacts!);
        Assert.NotEqual(first.Id, second.Id);
    }
}
