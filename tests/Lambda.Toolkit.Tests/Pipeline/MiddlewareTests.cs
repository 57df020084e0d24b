using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Tests.Pipeline;

public class MiddlewareTests
{
    [Fact]
    public async Task First_registered_middleware_is_outermost()
    {
        var trace = new List<string>();
        var app = TestApps.Builder().Build();
        app.Use(async (context, next) => { trace.Add("a>"); await next(context); trace.Add("<a"); });
        app.Use(next => async context => { trace.Add("b>"); await next(context); trace.Add("<b"); });
        app.MapHandler(context => { trace.Add("handler"); return ValueTask.CompletedTask; });
        await using var host = await TestApps.StartAsync(app);

        var result = await host.InvokeAsync("{}");

        Assert.True(result.IsSuccess);
        Assert.Equal(["a>", "b>", "handler", "<b", "<a"], trace);
    }

    [Fact]
    public async Task Middleware_can_short_circuit_without_running_the_handler()
    {
        var handlerRan = false;
        var app = TestApps.Builder().Build();
        app.Use((context, next) =>
        {
            context.Response.SetBody("\"warm\""u8);
            return ValueTask.CompletedTask;
        });
        app.MapHandler(_ => { handlerRan = true; return ValueTask.CompletedTask; });
        await using var host = await TestApps.StartAsync(app);

        var result = await host.InvokeAsync("{}");

        Assert.False(handlerRan);
        Assert.Equal("\"warm\"", result.ResponseText);
    }

    [Fact]
    public async Task Middleware_can_turn_a_handler_error_into_a_response()
    {
        var app = TestApps.Builder().Build();
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (InvalidOperationException ex)
            {
                context.Response.SetJson(ex.Message, TestJsonContext.Default.String);
            }
        });
        app.MapHandler(_ => throw new InvalidOperationException("handled"));
        await using var host = await TestApps.StartAsync(app);

        var result = await host.InvokeAsync("{}");

        Assert.True(result.IsSuccess);
        Assert.Equal("\"handled\"", result.ResponseText);
    }

    [Fact]
    public async Task Class_middleware_is_resolved_from_the_invocation_scope()
    {
        var builder = TestApps.Builder();
        builder.Services.AddScoped<ScopeMarker>();
        builder.Services.AddScoped<MarkerMiddleware>();
        var app = builder.Build();
        app.Use<MarkerMiddleware>();
        app.MapHandler(context =>
        {
            var marker = context.Services.GetRequiredService<ScopeMarker>();
            context.Response.SetBody(Encoding.UTF8.GetBytes(marker.Seen.ToString()));
            return ValueTask.CompletedTask;
        });
        await using var host = await TestApps.StartAsync(app);

        var first = await host.InvokeAsync("{}");
        var second = await host.InvokeAsync("{}");

        // The middleware and the handler share one scope per invocation; each invocation gets a fresh one.
        Assert.Equal("1", first.ResponseText);
        Assert.Equal("1", second.ResponseText);
    }

    [Fact]
    public async Task Unregistered_class_middleware_fails_init_naming_the_registration_to_add()
    {
        var builder = TestApps.Builder();
        builder.Services.AddScoped<ScopeMarker>();
        var app = builder.Build();
        app.Use<MarkerMiddleware>();
        app.MapHandler(_ => ValueTask.CompletedTask);

        var error = await Assert.ThrowsAsync<LambdaFunctionException>(() => TestApps.StartAsync(app));

        Assert.Equal(LambdaErrorTypes.InitFailed, error.ErrorType);
        Assert.Contains("AddScoped<MarkerMiddleware>()", error.Message);
    }

    [Fact]
    public async Task Registered_class_middleware_gets_the_invocation_scope()
    {
        var builder = TestApps.Builder();
        builder.Services.AddScoped<ScopeMarker>();
        builder.Services.AddScoped<MarkerMiddleware>();
        var app = builder.Build();
        app.Use<MarkerMiddleware>();
        app.MapHandler(context =>
        {
            context.Response.SetBody(Encoding.UTF8.GetBytes(context.Services.GetRequiredService<ScopeMarker>().Seen.ToString()));
            return ValueTask.CompletedTask;
        });
        await using var host = await TestApps.StartAsync(app);

        Assert.Equal("1", (await host.InvokeAsync("{}")).ResponseText);
    }

    [Fact]
    public async Task Pipeline_is_frozen_after_init()
    {
        var app = TestApps.Builder().Build();
        app.MapHandler(_ => ValueTask.CompletedTask);
        await using var host = await TestApps.StartAsync(app);

        Assert.Throws<InvalidOperationException>(() => app.Use(next => next));
        Assert.Throws<InvalidOperationException>(() => app.MapHandler(_ => ValueTask.CompletedTask));
    }

    [Fact]
    public async Task A_handler_after_the_catch_all_fails_init_not_Main()
    {
        var app = TestApps.Builder().Build();
        app.MapHandler(_ => ValueTask.CompletedTask);
        app.MapEvent(_ => true, _ => ValueTask.CompletedTask);

        var error = await Assert.ThrowsAsync<LambdaFunctionException>(() => TestApps.StartAsync(app));
        Assert.Equal(LambdaErrorTypes.InitFailed, error.ErrorType);
        Assert.Contains("catch-all", error.Message);
    }

    [Fact]
    public async Task Events_are_routed_to_the_first_handler_that_accepts_them()
    {
        var app = TestApps.Builder().Build();
        app.MapEvent(c => c.Payload.Span.IndexOf("\"Records\""u8) >= 0, c => { c.Response.SetBody("\"records\""u8); return ValueTask.CompletedTask; });
        app.MapEvent(c => c.Payload.Span.IndexOf("\"rawPath\""u8) >= 0, c => { c.Response.SetBody("\"http\""u8); return ValueTask.CompletedTask; });
        await using var host = await TestApps.StartAsync(app);

        Assert.Equal("\"records\"", (await host.InvokeAsync("""{"Records":[]}""")).ResponseText);
        Assert.Equal("\"http\"", (await host.InvokeAsync("""{"rawPath":"/"}""")).ResponseText);
        var unrouted = await host.InvokeAsync("""{"detail":{}}""");
        Assert.Equal(LambdaErrorTypes.NoHandler, unrouted.Error!.ErrorType);
    }

    public sealed class ScopeMarker
    {
        public int Seen { get; set; }
    }

    public sealed class MarkerMiddleware(ScopeMarker marker) : IInvocationMiddleware
    {
        public ValueTask InvokeAsync(InvocationContext context, InvocationDelegate next)
        {
            marker.Seen++;
            return next(context);
        }
    }
}
