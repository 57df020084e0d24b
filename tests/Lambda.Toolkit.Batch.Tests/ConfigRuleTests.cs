using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lambda.Toolkit.Batch.Config;
using Lambda.Toolkit.Batch.EventBridge;
using Lambda.Toolkit.Batch.Sqs;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Config;
using Lambda.Toolkit.Testing;

namespace Lambda.Toolkit.Batch.Tests;

public sealed record TagRule([property: JsonPropertyName("requiredTag")] string RequiredTag, [property: JsonPropertyName("maxMissing")] int MaxMissing);

[JsonSerializable(typeof(TagRule))]
public sealed partial class ConfigTestJson : JsonSerializerContext;

public class ConfigRuleTests
{
    private static string Sample(string file) => Path.Combine(AppContext.BaseDirectory, "events", "config", file);

    private static ConfigRuleResponse Read(TestInvocationResult result)
    {
        Assert.True(result.IsSuccess, result.Error?.ErrorType + ": " + result.Error?.ErrorMessage);
        return result.ReadResponse(LambdaEventsJsonContext.Default.ConfigRuleResponse);
    }

    private static ValueTask<IReadOnlyList<ConfigEvaluation>> Answer(params ConfigEvaluation[] evaluations) => ValueTask.FromResult<IReadOnlyList<ConfigEvaluation>>(evaluations);

    /// <summary>A change-triggered event for one instance.</summary>
    private static string Change(string status = "OK", bool leftScope = false, string? ruleParameters = """{"requiredTag":"owner"}""", string? resultToken = "token-1", string? invokingEvent = null) =>
        JsonSerializer.Serialize(
            new ConfigRuleEvent
            {
                InvokingEvent = invokingEvent ?? $$$"""{"configurationItem":{"configurationItemCaptureTime":"2026-12-02T08:00:00.123Z","awsAccountId":"123456789012","configurationItemStatus":"{{{status}}}","resourceId":"i-1","resourceType":"AWS::EC2::Instance","tags":{"env":"prod"},"configuration":{"instanceType":"t3.micro"}},"notificationCreationTime":"2026-12-02T08:00:01.000Z","messageType":"ConfigurationItemChangeNotification","recordVersion":"1.3"}""",
                RuleParameters = ruleParameters,
                ResultToken = resultToken,
                EventLeftScope = leftScope,
                ConfigRuleName = "tagged-instances",
                ConfigRuleArn = "arn:aws:config:us-east-1:123456789012:config-rule/config-rule-1",
                ConfigRuleId = "config-rule-1",
                AccountId = "123456789012",
                Version = "1.0",
            },
            LambdaEventsJsonContext.Default.ConfigRuleEvent);

    [Fact]
    public async Task The_change_triggered_sample_is_evaluated_delivered_with_its_token_and_answered()
    {
        var delivered = new ConcurrentQueue<ConfigEvaluationDelivery>();
        var app = Batches.Builder().Build();
        app.MapConfigRule(
            (rule, _) =>
            {
                var change = Assert.IsType<ConfigurationItemChangeNotification>(rule.InvokingEvent);
                Assert.Equal("<myParameterValue>", rule.RuleParameters["<myParameterKey>"]);
                Assert.Equal(("myResultToken", "AWS::EC2::Instance", "i-00000000", false), (rule.ResultToken, rule.ResourceType, rule.ResourceId, rule.IsOutOfScope));
                Assert.Equal("change-triggered-config-rule", rule.Event.ConfigRuleName);
                var tagged = change.ConfigurationItem.Tags?.ContainsKey("owner") == true;
                return Answer(rule.Evaluate(tagged ? ConfigComplianceType.Compliant : ConfigComplianceType.NonCompliant, tagged ? null : "The instance has no owner tag."));
            },
            o => o.PutEvaluations = (delivery, _) => { delivered.Enqueue(delivery); return ValueTask.CompletedTask; });
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeFileAsync(Sample("change-triggered-rule.json"));

        var response = Read(result);
        Assert.Equal("myResultToken", response.ResultToken);
        var evaluation = Assert.Single(response.Evaluations);
        Assert.Equal(("AWS::EC2::Instance", "i-00000000", ConfigComplianceType.NonCompliant, "The instance has no owner tag."), (evaluation.ComplianceResourceType, evaluation.ComplianceResourceId, evaluation.ComplianceType, evaluation.Annotation));
        Assert.Equal(new DateTimeOffset(2016, 2, 17, 1, 36, 34, 43, TimeSpan.Zero), evaluation.OrderingTimestamp);
        Assert.Contains("\"complianceType\":\"NON_COMPLIANT\"", result.ResponseText, StringComparison.Ordinal);
        var delivery = Assert.Single(delivered);
        Assert.Equal("myResultToken", delivery.ResultToken);
        Assert.Equal(ConfigComplianceType.NonCompliant, Assert.Single(delivery.Evaluations).ComplianceType);
    }

    [Fact]
    public async Task The_oversized_sample_is_evaluated_from_its_summary()
    {
        var app = Batches.Builder().Build();
        app.MapConfigRule((rule, _) =>
        {
            var oversized = Assert.IsType<OversizedConfigurationItemChangeNotification>(rule.InvokingEvent);
            Assert.Equal("UPDATE", oversized.ConfigurationItemSummary.ChangeType);
            return Answer(rule.Evaluate(ConfigComplianceType.Compliant));
        });
        await using var host = await LambdaTestHost.StartAsync(app);

        var evaluation = Assert.Single(Read(await host.InvokeFileAsync(Sample("oversized-configuration-item-change-notification.json"))).Evaluations);

        Assert.Equal(("AWS::EC2::Instance", "i-00000000", ConfigComplianceType.Compliant), (evaluation.ComplianceResourceType, evaluation.ComplianceResourceId, evaluation.ComplianceType));
        Assert.Equal(new DateTimeOffset(2016, 10, 6, 16, 46, 16, 261, TimeSpan.Zero), evaluation.OrderingTimestamp);
    }

    [Fact]
    public async Task The_periodic_sample_evaluates_the_account_at_the_notifications_time_and_names_no_resource_of_its_own()
    {
        var app = Batches.Builder().Build();
        app.MapConfigRule((rule, _) =>
        {
            Assert.IsType<ConfigurationSnapshotDeliveryCompleted>(rule.InvokingEvent);
            Assert.Null(rule.ResourceId);
            Assert.False(rule.IsOutOfScope);
            var error = Assert.Throws<InvalidOperationException>(() => rule.Evaluate(ConfigComplianceType.Compliant));
            Assert.StartsWith("A ConfigurationSnapshotDeliveryCompleted names no resource to evaluate", error.Message, StringComparison.Ordinal);
            return Answer(rule.Evaluate("AWS::::Account", rule.Event.AccountId!, ConfigComplianceType.Compliant));
        });
        await using var host = await LambdaTestHost.StartAsync(app);

        var evaluation = Assert.Single(Read(await host.InvokeFileAsync(Sample("config-event.json"))).Evaluations);

        Assert.Equal(("AWS::::Account", "012345678912"), (evaluation.ComplianceResourceType, evaluation.ComplianceResourceId));
        Assert.Equal(new DateTimeOffset(2016, 2, 24, 18, 23, 20, 328, TimeSpan.Zero), evaluation.OrderingTimestamp);
    }

    [Theory]
    [InlineData("OK", true)]
    [InlineData("ResourceDeleted", false)]
    [InlineData("ResourceDeletedNotRecorded", false)]
    public async Task A_resource_out_of_scope_or_deleted_is_answered_NOT_APPLICABLE_without_the_handler(string status, bool leftScope)
    {
        var calls = 0;
        var delivered = new ConcurrentQueue<ConfigEvaluationDelivery>();
        var app = Batches.Builder().Build();
        app.MapConfigRule((rule, _) => { calls++; return Answer(rule.Evaluate(ConfigComplianceType.Compliant)); }, o => o.PutEvaluations = (d, _) => { delivered.Enqueue(d); return ValueTask.CompletedTask; });
        await using var host = await LambdaTestHost.StartAsync(app);

        var evaluation = Assert.Single(Read(await host.InvokeAsync(Change(status, leftScope))).Evaluations);

        Assert.Equal(0, calls);
        Assert.Equal(("i-1", ConfigComplianceType.NotApplicable, new DateTimeOffset(2026, 12, 2, 8, 0, 0, 123, TimeSpan.Zero)), (evaluation.ComplianceResourceId, evaluation.ComplianceType, evaluation.OrderingTimestamp));
        Assert.Equal(ConfigComplianceType.NotApplicable, Assert.Single(Assert.Single(delivered).Evaluations).ComplianceType);
    }

    [Fact]
    public async Task A_handler_that_asks_sees_resources_out_of_scope()
    {
        var app = Batches.Builder().Build();
        app.MapConfigRule((rule, _) => Answer(rule.Evaluate(rule.IsOutOfScope ? ConfigComplianceType.NotApplicable : ConfigComplianceType.Compliant, rule.IsOutOfScope ? "left scope" : null)), o => o.HandleResourcesOutOfScope = true);
        await using var host = await LambdaTestHost.StartAsync(app);

        var evaluation = Assert.Single(Read(await host.InvokeAsync(Change(leftScope: true))).Evaluations);

        Assert.Equal((ConfigComplianceType.NotApplicable, "left scope"), (evaluation.ComplianceType, evaluation.Annotation));
    }

    [Theory]
    [InlineData("{\"messageType\":", "$.invokingEvent", "the invokingEvent is not valid JSON")]
    [InlineData("{\"messageType\":\"ComplianceChangeNotification\"}", "$.invokingEvent", "the invokingEvent's messageType \"ComplianceChangeNotification\" is not one this toolkit reads")]
    [InlineData("{\"messageType\":\"ConfigurationItemChangeNotification\",\"configurationItem\":[]}", "$.invokingEvent", "the invokingEvent is not a valid ConfigurationItemChangeNotification at $.configurationItem")]
    public async Task A_bad_invoking_event_fails_as_an_invalid_event_naming_the_field(string invokingEvent, string path, string reason)
    {
        var calls = 0;
        var app = Batches.Builder().Build();
        app.MapConfigRule((_, _) => { calls++; return Answer(); });
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(Change(invokingEvent: invokingEvent));

        Assert.Equal(LambdaErrorTypes.InvalidEvent, result.Error!.ErrorType);
        Assert.StartsWith($"The payload is not a valid ConfigRuleEvent at {path}: {reason}", result.Error.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(0, calls);
    }

    [Theory]
    [InlineData("{\"requiredTag\":", "the ruleParameters is not valid JSON (line 1, byte 16).")]
    [InlineData("[1]", "the ruleParameters is a JSON array, not an object of parameters.")]
    public async Task Bad_rule_parameters_fail_as_an_invalid_event_before_the_handler(string ruleParameters, string reason)
    {
        var calls = 0;
        var app = Batches.Builder().Build();
        app.MapConfigRule((_, _) => { calls++; return Answer(); });
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(Change(ruleParameters: ruleParameters));

        Assert.Equal(LambdaErrorTypes.InvalidEvent, result.Error!.ErrorType);
        Assert.Equal("The payload is not a valid ConfigRuleEvent at $.ruleParameters: " + reason, result.Error.ErrorMessage);
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task Typed_rule_parameters_are_bound_and_a_wrong_shape_is_an_invalid_event()
    {
        var seen = new ConcurrentQueue<TagRule>();
        var app = Batches.Builder().Build();
        app.MapConfigRule(ConfigTestJson.Default.TagRule, (rule, parameters, _) =>
        {
            seen.Enqueue(parameters);
            var change = (ConfigurationItemChangeNotification)rule.InvokingEvent;
            return Answer(rule.Evaluate(change.ConfigurationItem.Tags!.ContainsKey(parameters.RequiredTag) ? ConfigComplianceType.Compliant : ConfigComplianceType.NonCompliant));
        });
        await using var host = await LambdaTestHost.StartAsync(app);

        var ok = Read(await host.InvokeAsync(Change(ruleParameters: """{"requiredTag":"env","maxMissing":2}""")));
        var wrong = await host.InvokeAsync(Change(ruleParameters: """{"requiredTag":"env","maxMissing":"two"}"""));

        Assert.Equal(ConfigComplianceType.Compliant, Assert.Single(ok.Evaluations).ComplianceType);
        Assert.Equal([new TagRule("env", 2)], seen);
        Assert.Equal(LambdaErrorTypes.InvalidEvent, wrong.Error!.ErrorType);
        Assert.StartsWith("The payload is not a valid ConfigRuleEvent at $.ruleParameters: the ruleParameters is not a valid TagRule at $.maxMissing", wrong.Error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_annotation_over_the_limit_fails_the_invocation_and_nothing_is_delivered()
    {
        var delivered = 0;
        var app = Batches.Builder().Build();
        app.MapConfigRule((rule, _) => Answer(rule.Evaluate(ConfigComplianceType.NonCompliant, new string('x', 300))), o => o.PutEvaluations = (_, _) => { delivered++; return ValueTask.CompletedTask; });
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(Change());

        Assert.Equal("ArgumentException", result.Error!.ErrorType);
        Assert.StartsWith("A Config annotation is at most 256 characters (PutEvaluations's limit); this one is 300.", result.Error.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(0, delivered);
    }

    [Fact]
    public async Task Many_evaluations_are_delivered_in_calls_of_at_most_100_and_none_in_one_empty_call()
    {
        var sizes = new ConcurrentQueue<int>();
        var app = Batches.Builder().Build();
        app.MapConfigRule(
            (rule, _) => Answer(rule.RuleParameters.ContainsKey("none") ? [] : Enumerable.Range(0, 250).Select(i => rule.Evaluate("AWS::S3::Bucket", "bucket-" + i, ConfigComplianceType.Compliant)).ToArray()),
            o => o.PutEvaluations = (d, _) => { sizes.Enqueue(d.Evaluations.Count); return ValueTask.CompletedTask; });
        await using var host = await LambdaTestHost.StartAsync(app);

        var many = Read(await host.InvokeAsync(Change()));
        var none = Read(await host.InvokeAsync(Change(ruleParameters: """{"none":"1"}""")));

        Assert.Equal(250, many.Evaluations.Count);
        Assert.Equal("bucket-249", many.Evaluations[249].ComplianceResourceId);
        Assert.Empty(none.Evaluations);
        Assert.Equal([100, 100, 50, 0], sizes);
    }

    [Fact]
    public async Task Delivering_without_a_result_token_fails_as_an_invalid_event_and_a_failing_delivery_fails_the_invocation()
    {
        var app = Batches.Builder().Build();
        app.MapConfigRule((rule, _) => Answer(rule.Evaluate(ConfigComplianceType.Compliant)), o => o.PutEvaluations = (_, _) => throw new HttpRequestException("config is unreachable"));
        await using var host = await LambdaTestHost.StartAsync(app);

        var noToken = await host.InvokeAsync(Change(resultToken: null));
        var unreachable = await host.InvokeAsync(Change());

        Assert.Equal(LambdaErrorTypes.InvalidEvent, noToken.Error!.ErrorType);
        Assert.Equal("The event is not a valid ConfigRuleEvent at $.resultToken: the resultToken is missing, and PutEvaluations requires it.", noToken.Error.ErrorMessage);
        Assert.Equal(("HttpRequestException", "config is unreachable"), (unreachable.Error!.ErrorType, unreachable.Error.ErrorMessage));
    }

    [Fact]
    public async Task A_handler_returning_null_fails_clearly()
    {
        var app = Batches.Builder().Build();
        app.MapConfigRule((_, _) => ValueTask.FromResult<IReadOnlyList<ConfigEvaluation>>(null!));
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(Change());

        Assert.Equal("InvalidOperationException", result.Error!.ErrorType);
        Assert.StartsWith("The Config rule handler returned null", result.Error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_events_are_classified_in_any_property_order_beside_SQS_and_EventBridge_and_unrouted_without_MapConfigRule()
    {
        var sources = new ConcurrentQueue<string>();
        var app = Batches.Builder().Build();
        app.MapSqs((_, _, _) => { sources.Enqueue("sqs"); return ValueTask.CompletedTask; });
        app.MapEventBridge(LambdaEventsJsonContext.Default.JsonElement, (_, _, _) => { sources.Enqueue("eventbridge"); return ValueTask.CompletedTask; });
        app.MapConfigRule((rule, _) => { sources.Enqueue("config:" + rule.InvokingEvent.MessageType); return Answer(); });
        await using var host = await LambdaTestHost.StartAsync(app);
        var onlySqs = Batches.Builder().Build();
        onlySqs.MapSqs((_, _, _) => ValueTask.CompletedTask);
        await using var sqsHost = await LambdaTestHost.StartAsync(onlySqs);

        foreach (var file in new[] { "config/config-event.json", "sqs/sqs-event.json", "eventbridge/scheduled-event.json", "config/change-triggered-rule.json" })
        {
            var result = await host.InvokeFileAsync(Path.Combine(AppContext.BaseDirectory, "events", file));
            Assert.True(result.IsSuccess, file + ": " + result.Error?.ErrorType + ": " + result.Error?.ErrorMessage);
        }

        Assert.Equal(["config:ConfigurationSnapshotDeliveryCompleted", "sqs", "eventbridge", "config:ConfigurationItemChangeNotification"], sources);
        Assert.Equal(LambdaErrorTypes.NoHandler, (await sqsHost.InvokeFileAsync(Sample("config-event.json"))).Error!.ErrorType);
        Assert.Equal(LambdaErrorTypes.NoHandler, (await host.InvokeAsync("""{"configRuleName":"r","invokingEvent":{"not":"a string"}}""")).Error!.ErrorType);
    }

    [Fact]
    public async Task A_request_made_in_a_unit_test_calls_a_handler_directly_and_refuses_a_bad_invoking_event()
    {
        var @event = LambdaEventSerializer.Deserialize(File.ReadAllBytes(Sample("change-triggered-rule.json")), LambdaEventsJsonContext.Default.ConfigRuleEvent);
        var invocation = new InvocationContext("req-1", DateTimeOffset.UtcNow.AddMinutes(1), ReadOnlyMemory<byte>.Empty);

        var request = new ConfigRuleRequest(@event, invocation, invocation.Services);
        var error = Assert.Throws<InvalidEventException>(() => new ConfigRuleRequest(new ConfigRuleEvent { InvokingEvent = "nope" }, invocation, invocation.Services));

        Assert.Equal(ConfigComplianceType.Compliant, request.Evaluate(ConfigComplianceType.Compliant).ComplianceType);
        Assert.Equal("$.invokingEvent", error.JsonPath);
    }
}
