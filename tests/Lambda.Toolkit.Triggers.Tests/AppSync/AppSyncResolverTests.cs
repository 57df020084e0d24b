using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.AppSync;
using Lambda.Toolkit.Testing;
using Lambda.Toolkit.Testing.Events;
using Lambda.Toolkit.Triggers.AppSync;
using static Lambda.Toolkit.Triggers.Tests.Authorizers.AuthorizerSupport;

namespace Lambda.Toolkit.Triggers.Tests.AppSync;

public class AppSyncResolverTests
{
    private static readonly AppSyncTestJson Json = AppSyncTestJson.Default;

    private static AppSyncResolverBuilder Resolvers(LambdaApplication app, Action<AppSyncResolverOptions>? configure = null, List<AppSyncResolverContext<OpenTicketArgs>>? seen = null)
    {
        var resolvers = app.MapAppSyncResolver(configure);
        resolvers.Map("Mutation", "openSupportTicket", Json.OpenTicketArgs, Json.Ticket, (ctx, _) =>
        {
            seen?.Add(ctx);
            return ValueTask.FromResult(new Ticket { TicketId = "t-1", Title = ctx.Arguments.Input?.Title, Status = "OPEN" });
        });
        resolvers.Map("Post", "author", Json.JsonElement, Json.Author, (ctx, _) =>
        {
            var source = ctx.GetSource(Json.PostSource)!;
            return source.AuthorId == "bad"
                ? throw new LambdaFunctionException("AuthorNotFound", $"No author {source.AuthorId}.")
                : ValueTask.FromResult(new Author { Id = source.AuthorId, Name = "Author " + source.AuthorId });
        });
        resolvers.Map("Query", "listPosts", Json.LimitArgs, Json.String, (ctx, _) => ValueTask.FromResult("limit " + ctx.Arguments.Limit));
        return resolvers;
    }

    [Theory]
    [InlineData("appsync-event.json")]
    [InlineData("appsync-event-cognito-authorizer.json")]
    [InlineData("appsync-event-iam-authorizer.json")]
    public async Task Each_AWS_resolver_sample_is_routed_by_type_and_field_with_its_arguments_bound(string file)
    {
        var seen = new List<AppSyncResolverContext<OpenTicketArgs>>();
        var app = App();
        Resolvers(app, seen: seen);
        await using var host = await LambdaTestHost.StartAsync(app);

        var text = Text(await host.InvokeFileAsync(Sample("appsync", file)));

        Assert.True(SameJson("""{"ticketId":"t-1","title":"Support Ticket Test","status":"OPEN"}""", text), text);
        var ctx = Assert.Single(seen);
        Assert.Equal("Support Ticket Test", ctx.Arguments.Input!.Description);
        Assert.Null(ctx.BatchIndex);
        Assert.Equal(("Mutation", "openSupportTicket"), (ctx.Info.ParentTypeName, ctx.Info.FieldName));
        Assert.Contains("updatedAt", ctx.Info.SelectionSetList!);
        Assert.Equal("value1", ctx.Event.Request!.Headers!["key1"]);
        Assert.Equal("Support Ticket Test", ctx.Info.Variables!["input"].GetProperty("title").GetString());
        switch (file)
        {
            case "appsync-event.json":
                Assert.Null(ctx.Identity);
                break;
            case "appsync-event-cognito-authorizer.json":
                Assert.Equal("b662d2e4-d0a1-7098-4973-20a5d6ff5a12", ctx.Identity!.Sub);
                Assert.Equal(["admin"], ctx.Identity.Groups!);
                Assert.Equal("ALLOW", ctx.Identity.DefaultAuthStrategy);
                Assert.Equal(1737362177, ctx.Identity.Claims!["exp"].GetInt64());
                break;
            default:
                Assert.Equal("arn:aws:iam::123456789012:user/IAMUser", ctx.Identity!.UserArn);
                Assert.Equal("authenticated", ctx.Identity.CognitoIdentityAuthType);
                Assert.Equal(["192.0.2.1"], ctx.Identity.SourceIp!);
                break;
        }
    }

    [Fact]
    public async Task An_unmapped_field_fails_naming_it_and_the_mapped_fields()
    {
        var app = App();
        Resolvers(app);
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(new AppSyncResolverEventBuilder("Query", "getPost").ToJson());

        Assert.False(result.IsSuccess);
        Assert.Equal(LambdaErrorTypes.InvalidEvent, result.Error!.ErrorType);
        Assert.Contains("Query.getPost", result.Error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("mapped: Mutation.openSupportTicket, Post.author, Query.listPosts", result.Error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_single_invocations_handler_exception_is_the_GraphQL_error_with_its_error_type()
    {
        var app = App();
        Resolvers(app);
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(new AppSyncResolverEventBuilder("Post", "author").WithSourceJson("""{"authorId":"bad"}""").ToJson());

        Assert.Equal("AuthorNotFound", result.Error!.ErrorType);
        Assert.Equal("No author bad.", result.Error.ErrorMessage);
    }

    [Fact]
    public async Task Arguments_that_do_not_bind_fail_with_their_JSON_path()
    {
        var app = App();
        Resolvers(app);
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(new AppSyncResolverEventBuilder("Query", "listPosts").WithArgumentsJson("""{"limit":"ten"}""").ToJson());

        Assert.Equal(LambdaErrorTypes.InvalidEvent, result.Error!.ErrorType);
        Assert.Contains("$.arguments.limit", result.Error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_without_a_field_name_fails_as_invalid()
    {
        var app = App();
        Resolvers(app);
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync("""{"arguments":{},"info":{"parentTypeName":"Query"}}""");

        Assert.Equal(LambdaErrorTypes.InvalidEvent, result.Error!.ErrorType);
        Assert.Contains("info.fieldName", result.Error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_is_answered_in_order_and_a_failed_item_is_null_without_failing_the_others()
    {
        var app = App();
        Resolvers(app);
        await using var host = await LambdaTestHost.StartAsync(app);

        var text = Text(await host.InvokeAsync(AppSyncResolverEventBuilder.ToBatchJson(Author("1"), Author("bad"), Author("3"))));

        Assert.True(SameJson("""[{"id":"1","name":"Author 1"},null,{"id":"3","name":"Author 3"}]""", text), text);
    }

    [Fact]
    public async Task With_error_objects_each_batch_item_carries_its_data_or_its_error()
    {
        var app = App();
        Resolvers(app, o => o.BatchErrors = AppSyncBatchErrorMode.ErrorObjects);
        await using var host = await LambdaTestHost.StartAsync(app);

        var text = Text(await host.InvokeAsync(AppSyncResolverEventBuilder.ToBatchJson(Author("1"), Author("bad"))));

        Assert.True(
            SameJson("""[{"data":{"id":"1","name":"Author 1"}},{"data":null,"errorMessage":"No author bad.","errorType":"AuthorNotFound"}]""", text),
            text);
    }

    [Fact]
    public async Task A_batch_item_that_is_not_a_resolver_event_or_does_not_bind_fails_alone()
    {
        var app = App();
        Resolvers(app, o => o.BatchErrors = AppSyncBatchErrorMode.ErrorObjects);
        await using var host = await LambdaTestHost.StartAsync(app);
        var good = Encoding.UTF8.GetString(new AppSyncResolverEventBuilder("Query", "listPosts").WithArgumentsJson("""{"limit":2}""").ToJson());
        var unbound = Encoding.UTF8.GetString(new AppSyncResolverEventBuilder("Query", "listPosts").WithArgumentsJson("""{"limit":"two"}""").ToJson());

        var text = Text(await host.InvokeAsync($"[{good},{unbound},42,{good}]"));

        var items = JsonNode.Parse(text)!.AsArray();
        Assert.Equal(4, items.Count);
        Assert.Equal("limit 2", (string?)items[0]!["data"]);
        Assert.Contains("$[1].arguments.limit", (string?)items[1]!["errorMessage"], StringComparison.Ordinal);
        Assert.Equal(LambdaErrorTypes.InvalidEvent, (string?)items[1]!["errorType"]);
        Assert.Contains("Item 2", (string?)items[2]!["errorMessage"], StringComparison.Ordinal);
        Assert.Equal("limit 2", (string?)items[3]!["data"]);
    }

    [Fact]
    public async Task A_batch_with_an_unmapped_field_fails_as_a_whole()
    {
        var app = App();
        Resolvers(app);
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(AppSyncResolverEventBuilder.ToBatchJson(Author("1"), new AppSyncResolverEventBuilder("Post", "comments")));

        Assert.Equal(LambdaErrorTypes.InvalidEvent, result.Error!.ErrorType);
        Assert.Contains("Post.comments", result.Error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("(batch item 1)", result.Error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_handlers_see_their_index()
    {
        var indexes = new List<int?>();
        var app = App();
        app.MapAppSyncResolver().Map("Post", "author", Json.JsonElement, Json.String, (ctx, _) =>
        {
            indexes.Add(ctx.BatchIndex);
            return ValueTask.FromResult(ctx.GetSource(Json.PostSource)!.AuthorId!);
        });
        await using var host = await LambdaTestHost.StartAsync(app);

        var text = Text(await host.InvokeAsync(AppSyncResolverEventBuilder.ToBatchJson(Author("a"), Author("b"))));

        Assert.Equal("""["a","b"]""", text);
        Assert.Equal([0, 1], indexes);
    }

    [Fact]
    public async Task No_mapped_field_or_a_field_mapped_twice_fails_init()
    {
        var app = App();
        app.MapAppSyncResolver();
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => LambdaTestHost.StartAsync(app));
        Assert.Contains("maps no field", failure.Message, StringComparison.Ordinal);

        var twice = App();
        twice.MapAppSyncResolver()
            .Map("Query", "a", Json.JsonElement, Json.String, (_, _) => ValueTask.FromResult("1"))
            .Map("Query", "a", Json.JsonElement, Json.String, (_, _) => ValueTask.FromResult("2"));
        failure = await Assert.ThrowsAnyAsync<Exception>(() => LambdaTestHost.StartAsync(twice));
        Assert.Contains("Query.a is mapped twice", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_classifier_tells_single_and_batch_events_from_other_events()
    {
        var classifier = AppSyncResolverClassifier.Instance;

        Assert.Equal(AppSyncResolverShape.Single, classifier.ClassifyPayload(File.ReadAllBytes(Sample("appsync", "appsync-event.json"))));
        Assert.Equal(AppSyncResolverShape.Batch, classifier.ClassifyPayload(AppSyncResolverEventBuilder.ToBatchJson(Author("1"))));
        Assert.Equal(AppSyncResolverShape.None, classifier.ClassifyPayload(File.ReadAllBytes(Sample("appsync", "appsync-event-lambda-authorizer-request.json"))));
        Assert.Equal(AppSyncResolverShape.None, classifier.ClassifyPayload(File.ReadAllBytes(Sample("sqs", "sqs-event.json"))));
        Assert.Equal(AppSyncResolverShape.None, classifier.ClassifyPayload("[]"u8));
        Assert.Equal(AppSyncResolverShape.None, classifier.ClassifyPayload("[1,2]"u8));
        Assert.Equal(AppSyncResolverShape.None, classifier.ClassifyPayload("not json"u8));
    }

    private static AppSyncResolverEventBuilder Author(string id) => new AppSyncResolverEventBuilder("Post", "author").WithSourceJson($$"""{"authorId":"{{id}}"}""");
}
