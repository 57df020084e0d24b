using System.Text;
using System.Text.Json;
using Lambda.Toolkit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Tests.Pipeline;

public class HandlerTests
{
    private static LambdaApplication OrderApp(Action<IServiceCollection>? services = null)
    {
        var builder = TestApps.Builder();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapHandler(
            (Order order, InvocationContext context, CancellationToken _) =>
                order.Item == "boom"
                    ? throw new InvalidOperationException("Item 'boom' cannot be ordered.")
                    : ValueTask.FromResult(new Receipt(order.Id, context.RequestId)),
            TestJsonContext.Default.Order,
            TestJsonContext.Default.Receipt);
        return app;
    }

    [Fact]
    public async Task Typed_handler_reads_the_event_and_writes_the_result()
    {
        await using var host = await TestApps.StartAsync(OrderApp());

        var result = await host.InvokeOrder(7, new TestInvocation { RequestId = "req-1" });

        Assert.True(result.IsSuccess);
        Assert.Equal(new Receipt(7, "req-1"), result.ReadResponse(TestJsonContext.Default.Receipt));
        Assert.Equal("""{"orderId":7,"requestId":"req-1"}""", result.ResponseText);
    }

    [Fact]
    public async Task Handler_exception_becomes_an_error_and_the_next_invocation_still_works()
    {
        await using var host = await TestApps.StartAsync(OrderApp());

        var failed = await host.InvokeAsync("""{"id":1,"item":"boom"}""");
        var next = await host.InvokeOrder(2);

        Assert.False(failed.IsSuccess);
        Assert.Equal("InvalidOperationException", failed.Error!.ErrorType);
        Assert.Equal("Item 'boom' cannot be ordered.", failed.Error.ErrorMessage);
        Assert.NotEmpty(failed.Error.StackTrace);
        using var body = JsonDocument.Parse(failed.ErrorPayload!.Value);
        Assert.Equal("InvalidOperationException", body.RootElement.GetProperty("errorType").GetString());
        Assert.Equal("Item 'boom' cannot be ordered.", body.RootElement.GetProperty("errorMessage").GetString());
        Assert.Equal(JsonValueKind.Array, body.RootElement.GetProperty("stackTrace").ValueKind);
        Assert.True(next.IsSuccess);
    }

    [Theory]
    [InlineData("not json", "is not a valid Order")]
    [InlineData("""{"id":"seven","item":"book"}""", "$.id")]
    [InlineData("[1,2,3]", "is not a valid Order")]
    [InlineData("null", "the payload is null")]
    [InlineData("", "is not a valid Order")]
    public async Task Malformed_or_wrong_shaped_events_fail_with_InvalidEvent(string payload, string expected)
    {
        await using var host = await TestApps.StartAsync(OrderApp());

        var result = await host.InvokeAsync(payload);

        Assert.Equal(LambdaErrorTypes.InvalidEvent, result.Error!.ErrorType);
        Assert.Contains(expected, result.Error.ErrorMessage);
        Assert.DoesNotContain("seven", result.Error.ErrorMessage);
    }

    [Fact]
    public async Task Class_handler_gets_scoped_services_and_singletons_survive_warm_invocations()
    {
        var builder = TestApps.Builder();
        builder.Services.AddSingleton<Counter>();
        builder.Services.AddScoped<Tracked>();
        builder.Services.AddScoped<CountingHandler>();
        var app = builder.Build();
        app.MapHandler<Order, Receipt, CountingHandler>(TestJsonContext.Default.Order, TestJsonContext.Default.Receipt);
        await using var host = await TestApps.StartAsync(app);

        var first = await host.InvokeOrder();
        var second = await host.InvokeOrder();

        // The singleton counts both invocations; each scope's Tracked was created and disposed once.
        var counter = app.Services.GetRequiredService<Counter>();
        Assert.Equal(1, first.ReadResponse(TestJsonContext.Default.Receipt).OrderId);
        Assert.Equal(2, second.ReadResponse(TestJsonContext.Default.Receipt).OrderId);
        Assert.Equal(2, counter.Created);
        Assert.Equal(2, counter.Disposed);
    }

    [Fact]
    public async Task Scope_is_disposed_when_the_handler_fails()
    {
        var builder = TestApps.Builder();
        builder.Services.AddSingleton<Counter>();
        builder.Services.AddScoped<Tracked>();
        var app = builder.Build();
        app.MapHandler(context =>
        {
            _ = context.Services.GetRequiredService<Tracked>();
            throw new InvalidOperationException("fails");
        });
        await using var host = await TestApps.StartAsync(app);

        var result = await host.InvokeAsync("{}");

        Assert.False(result.IsSuccess);
        Assert.Equal(1, app.Services.GetRequiredService<Counter>().Disposed);
    }

    [Fact]
    public async Task Unregistered_class_handler_fails_init_naming_the_registration_to_add()
    {
        var builder = TestApps.Builder();
        builder.Services.AddSingleton<Counter>();
        builder.Services.AddScoped<Tracked>();
        var app = builder.Build();
        app.MapHandler<Order, Receipt, CountingHandler>(TestJsonContext.Default.Order, TestJsonContext.Default.Receipt);

        var error = await Assert.ThrowsAsync<LambdaFunctionException>(() => TestApps.StartAsync(app));

        Assert.Equal(LambdaErrorTypes.InitFailed, error.ErrorType);
        Assert.Contains("CountingHandler is not registered: add builder.Services.AddScoped<CountingHandler>()", error.Message);
    }

    [Fact]
    public async Task Void_handler_answers_with_an_empty_body()
    {
        Order? seen = null;
        var app = TestApps.Builder().Build();
        app.MapHandler((Order order, InvocationContext _, CancellationToken _) => { seen = order; return ValueTask.CompletedTask; }, TestJsonContext.Default.Order);
        await using var host = await TestApps.StartAsync(app);

        var result = await host.InvokeOrder(5);

        Assert.True(result.IsSuccess);
        Assert.Equal(0, result.Response.Length);
        Assert.Equal(5, seen!.Id);
    }

    [Fact]
    public async Task Stream_handler_reads_and_writes_raw_bytes()
    {
        var app = TestApps.Builder().Build();
        app.MapStreamHandler(async (input, _, token) =>
        {
            using var reader = new StreamReader(input);
            var text = await reader.ReadToEndAsync(token);
            return new MemoryStream(Encoding.UTF8.GetBytes(text.ToUpperInvariant()));
        });
        await using var host = await TestApps.StartAsync(app);

        Assert.Equal("\"SHOUT\"", (await host.InvokeAsync("\"shout\"")).ResponseText);
    }

    [Fact]
    public async Task Custom_error_type_from_LambdaFunctionException()
    {
        var app = TestApps.Builder().Build();
        app.MapHandler(_ => throw new LambdaFunctionException("Orders.NotFound", "Order 9 does not exist."));
        await using var host = await TestApps.StartAsync(app);

        var result = await host.InvokeAsync("{}");

        Assert.Equal("Orders.NotFound", result.Error!.ErrorType);
        Assert.Equal("Order 9 does not exist.", result.Error.ErrorMessage);
    }

    [Fact]
    public async Task Error_mapper_is_pluggable_and_a_failing_mapper_falls_back_to_the_default()
    {
        var builder = TestApps.Builder();
        builder.Services.Configure<LambdaRuntimeOptions>(o => o.ErrorMapper = ex => ex is TimeoutException
            ? new FunctionError("Upstream.Timeout", "upstream slow")
            : throw new InvalidOperationException("mapper broke"));
        var app = builder.Build();
        app.MapHandler(context => context.Payload.Span[1] == (byte)'t' ? throw new TimeoutException() : throw new ArgumentException("bad"));
        await using var host = await TestApps.StartAsync(app);

        Assert.Equal("Upstream.Timeout", (await host.InvokeAsync("\"t\"")).Error!.ErrorType);
        Assert.Equal("ArgumentException", (await host.InvokeAsync("\"x\"")).Error!.ErrorType);
    }

    [Fact]
    public async Task Response_larger_than_the_limit_is_an_error()
    {
        var builder = TestApps.Builder();
        builder.Services.Configure<LambdaRuntimeOptions>(o => o.MaxResponseSize = 1024);
        var app = builder.Build();
        app.MapHandler(context => { context.Response.SetBody(new byte[1025]); return ValueTask.CompletedTask; });
        await using var host = await TestApps.StartAsync(app);

        var result = await host.InvokeAsync("{}");

        Assert.Equal(LambdaErrorTypes.ResponseTooLarge, result.Error!.ErrorType);
        Assert.Contains("1025 bytes", result.Error.ErrorMessage);
    }

    [Fact]
    public async Task Context_carries_the_invocation_metadata()
    {
        InvocationContext? seen = null;
        string? arn = null, trace = null, client = null, cognito = null, requestId = null, name = null;
        TimeSpan remaining = default;
        var app = TestApps.Builder().Build();
        app.MapHandler(context =>
        {
            seen = context;
            (arn, trace, client, cognito, requestId, name, remaining) = (context.InvokedFunctionArn, context.TraceId, context.ClientContext, context.CognitoIdentity, context.RequestId, context.Function.Name, context.RemainingTime);
            return ValueTask.CompletedTask;
        });
        await using var host = await LambdaTestHost.StartAsync(app, new LambdaTestHostOptions { FunctionName = "orders", Timeout = TimeSpan.FromSeconds(10) });

        await host.InvokeAsync("{}", new TestInvocation
        {
            RequestId = "abc",
            TraceId = "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1",
            ClientContext = """{"client":{}}""",
            CognitoIdentity = """{"cognitoIdentityId":"id"}""",
        });

        Assert.Equal("abc", requestId);
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:orders", arn);
        Assert.Equal("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1", trace);
        Assert.Equal("""{"client":{}}""", client);
        Assert.Equal("""{"cognitoIdentityId":"id"}""", cognito);
        Assert.Equal("orders", name);
        Assert.InRange(remaining, TimeSpan.FromSeconds(9), TimeSpan.FromSeconds(10));
        Assert.NotNull(seen);
    }

    public sealed class Counter
    {
        public int Created { get; set; }
        public int Disposed { get; set; }
    }

    public sealed class Tracked : IDisposable
    {
        private readonly Counter _counter;

        public Tracked(Counter counter)
        {
            _counter = counter;
            _counter.Created++;
        }

        public void Dispose() => _counter.Disposed++;
    }

    public sealed class CountingHandler(Counter counter, Tracked tracked) : ILambdaHandler<Order, Receipt>
    {
        public ValueTask<Receipt> HandleAsync(Order input, InvocationContext context, CancellationToken cancellationToken)
        {
            Assert.NotNull(tracked);
            return ValueTask.FromResult(new Receipt(counter.Created, context.RequestId));
        }
    }
}
