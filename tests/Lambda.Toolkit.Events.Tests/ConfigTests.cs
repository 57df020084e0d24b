using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Lambda.Toolkit.Events.Config;

namespace Lambda.Toolkit.Events.Tests;

public sealed record RuleThresholds([property: JsonPropertyName("maxCount")] int MaxCount, [property: JsonPropertyName("tags")] IList<string> Tags);

[JsonSerializable(typeof(RuleThresholds))]
public sealed partial class ConfigTestJson : JsonSerializerContext;

public class ConfigTests
{
    private static readonly LambdaEventsJsonContext Context = LambdaEventsJsonContext.Default;

    private static ConfigRuleEvent Sample(string file) => LambdaEventSerializer.Deserialize(SampleEvents.Read("config/" + file), Context.ConfigRuleEvent);

    private static ConfigRuleEvent Event(string invokingEvent, string? ruleParameters = null) => new() { InvokingEvent = invokingEvent, RuleParameters = ruleParameters };

    [Fact]
    public void The_change_triggered_sample_parses_to_its_configuration_item()
    {
        var @event = Sample("change-triggered-rule.json");

        Assert.Equal(("change-triggered-config-rule", "config-rule-0123456", "012345678912", "1.0", "myResultToken"), (@event.ConfigRuleName, @event.ConfigRuleId, @event.AccountId, @event.Version, @event.ResultToken));
        Assert.False(@event.EventLeftScope);
        Assert.Null(@event.EvaluationMode);
        var change = Assert.IsType<ConfigurationItemChangeNotification>(@event.ParseInvokingEvent());
        Assert.Equal(ConfigMessageType.ConfigurationItemChangeNotification, change.MessageType);
        var item = change.ConfigurationItem;
        Assert.Equal(("AWS::EC2::Instance", "i-00000000", ConfigurationItemStatus.Ok, "2016-02-17T01:36:34.043Z"), (item.ResourceType, item.ResourceId, item.ConfigurationItemStatus, item.ConfigurationItemCaptureTime));
        Assert.Equal("arn:{partition}:ec2:{region}:000000000000:instance/i-00000000", item.Arn);
        Assert.Equal("<Bar>", item.Tags!["<Foo>"]);
        var relationship = Assert.Single(item.Relationships!);
        Assert.Equal(("eipalloc-00000000", "AWS::EC2::EIP", "Is attached to ElasticIp"), (relationship.ResourceId, relationship.ResourceType, relationship.Name));
        Assert.Equal("<bar>", item.Configuration!.Value.GetProperty("<foo>").GetString());
        Assert.Null(change.ConfigurationItemDiff);
        Assert.Equal("<myParameterValue>", @event.ParseRuleParameters()["<myParameterKey>"]);
    }

    [Fact]
    public void The_oversized_sample_parses_to_its_summary()
    {
        var @event = Sample("oversized-configuration-item-change-notification.json");

        var oversized = Assert.IsType<OversizedConfigurationItemChangeNotification>(@event.ParseInvokingEvent());
        var summary = oversized.ConfigurationItemSummary;
        Assert.Equal(("UPDATE", "1.2", 0L, "123456789012", "AWS::EC2::Instance", "i-00000000"), (summary.ChangeType, summary.ConfigurationItemVersion, summary.ConfigurationStateId, summary.AwsAccountId, summary.ResourceType, summary.ResourceId));
        Assert.Null(summary.ResourceName);
        Assert.Equal(("2016-10-06T16:46:16.261Z", "2016-10-06T16:46:10.489Z", "8f1ee69b287895a0f8bc5753eca68e96"), (summary.ConfigurationItemCaptureTime, summary.ResourceCreationTime, summary.ConfigurationStateMd5Hash));
    }

    [Fact]
    public void The_periodic_sample_parses_to_a_snapshot_delivery()
    {
        var @event = Sample("config-event.json");

        Assert.Equal("periodic-config-rule", @event.ConfigRuleName);
        var snapshot = Assert.IsType<ConfigurationSnapshotDeliveryCompleted>(@event.ParseInvokingEvent());
        Assert.Equal(("config-bucket", "00000000-0000-0000-0000-000000000000", "2016-02-24T18:23:20.328Z", "1.1"), (snapshot.S3Bucket, snapshot.ConfigSnapshotId, snapshot.NotificationCreationTime, snapshot.RecordVersion));
        Assert.StartsWith("AWSLogs/000000000000/Config/", snapshot.S3ObjectKey, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scheduled_notification_parses()
    {
        var scheduled = Assert.IsType<ScheduledNotification>(Event("""{"awsAccountId":"123456789012","notificationCreationTime":"2016-07-13T21:50:00.373Z","messageType":"ScheduledNotification","recordVersion":"1.0"}""").ParseInvokingEvent());

        Assert.Equal(("123456789012", "2016-07-13T21:50:00.373Z", "1.0"), (scheduled.AwsAccountId, scheduled.NotificationCreationTime, scheduled.RecordVersion));
    }

    [Fact]
    public void A_full_change_notification_keeps_every_field_including_unknown_ones()
    {
        const string json = """
            {"configurationItemDiff":{"changedProperties":{"Configuration.State.Name":{"previousValue":"pending","updatedValue":"running","changeType":"UPDATE"},
               "Relationships.0":{"previousValue":null,"updatedValue":{"resourceId":"vol-1","resourceType":"AWS::EC2::Volume","name":"Is attached to Volume"},"changeType":"CREATE"}},"changeType":"UPDATE"},
             "configurationItem":{"relatedEvents":["e1"],"relationships":[{"resourceId":"vol-1","resourceName":null,"resourceType":"AWS::EC2::Volume","name":"Is attached to Volume","futureField":1}],
               "configuration":{"instanceId":"i-1","cpuOptions":{"coreCount":2},"state":{"code":16,"name":"running"}},
               "supplementaryConfiguration":{"UserData":"x"},"tags":{"env":"prod"},"configurationItemVersion":"1.3","configurationItemCaptureTime":"2026-12-02T08:00:00.000Z",
               "configurationStateId":1764662400123,"awsAccountId":"123456789012","configurationItemStatus":"OK","resourceType":"AWS::EC2::Instance","resourceId":"i-1",
               "resourceName":"web","ARN":"arn:aws:ec2:us-east-1:123456789012:instance/i-1","awsRegion":"us-east-1","availabilityZone":"us-east-1a",
               "configurationStateMd5Hash":"","resourceCreationTime":"2026-12-01T00:00:00.000Z","newItemField":{"a":[1,2.50]}},
             "notificationCreationTime":"2026-12-02T08:00:01.234Z","messageType":"ConfigurationItemChangeNotification","recordVersion":"1.3","newTopField":true}
            """;

        var change = Assert.IsType<ConfigurationItemChangeNotification>(Event(json).ParseInvokingEvent());
        var written = LambdaEventSerializer.SerializeToUtf8Bytes(change, Context.ConfigurationItemChangeNotification);

        Assert.True(JsonNode.DeepEquals(SampleEvents.Normalize(Encoding.UTF8.GetBytes(json)), SampleEvents.Normalize(written)), Encoding.UTF8.GetString(written));
        Assert.Equal(1764662400123L, change.ConfigurationItem.ConfigurationStateId);
        Assert.Equal("running", change.ConfigurationItemDiff!.ChangedProperties!["Configuration.State.Name"].UpdatedValue!.Value.GetString());
        Assert.Equal(2, change.ConfigurationItem.Configuration!.Value.GetProperty("cpuOptions").GetProperty("coreCount").GetInt32());
        Assert.True(change.ConfigurationItem.ExtensionData!.ContainsKey("newItemField"));
        Assert.True(change.ExtensionData!.ContainsKey("newTopField"));
        Assert.Contains("2.50", Encoding.UTF8.GetString(written), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "the invokingEvent is missing or empty.")]
    [InlineData("{\"messageType\":", "the invokingEvent is not valid JSON (line 1, byte 16).")]
    [InlineData("[1]", "the invokingEvent is a JSON array, not an object.")]
    [InlineData("{\"configurationItem\":{}}", "the invokingEvent has no messageType string, so its kind is unknown.")]
    [InlineData("{\"messageType\":7}", "the invokingEvent has no messageType string, so its kind is unknown.")]
    [InlineData("{\"messageType\":\"ComplianceChangeNotification\"}", "the invokingEvent's messageType \"ComplianceChangeNotification\" is not one this toolkit reads (ConfigurationItemChangeNotification, OversizedConfigurationItemChangeNotification, ScheduledNotification or ConfigurationSnapshotDeliveryCompleted).")]
    public void A_bad_invoking_event_fails_with_one_error_naming_the_field(string invokingEvent, string reason)
    {
        var error = Assert.Throws<EventDeserializationException>(() => Event(invokingEvent).ParseInvokingEvent());

        Assert.Equal(typeof(ConfigRuleEvent), error.EventType);
        Assert.Equal("$.invokingEvent", error.JsonPath);
        Assert.Equal("The payload is not a valid ConfigRuleEvent at $.invokingEvent: " + reason, error.Message);
    }

    [Fact]
    public void An_invoking_event_of_the_wrong_shape_names_the_path_inside_it()
    {
        var error = Assert.Throws<EventDeserializationException>(() => Event("""{"messageType":"ConfigurationItemChangeNotification","configurationItem":{"configurationStateId":"soon"}}""").ParseInvokingEvent());

        Assert.Equal("$.invokingEvent", error.JsonPath);
        Assert.StartsWith("The payload is not a valid ConfigRuleEvent at $.invokingEvent: the invokingEvent is not a valid ConfigurationItemChangeNotification at $.configurationItem.configurationStateId: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_change_notification_without_its_item_is_refused()
    {
        var error = Assert.Throws<EventDeserializationException>(() => Event("""{"messageType":"ConfigurationItemChangeNotification"}""").ParseInvokingEvent());

        Assert.Contains("configurationItem", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_parameters_read_strings_numbers_and_booleans_and_leave_out_nulls()
    {
        var parameters = Event("{}", """{"name":"x","max":10,"ratio":1.50,"on":true,"gone":null}""").ParseRuleParameters();

        Assert.Equal(4, parameters.Count);
        Assert.Equal(("x", "10", "1.50", "true"), (parameters["name"], parameters["max"], parameters["ratio"], parameters["on"]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void No_rule_parameters_is_an_empty_dictionary(string? ruleParameters) =>
        Assert.Empty(Event("{}", ruleParameters).ParseRuleParameters());

    [Theory]
    [InlineData("{\"a\":", "the ruleParameters is not valid JSON (line 1, byte 6).")]
    [InlineData("[\"a\"]", "the ruleParameters is a JSON array, not an object of parameters.")]
    [InlineData("{\"nested\":{\"a\":1}}", "the rule parameter \"nested\" is a JSON object; read structured parameters with ParseRuleParameters<T>(JsonTypeInfo<T>).")]
    public void Bad_rule_parameters_fail_with_one_error_naming_the_field(string ruleParameters, string reason)
    {
        var error = Assert.Throws<EventDeserializationException>(() => Event("{}", ruleParameters).ParseRuleParameters());

        Assert.Equal("$.ruleParameters", error.JsonPath);
        Assert.Equal("The payload is not a valid ConfigRuleEvent at $.ruleParameters: " + reason, error.Message);
    }

    [Fact]
    public void Rule_parameters_bind_to_a_type_of_the_users_and_name_the_path_inside_them()
    {
        var thresholds = Event("{}", """{"maxCount":3,"tags":["a","b"]}""").ParseRuleParameters(ConfigTestJson.Default.RuleThresholds);
        var invalid = Assert.Throws<EventDeserializationException>(() => Event("{}", """{"maxCount":"many"}""").ParseRuleParameters(ConfigTestJson.Default.RuleThresholds));
        var notJson = Assert.Throws<EventDeserializationException>(() => Event("{}", "{").ParseRuleParameters(ConfigTestJson.Default.RuleThresholds));

        Assert.Equal(3, thresholds.MaxCount);
        Assert.Equal(["a", "b"], thresholds.Tags);
        Assert.StartsWith("The payload is not a valid ConfigRuleEvent at $.ruleParameters: the ruleParameters is not a valid RuleThresholds at $.maxCount: ", invalid.Message, StringComparison.Ordinal);
        Assert.StartsWith("The payload is not a valid ConfigRuleEvent at $.ruleParameters: the ruleParameters is not valid JSON", notJson.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_evaluation_is_written_in_Configs_spelling_and_reads_back()
    {
        var time = new DateTimeOffset(2016, 2, 17, 1, 36, 34, 43, TimeSpan.Zero);
        var response = new ConfigRuleResponse { ResultToken = "t", Evaluations = [new ConfigEvaluation("AWS::EC2::Instance", "i-1", ConfigComplianceType.NonCompliant, time, "no tags")] };

        var written = LambdaEventSerializer.SerializeToUtf8Bytes(response, Context.ConfigRuleResponse);
        var back = LambdaEventSerializer.Deserialize(written, Context.ConfigRuleResponse).Evaluations[0];

        Assert.Equal(
            """{"resultToken":"t","evaluations":[{"complianceResourceType":"AWS::EC2::Instance","complianceResourceId":"i-1","complianceType":"NON_COMPLIANT","orderingTimestamp":"2016-02-17T01:36:34.043+00:00","annotation":"no tags"}]}""",
            Encoding.UTF8.GetString(written));
        Assert.Equal(("AWS::EC2::Instance", "i-1", ConfigComplianceType.NonCompliant, time, "no tags"), (back.ComplianceResourceType, back.ComplianceResourceId, back.ComplianceType, back.OrderingTimestamp, back.Annotation));
        Assert.Equal("NON_COMPLIANT", back.ComplianceTypeValue);
    }

    [Theory]
    [InlineData(ConfigComplianceType.Compliant, "COMPLIANT")]
    [InlineData(ConfigComplianceType.NonCompliant, "NON_COMPLIANT")]
    [InlineData(ConfigComplianceType.NotApplicable, "NOT_APPLICABLE")]
    public void Compliance_types_have_Configs_spelling(ConfigComplianceType type, string wire) =>
        Assert.Equal(wire, new ConfigEvaluation("AWS::S3::Bucket", "b", type, DateTimeOffset.UnixEpoch).ComplianceTypeValue);

    [Fact]
    public void An_annotation_over_256_characters_is_refused_and_256_is_accepted()
    {
        var error = Assert.Throws<ArgumentException>(() => new ConfigEvaluation("AWS::S3::Bucket", "b", ConfigComplianceType.Compliant, DateTimeOffset.UnixEpoch, new string('a', 257)));

        Assert.Equal("annotation", error.ParamName);
        Assert.StartsWith("A Config annotation is at most 256 characters (PutEvaluations's limit); this one is 257.", error.Message, StringComparison.Ordinal);
        Assert.Equal(256, new ConfigEvaluation("AWS::S3::Bucket", "b", ConfigComplianceType.Compliant, DateTimeOffset.UnixEpoch, new string('a', 256)).Annotation!.Length);
        Assert.Null(new ConfigEvaluation("AWS::S3::Bucket", "b", ConfigComplianceType.Compliant, DateTimeOffset.UnixEpoch, string.Empty).Annotation);
    }

    [Fact]
    public void Values_PutEvaluations_refuses_are_refused()
    {
        Assert.Equal("complianceType", Assert.Throws<ArgumentException>(() => new ConfigEvaluation("AWS::S3::Bucket", "b", ConfigComplianceType.InsufficientData, DateTimeOffset.UnixEpoch)).ParamName);
        Assert.Equal("complianceResourceId", Assert.Throws<ArgumentException>(() => new ConfigEvaluation("AWS::S3::Bucket", new string('i', 769), ConfigComplianceType.Compliant, DateTimeOffset.UnixEpoch)).ParamName);
        Assert.Equal("complianceResourceType", Assert.Throws<ArgumentException>(() => new ConfigEvaluation(new string('t', 257), "b", ConfigComplianceType.Compliant, DateTimeOffset.UnixEpoch)).ParamName);
        Assert.Throws<ArgumentException>(() => new ConfigEvaluation(string.Empty, "b", ConfigComplianceType.Compliant, DateTimeOffset.UnixEpoch));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConfigEvaluation("AWS::S3::Bucket", "b", (ConfigComplianceType)42, DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void An_event_without_invokingEvent_is_refused()
    {
        var error = Assert.Throws<EventDeserializationException>(() => LambdaEventSerializer.Deserialize("""{"configRuleName":"r"}""", Context.ConfigRuleEvent));

        Assert.Contains("invokingEvent", error.Message, StringComparison.Ordinal);
    }
}
