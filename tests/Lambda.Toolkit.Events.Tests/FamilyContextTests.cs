using System.Text.Json;
using System.Text.Json.Serialization;
using Lambda.Toolkit.Events.AmazonMq;
using Lambda.Toolkit.Events.ApiGateway;
using Lambda.Toolkit.Events.AppSync;
using Lambda.Toolkit.Events.Authorizers;
using Lambda.Toolkit.Events.Batch;
using Lambda.Toolkit.Events.CloudFormation;
using Lambda.Toolkit.Events.CloudWatchLogs;
using Lambda.Toolkit.Events.CodeCommit;
using Lambda.Toolkit.Events.CodePipeline;
using Lambda.Toolkit.Events.Cognito;
using Lambda.Toolkit.Events.Config;
using Lambda.Toolkit.Events.DynamoDb;
using Lambda.Toolkit.Events.EventBridge;
using Lambda.Toolkit.Events.Firehose;
using Lambda.Toolkit.Events.Http;
using Lambda.Toolkit.Events.Iot;
using Lambda.Toolkit.Events.Kafka;
using Lambda.Toolkit.Events.Kinesis;
using Lambda.Toolkit.Events.S3;
using Lambda.Toolkit.Events.S3Batch;
using Lambda.Toolkit.Events.SecretsManager;
using Lambda.Toolkit.Events.Ses;
using Lambda.Toolkit.Events.Sns;
using Lambda.Toolkit.Events.Sqs;

namespace Lambda.Toolkit.Events.Tests;

/// <summary>
/// The per-source contexts (what a function roots) write exactly what <see cref="LambdaEventsJsonContext"/> writes,
/// and together list exactly what it lists, so neither can drift from the other.
/// </summary>
public class FamilyContextTests
{
    private static readonly JsonSerializerContext[] Families =
    [
        HttpJsonContext.Default, ApiGatewayWebSocketJsonContext.Default, SqsJsonContext.Default, SnsJsonContext.Default, S3JsonContext.Default, DynamoDbJsonContext.Default,
        KinesisJsonContext.Default, BatchJsonContext.Default, EventBridgeJsonContext.Default, CloudWatchLogsJsonContext.Default,
        FirehoseJsonContext.Default, S3BatchJsonContext.Default, SesJsonContext.Default, ConfigJsonContext.Default, KafkaJsonContext.Default,
        AmazonMqJsonContext.Default, CloudFormationJsonContext.Default, SecretsManagerJsonContext.Default, AuthorizersJsonContext.Default,
        AppSyncJsonContext.Default, IotJsonContext.Default, CodeCommitJsonContext.Default, CodePipelineJsonContext.Default, CognitoJsonContext.Default,
    ];

    public static TheoryData<string> Files() => RoundTripTests.Files();

    [Theory]
    [MemberData(nameof(Files))]
    public void The_source_context_writes_each_sample_byte_for_byte_as_LambdaEventsJsonContext_does(string file)
    {
        var model = RoundTripTests.ModelOf(file);
        var family = FamilyOf(model);
        var original = SampleEvents.Read(file);

        var expected = RoundTripTests.Again(original, RoundTripTests.TypeInfo(LambdaEventsJsonContext.Default, model));
        var actual = RoundTripTests.Again(original, RoundTripTests.TypeInfo(family, model));

        Assert.True(
            expected.AsSpan().SequenceEqual(actual),
            $"{file} through {family.GetType().Name}:\n{System.Text.Encoding.UTF8.GetString(actual)}\nthrough LambdaEventsJsonContext:\n{System.Text.Encoding.UTF8.GetString(expected)}");
    }

    [Fact]
    public void The_source_contexts_together_list_exactly_the_types_LambdaEventsJsonContext_lists()
    {
        var all = Roots(typeof(LambdaEventsJsonContext)).ToHashSet();
        var families = Families.SelectMany(f => Roots(f.GetType())).ToHashSet();

        Assert.Empty(all.Except(families).Select(t => t.Name));
        Assert.Empty(families.Except(all).Select(t => t.Name));
    }

    [Fact]
    public void Every_source_context_has_the_options_of_LambdaEventsJsonContext()
    {
        var expected = LambdaEventsJsonContext.Default.Options;
        foreach (var family in Families)
        {
            Assert.Equal(expected.DefaultIgnoreCondition, family.Options.DefaultIgnoreCondition);
            Assert.Equal(expected.PropertyNamingPolicy, family.Options.PropertyNamingPolicy);
            Assert.Equal(expected.NumberHandling, family.Options.NumberHandling);
            Assert.Equal(expected.WriteIndented, family.Options.WriteIndented);
            Assert.Equal(expected.Converters.Count, family.Options.Converters.Count);
        }
    }

    /// <summary>The one source context that lists the model (for an EventBridge event of a modelled detail: the detail).</summary>
    private static JsonSerializerContext FamilyOf(Type model)
    {
        var root = model.IsGenericType && model.GetGenericTypeDefinition() == typeof(EventBridgeEvent<>) && model != typeof(EventBridgeEvent<JsonElement>)
            ? model.GetGenericArguments()[0]
            : model;
        var owners = Families.Where(f => Roots(f.GetType()).Contains(root)).ToList();
        Assert.True(owners.Count >= 1, $"No source context lists {root.Name}.");
        return owners[0];
    }

    /// <summary>The types a context lists in its [JsonSerializable] attributes.</summary>
    private static IEnumerable<Type> Roots(Type context) =>
        context.GetCustomAttributesData()
            .Where(a => a.AttributeType == typeof(JsonSerializableAttribute))
            .Select(a => (Type)a.ConstructorArguments[0].Value!);
}
