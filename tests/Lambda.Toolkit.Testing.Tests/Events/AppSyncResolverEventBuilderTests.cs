using System.Text.Json;
using System.Text.Json.Nodes;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Testing.Events;

namespace Lambda.Toolkit.Testing.Tests.Events;

/// <summary><see cref="AppSyncResolverEventBuilder"/> makes AppSync's direct resolver events, single and batch, in the shape of AWS's samples.</summary>
public sealed class AppSyncResolverEventBuilderTests
{
    private static readonly string[] Maps = ["headers"];
    private static readonly string[] Opaque = ["arguments", "variables", "stash", "claims", "source"];

    [Fact]
    public void A_Cognito_event_has_the_shape_of_the_AWS_sample_and_round_trips()
    {
        var json = new AppSyncResolverEventBuilder("Mutation", "openSupportTicket")
            .WithArgumentsJson("""{"input":{"title":"t"}}""")
            .WithVariablesJson("""{"input":{"title":"t"}}""")
            .WithSelection("ticketId", "status", "author/name")
            .WithCognitoIdentity("sub-1", "alice", "admin")
            .ToJson();

        // The sample's explicit nulls (source, prev, request.domainName) are left out, as the models omit nulls.
        JsonShape.AssertSameShape(
            JsonShape.Paths("appsync/appsync-event-cognito-authorizer.json", Maps, Opaque),
            JsonShape.Paths(json, Maps, Opaque),
            sampleOnly: ["source", "prev", "request.domainName"],
            builtOnly: []);
        var built = JsonSerializer.Deserialize(json, LambdaEventsJsonContext.Default.AppSyncResolverEvent)!;
        Assert.Equal(("Mutation", "openSupportTicket"), (built.Info!.ParentTypeName, built.Info.FieldName));
        Assert.Equal(["ticketId", "status", "author/name"], built.Info.SelectionSetList!);
        Assert.Equal("{\n  ticketId\n  status\n}", built.Info.SelectionSetGraphQL);
        Assert.Equal(("sub-1", "alice"), (built.Identity!.Sub, built.Identity.Username));
        Assert.Equal(["admin"], built.Identity.Groups!);
        Assert.Equal("admin", built.Identity.Claims!["cognito:groups"][0].GetString());
        Assert.Equal(JsonValueKind.Number, built.Identity.Claims["exp"].ValueKind);
        Assert.StartsWith("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_", built.Identity.Issuer, StringComparison.Ordinal);
        Assert.Equal("t", built.Arguments!.Value.GetProperty("input").GetProperty("title").GetString());
        var again = JsonSerializer.SerializeToUtf8Bytes(built, LambdaEventsJsonContext.Default.AppSyncResolverEvent);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(again)));
    }

    [Fact]
    public void An_IAM_event_has_the_IAM_identity_fields_of_the_sample()
    {
        var json = new AppSyncResolverEventBuilder("Query", "getPost").WithIamIdentity("IAMUser").ToJson();

        var sample = JsonShape.Paths("appsync/appsync-event-iam-authorizer.json", Maps, Opaque).Where(p => p.StartsWith("identity.", StringComparison.Ordinal));
        var built = JsonShape.Paths(json, Maps, Opaque).Where(p => p.StartsWith("identity.", StringComparison.Ordinal));
        Assert.Equal(
            sample.Except(["identity.cognitoIdentityPoolId", "identity.cognitoIdentityId", "identity.cognitoIdentityAuthType", "identity.cognitoIdentityAuthProvider"]),
            built);
        Assert.Equal("arn:aws:iam::123456789012:user/IAMUser", JsonNode.Parse(json)!["identity"]!["userArn"]!.GetValue<string>());
    }

    [Fact]
    public void A_batch_is_an_array_of_the_events_in_order_with_source_and_lambda_identity()
    {
        var json = AppSyncResolverEventBuilder.ToBatchJson(
            new AppSyncResolverEventBuilder("Post", "author").WithSourceJson("""{"authorId":"1"}""").WithLambdaIdentity("""{"tenant":"a"}"""),
            new AppSyncResolverEventBuilder("Post", "author").WithSourceJson("""{"authorId":"2"}""").WithHeader("X-Trace", "t").WithStashJson("""{"k":1}""").WithPreviousResultJson("[1]").WithDomainName("api.example.com"));

        var items = JsonSerializer.Deserialize(json, LambdaEventsJsonContext.Default.AppSyncResolverEventArray)!;

        Assert.Equal(2, items.Length);
        Assert.Equal(["1", "2"], items.Select(i => i.Source!.Value.GetProperty("authorId").GetString()));
        Assert.Equal("a", items[0].Identity!.ResolverContext!["tenant"].GetString());
        Assert.Equal(("t", "application/json"), (items[1].Request!.Headers!["x-trace"], items[1].Request!.Headers!["content-type"]));
        Assert.Equal(1, items[1].Stash!["k"].GetInt32());
        Assert.Equal(JsonValueKind.Array, items[1].Prev!.Result!.Value.ValueKind);
        Assert.Equal("api.example.com", items[1].Request!.DomainName);
        Assert.Throws<ArgumentException>(() => new AppSyncResolverEventBuilder("Query", "x").WithArgumentsJson("[]"));
    }
}
