using Lambda.Toolkit.Adapters;

namespace Lambda.Toolkit.Tests.Pipeline;

/// <summary>The public adapter contract as an adapter written outside the toolkit uses it.</summary>
public class AdapterContractTests
{
    [Fact]
    public async Task An_adapter_that_stops_on_its_own_problems_is_not_stopped_by_another_adapters()
    {
        var app = TestApps.Builder().Build();
        app.MapAdapter(new GuardedAdapter("First", problem: "Size must be positive (was 0)."));
        app.MapAdapter(new GuardedAdapter("Second", problem: null));

        var error = await Assert.ThrowsAsync<LambdaFunctionException>(() => TestApps.StartAsync(app));

        Assert.Equal("First: Size must be positive (was 0).", error.Message);
    }

    [Fact]
    public async Task An_adapter_that_builds_nothing_and_says_nothing_is_an_init_problem()
    {
        var app = TestApps.Builder().Build();
        app.MapAdapter(new SilentAdapter());

        var error = await Assert.ThrowsAsync<LambdaFunctionException>(() => TestApps.StartAsync(app));

        Assert.Equal("Silent: the adapter built no handler and reported no problem.", error.Message);
    }

    private sealed class GuardedAdapter(string name, string? problem) : LambdaAdapter
    {
        public override string Name => name;

        public override bool Accepts(InvocationContext context) => true;

        public override InvocationDelegate? Build(PipelineBuildContext context)
        {
            if (problem is not null)
            {
                context.AddProblem(problem);
            }

            return context.HasProblems ? null : static _ => ValueTask.CompletedTask;
        }
    }

    private sealed class SilentAdapter : LambdaAdapter
    {
        public override string Name => "Silent";

        public override bool Accepts(InvocationContext context) => true;

        public override InvocationDelegate? Build(PipelineBuildContext context) => null;
    }
}
