using System.Text.Json;
using System.Text.Json.Nodes;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.CloudFormation;
using Lambda.Toolkit.Events.SecretsManager;
using Lambda.Toolkit.Testing.Events;

namespace Lambda.Toolkit.Testing.Tests.Events;

/// <summary>The CloudFormation custom resource and Secrets Manager rotation builders: shape of AWS's samples, values, round trip.</summary>
public sealed class TriggerEventBuilderTests
{
    private static void AssertRoundTrips<T>(byte[] json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        var again = JsonSerializer.SerializeToUtf8Bytes(LambdaEventSerializer.Deserialize(json, type), type);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(again)), "The event changed in a round trip through " + typeof(T).Name);
    }

    [Fact]
    public void A_create_request_has_the_shape_of_the_AWS_sample()
    {
        var json = CloudFormationCustomResourceEventBuilder.Create("Custom::TestResource", "MyTestResource")
            .WithPropertiesJson("""{"StackName":"stack-name","List":["1","2","3"]}""")
            .ToJson();

        JsonShape.AssertSameShape(
            JsonShape.Paths("cloudformation/cfn-create-request.json", opaque: ["ResourceProperties"]),
            JsonShape.Paths(json, opaque: ["ResourceProperties"]),
            sampleOnly: [],
            builtOnly: ["ServiceToken"]);
        AssertRoundTrips(json, LambdaEventsJsonContext.Default.CloudFormationCustomResourceRequest);
    }

    [Fact]
    public void A_create_request_carries_the_service_token_in_its_properties_and_a_presigned_S3_response_url()
    {
        var request = CloudFormationCustomResourceEventBuilder.Create("Custom::Database", "OrdersDb")
            .WithPropertiesJson("""{"Name":"orders","Size":"20"}""")
            .InStack("shop")
            .InRegion("eu-west-1")
            .InAccount("111122223333")
            .Build();

        Assert.Equal("Create", request.RequestType);
        Assert.Equal("Custom::Database", request.ResourceType);
        Assert.Equal("OrdersDb", request.LogicalResourceId);
        Assert.Null(request.PhysicalResourceId);
        Assert.Null(request.OldResourceProperties);
        Assert.Matches("^arn:aws:cloudformation:eu-west-1:111122223333:stack/shop/[0-9a-f-]{36}$", request.StackId);
        Assert.True(Guid.TryParse(request.RequestId, out _));
        Assert.Equal("arn:aws:lambda:eu-west-1:111122223333:function:test-function", request.ServiceToken);
        var properties = request.ResourceProperties!.Value;
        Assert.Equal(request.ServiceToken, properties.GetProperty("ServiceToken").GetString());
        Assert.Equal("orders", properties.GetProperty("Name").GetString());
        Assert.Equal("20", properties.GetProperty("Size").GetString());
        Assert.StartsWith("https://cloudformation-custom-resource-response-euwest1.s3.amazonaws.com/arn%3Aaws%3Acloudformation%3Aeu-west-1", request.ResponseUrl, StringComparison.Ordinal);
        Assert.Contains("X-Amz-Signature=", request.ResponseUrl, StringComparison.Ordinal);
    }

    [Fact]
    public void An_update_carries_the_physical_id_and_the_old_properties()
    {
        var request = CloudFormationCustomResourceEventBuilder.Update("Custom::Database", "OrdersDb", "db-1")
            .WithProperties(new Order(2, "new"), JsonContext.Default.Order)
            .WithOldProperties(new Order(1, "old"), JsonContext.Default.Order)
            .WithResponseUrl("http://127.0.0.1:1234/answer")
            .WithServiceToken("arn:aws:sns:us-east-1:123456789012:provider")
            .Build();

        Assert.Equal("Update", request.RequestType);
        Assert.Equal("db-1", request.PhysicalResourceId);
        Assert.Equal("http://127.0.0.1:1234/answer", request.ResponseUrl);
        Assert.Equal("old", request.OldResourceProperties!.Value.GetProperty("item").GetString());
        Assert.Equal("arn:aws:sns:us-east-1:123456789012:provider", request.OldResourceProperties.Value.GetProperty("ServiceToken").GetString());
        Assert.Equal("new", request.ResourceProperties!.Value.GetProperty("item").GetString());
        AssertRoundTrips(JsonSerializer.SerializeToUtf8Bytes(request, LambdaEventsJsonContext.Default.CloudFormationCustomResourceRequest), LambdaEventsJsonContext.Default.CloudFormationCustomResourceRequest);
    }

    [Fact]
    public void A_delete_carries_the_physical_id_and_refuses_old_properties()
    {
        var builder = CloudFormationCustomResourceEventBuilder.Delete("Custom::Database", "OrdersDb", "db-1");

        Assert.Equal(CloudFormationRequestTypes.Delete, builder.Build().RequestType);
        Assert.Equal("db-1", builder.Build().PhysicalResourceId);
        Assert.Throws<InvalidOperationException>(() => builder.WithOldPropertiesJson("{}"));
        Assert.Throws<ArgumentException>(() => builder.WithPropertiesJson("[1]"));
        Assert.Throws<ArgumentException>(() => builder.WithResponseUrl("relative/path"));
    }

    [Fact]
    public void A_rotation_request_has_the_shape_of_the_AWS_sample()
    {
        var json = new SecretRotationEventBuilder().ToJson();

        JsonShape.AssertSameShape(JsonShape.Paths("secretsmanager/secretsmanager-secret-rotation-event.json"), JsonShape.Paths(json), sampleOnly: [], builtOnly: []);
        AssertRoundTrips(json, LambdaEventsJsonContext.Default.SecretsManagerRotationEvent);
    }

    [Fact]
    public void One_builder_keeps_its_tokens_across_the_steps_of_a_rotation()
    {
        var builder = new SecretRotationEventBuilder("prod/orders-db").InRegion("eu-west-1").InAccount("111122223333");

        var steps = new[] { "createSecret", "setSecret", "testSecret", "finishSecret" }.Select(s => builder.ForStep(s).Build()).ToList();

        Assert.Equal(["createSecret", "setSecret", "testSecret", "finishSecret"], steps.Select(s => s.Step));
        Assert.Single(steps.Select(s => s.ClientRequestToken).Distinct());
        Assert.Single(steps.Select(s => s.RotationToken).Distinct());
        Assert.Single(steps.Select(s => s.SecretId).Distinct());
        Assert.Matches("^arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/orders-db-[A-Za-z]{6}$", steps[0].SecretId);
        Assert.True(Guid.TryParse(steps[0].ClientRequestToken, out _));
    }

    [Fact]
    public void A_rotation_request_can_name_a_full_arn_and_leave_the_rotation_token_out()
    {
        var rotation = new SecretRotationEventBuilder("arn:aws:secretsmanager:us-east-1:111122223333:secret:id-ABCD1E")
            .ForStep(SecretsManagerRotationSteps.FinishSecret)
            .WithClientRequestToken("v2")
            .WithRotationToken(null)
            .ToJson();

        var json = JsonNode.Parse(rotation)!.AsObject();
        Assert.Equal("arn:aws:secretsmanager:us-east-1:111122223333:secret:id-ABCD1E", json["SecretId"]!.GetValue<string>());
        Assert.Equal("v2", json["ClientRequestToken"]!.GetValue<string>());
        Assert.False(json.ContainsKey("RotationToken"));
    }
}
