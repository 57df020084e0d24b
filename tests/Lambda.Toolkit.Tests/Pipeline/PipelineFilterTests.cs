using System.Collections.Concurrent;
using Lambda.Toolkit.Adapters;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Tests.Pipeline;

public class PipelineFilterTests
{
    [Fact]
    public async Task Filters_registered_as_services_wrap_every_middleware_the_first_registered_outermost()
    {
        var order = new ConcurrentQueue<string>();
        var builder = TestApps.Builder();
        builder.Services.AddSingleton<IPipelineFilter>(new RecordingFilter("filter 1", order));
        builder.Services.AddSingleton<IPipelineFilter>(new RecordingFilter("filter 2", order));
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            order.Enqueue("middleware before");
            await next(context);
            order.Enqueue("middleware after");
        });
        app.MapHandler(_ =>
        {
            order.Enqueue("handler");
            return ValueTask.CompletedTask;
        });
        await using var host = await TestApps.StartAsync(app);

        await host.InvokeAsync("{}");

        Assert.Equal(
            ["filter 1 before", "filter 2 before", "middleware before", "handler", "middleware after", "filter 2 after", "filter 1 after"],
            order);
    }

    [Fact]
    public async Task A_filter_that_adds_nothing_leaves_the_pipeline_as_it_is()
    {
        var builder = TestApps.Builder();
        builder.Services.AddSingleton<IPipelineFilter>(new NothingFilter(problem: null));
        var app = builder.Build();
        app.MapHandler(context =>
        {
            context.Response.SetBody("\"ok\""u8);
            return ValueTask.CompletedTask;
        });
        await using var host = await TestApps.StartAsync(app);

        Assert.Equal("\"ok\"", (await host.InvokeAsync("{}")).ResponseText);
    }

    [Fact]
    public async Task A_filter_problem_fails_init_with_the_other_problems_under_the_filter_name()
    {
        var builder = TestApps.Builder();
        builder.Services.AddSingleton<IPipelineFilter>(new NothingFilter(problem: "Namespace is required."));
        var app = builder.Build();

        var error = await Assert.ThrowsAsync<LambdaFunctionException>(() => TestApps.StartAsync(app));

        Assert.Contains("(1) No handler is mapped", error.Message, StringComparison.Ordinal);
        Assert.Contains("(2) Nothing: Namespace is required.", error.Message, StringComparison.Ordinal);
    }

    private sealed class RecordingFilter(string name, ConcurrentQueue<string> order) : IPipelineFilter
    {
        public string Name => name;

        public Func<InvocationDelegate, InvocationDelegate>? Build(PipelineBuildContext context) => next => async invocation =>
        {
            order.Enqueue(name + " before");
            await next(invocation);
            order.Enqueue(name + " after");
        };
    }

    private sealed class NothingFilter(string? problem) : IPipelineFilter
    {
        public string Name => "Nothing";

        public Func<InvocationDelegate, InvocationDelegate>? Build(PipelineBuildContext context)
        {
            if (problem is not null)
            {
                context.AddProblem(problem);
            }

            return null;
        }
    }
}
