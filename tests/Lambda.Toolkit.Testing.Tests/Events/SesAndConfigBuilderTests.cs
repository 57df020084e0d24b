using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lambda.Toolkit.Batch.Config;
using Lambda.Toolkit.Batch.Ses;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Config;
using Lambda.Toolkit.Events.Ses;
using Lambda.Toolkit.Logging;
using Lambda.Toolkit.Testing.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Testing.Tests.Events;

/// <summary><see cref="SesEventBuilder"/> and <see cref="ConfigRuleEventBuilder"/>: the shape of AWS's samples, a lossless round trip, and events the adapters accept.</summary>
public sealed class SesAndConfigBuilderTests
{
    private static LambdaApplication App()
    {
        var builder = LambdaApplication.CreateBuilder([]);
        builder.Services.Configure<LambdaLoggerOptions>(o => o.Output = Stream.Null);
        return builder.Build();
    }

    private static void AssertRoundTrips<T>(byte[] json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(JsonSerializer.SerializeToUtf8Bytes(LambdaEventSerializer.Deserialize(json, type), type))), "The event changed in a round trip through " + typeof(T).Name);

    [Fact]
    public void An_SES_email_has_the_shape_of_the_AWS_sample()
    {
        var json = new SesEventBuilder("support@example.com").From("jane@example.com", "Jane Doe").WithSubject("Refund").ToJson();

        JsonShape.AssertSameShape(JsonShape.Paths("ses/simple-email-event-lambda.json"), JsonShape.Paths(json), sampleOnly: [], builtOnly: []);
        AssertRoundTrips(json, LambdaEventsJsonContext.Default.SesEvent);
    }

    [Fact]
    public void An_SES_email_carries_what_the_builder_was_told()
    {
        var time = new DateTimeOffset(2026, 12, 2, 8, 30, 0, 5, TimeSpan.Zero);
        var record = Assert.Single(new SesEventBuilder("a@example.com", "b@example.com")
            .From("jane@example.com", "Jane Doe").WithSubject("Hi").AddHeader("X-Tag", "1").AddHeader("X-Tag", "2")
            .WithVerdicts(spam: SesVerdictStatus.Fail, dmarc: SesVerdictStatus.Fail, dmarcPolicy: "reject")
            .InvokedSynchronously().ForFunction("inbox").InRegion("eu-west-1").InAccount("111122223333").At(time).Build().Records);

        var mail = record.Ses.Mail;
        Assert.Equal(40, mail.MessageId.Length);
        Assert.Equal(("jane@example.com", "2026-12-02T08:30:00.005Z"), (mail.Source, mail.Timestamp));
        Assert.Equal(["a@example.com", "b@example.com"], mail.Destination!);
        Assert.Equal(["Jane Doe <jane@example.com>"], mail.CommonHeaders!.From!);
        Assert.Equal("Hi", mail.CommonHeaders.Subject);
        Assert.Equal(["1", "2"], mail.Headers!.Where(h => h.Name == "X-Tag").Select(h => h.Value));
        var receipt = record.Ses.Receipt;
        Assert.True(receipt.SpamVerdict!.Failed);
        Assert.Equal("reject", receipt.DmarcPolicy);
        Assert.True(receipt.Action!.IsSynchronous);
        Assert.Equal("arn:aws:lambda:eu-west-1:111122223333:function:inbox", receipt.Action.FunctionArn);
        Assert.Throws<ArgumentException>(() => new SesEventBuilder().WithVerdicts(dmarcPolicy: "reject"));
        Assert.Throws<ArgumentException>(() => new SesEventBuilder(string.Empty));
    }

    [Fact]
    public void A_Config_change_event_has_the_shape_of_the_AWS_sample_outside_and_inside_its_invoking_event()
    {
        var json = new ConfigRuleEventBuilder("tagged").WithParameter("requiredTag", "owner")
            .ForChange("AWS::EC2::Instance", "i-1", configurationJson: """{"instanceType":"t3.micro"}""", tags: new() { ["env"] = "prod" }).ToJson();
        var sample = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "events", "config", "change-triggered-rule.json"));

        JsonShape.AssertSameShape(JsonShape.Paths(sample), JsonShape.Paths(json), sampleOnly: [], builtOnly: []);
        JsonShape.AssertSameShape(
            JsonShape.Paths(Inner(sample), ["tags"], ["configuration"]),
            JsonShape.Paths(Inner(json), ["tags"], ["configuration"]),
            sampleOnly: ["configurationItem.ARN", "configurationItem.availabilityZone", "configurationItem.relationships[].name", "configurationItem.relationships[].resourceId", "configurationItem.relationships[].resourceType"],
            builtOnly:
            [
                "configurationItem.configurationItemVersion", "configurationItem.configurationStateId", "configurationItem.configurationStateMd5Hash",
                "configurationItem.relatedEvents", "configurationItem.supplementaryConfiguration", "configurationItemDiff", "configurationItemDiff.changeType",
                "configurationItemDiff.changedProperties", "notificationCreationTime", "recordVersion",
            ]);
        AssertRoundTrips(json, LambdaEventsJsonContext.Default.ConfigRuleEvent);

        static byte[] Inner(byte[] outer)
        {
            using var document = JsonDocument.Parse(outer.AsMemory(outer.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0));
            return Encoding.UTF8.GetBytes(document.RootElement.GetProperty("invokingEvent").GetString()!);
        }
    }

    [Fact]
    public void Config_events_parse_to_each_invoking_event_kind_with_their_parameters()
    {
        var time = new DateTimeOffset(2026, 12, 2, 8, 0, 0, 250, TimeSpan.Zero);
        var scheduled = new ConfigRuleEventBuilder().At(time).InAccount("111122223333").Build();
        var oversized = new ConfigRuleEventBuilder().ForOversizedChange("AWS::S3::Bucket", "logs", ConfigurationItemStatus.ResourceDeleted).LeftScope().Build();
        var typed = new ConfigRuleEventBuilder().WithParameters(new Order(3, "x"), JsonContext.Default.Order).Build();

        var periodic = Assert.IsType<ScheduledNotification>(scheduled.ParseInvokingEvent());
        Assert.Equal(("111122223333", "2026-12-02T08:00:00.250Z"), (periodic.AwsAccountId, periodic.NotificationCreationTime));
        Assert.Empty(scheduled.ParseRuleParameters());
        Assert.False(scheduled.EventLeftScope);
        Assert.Equal("arn:aws:config:us-east-1:111122223333:config-rule/" + scheduled.ConfigRuleId, scheduled.ConfigRuleArn);
        var summary = Assert.IsType<OversizedConfigurationItemChangeNotification>(oversized.ParseInvokingEvent()).ConfigurationItemSummary;
        Assert.Equal(("AWS::S3::Bucket", "logs", "DELETE"), (summary.ResourceType, summary.ResourceId, summary.ChangeType));
        Assert.True(oversized.EventLeftScope);
        Assert.Equal(new Order(3, "x"), typed.ParseRuleParameters(JsonContext.Default.Order));
        Assert.ThrowsAny<JsonException>(() => new ConfigRuleEventBuilder().ForChange("AWS::S3::Bucket", "b", configurationJson: "{"));
    }

    [Fact]
    public async Task Built_SES_and_Config_events_are_handled_by_their_adapters()
    {
        var seen = new ConcurrentQueue<string>();
        var app = App();
        app.MapSes((record, _, _) => ValueTask.FromResult(record.Ses.Receipt.SpamVerdict!.Failed ? SesDisposition.StopRuleSet : SesDisposition.Continue));
        app.MapConfigRule((rule, _) =>
        {
            seen.Enqueue(rule.RuleParameters["requiredTag"]);
            var tags = ((ConfigurationItemChangeNotification)rule.InvokingEvent).ConfigurationItem.Tags!;
            return ValueTask.FromResult<IReadOnlyList<ConfigEvaluation>>([rule.Evaluate(tags.ContainsKey(rule.RuleParameters["requiredTag"]) ? ConfigComplianceType.Compliant : ConfigComplianceType.NonCompliant)]);
        });
        await using var host = await LambdaTestHost.StartAsync(app);

        var spam = await host.InvokeAsync(new SesEventBuilder().WithVerdicts(spam: SesVerdictStatus.Fail).InvokedSynchronously().ToJson());
        var rule = await host.InvokeAsync(new ConfigRuleEventBuilder().WithParameter("requiredTag", "owner").ForChange("AWS::EC2::Instance", "i-1", tags: new() { ["owner"] = "me" }).ToJson());
        var left = await host.InvokeAsync(new ConfigRuleEventBuilder().WithParameter("requiredTag", "owner").ForChange("AWS::EC2::Instance", "i-2").LeftScope().ToJson());

        Assert.Equal("""{"disposition":"STOP_RULE_SET"}""", spam.ResponseText);
        Assert.Equal(ConfigComplianceType.Compliant, Assert.Single(rule.ReadResponse(LambdaEventsJsonContext.Default.ConfigRuleResponse).Evaluations).ComplianceType);
        Assert.Equal(ConfigComplianceType.NotApplicable, Assert.Single(left.ReadResponse(LambdaEventsJsonContext.Default.ConfigRuleResponse).Evaluations).ComplianceType);
        Assert.Equal(["owner"], seen);
    }
}
