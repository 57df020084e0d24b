using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lambda.Toolkit.Adapters;
using Lambda.Toolkit.Emulator;
using Lambda.Toolkit.Logging;
using Lambda.Toolkit.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lambda.Toolkit.Tests.Hosting;

/// <summary>The init timeline (<c>LAMBDA_TOOLKIT_INIT_TIMELINE</c>), written by the real Runtime API loop against the emulator.</summary>
public sealed class InitTimelineTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static readonly Action<ILogger, Exception?> HookRan = LoggerMessage.Define(LogLevel.Information, new EventId(1), "init hook ran");
    private RuntimeApiEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await RuntimeApiEmulator.StartAsync(new RuntimeApiEmulatorOptions { FunctionName = "timeline-test" });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private static LambdaEnvironment Variables(params (string Name, string Value)[] variables) =>
        LambdaEnvironment.FromVariables(variables.ToDictionary(v => v.Name, v => v.Value));

    /// <summary>Builds an app with one middleware, one filter, an init hook and priming, serves one event, stops; returns the log output.</summary>
    private async Task<string> RunOnce(LambdaEnvironment environment)
    {
        var logs = new MemoryStream();
        var builder = TestApps.Builder(logs, environment: environment);
        builder.Services.AddSingleton<IPipelineFilter>(new NamedFilter("Audit"));
        var app = builder.Build();
        app.Use(next => next);
        app.MapHandler(context =>
        {
            context.Response.SetBody("{}"u8);
            return ValueTask.CompletedTask;
        });
        app.OnInit((_, _) =>
        {
            HookRan(app.Logger, null);
            return ValueTask.CompletedTask;
        });
        app.Prime("{}");

        using var stop = new CancellationTokenSource();
        var loop = Task.Run(() => app.RunCoreAsync(_emulator.RuntimeApiAddress, stop.Token));
        var result = await _emulator.InvokeAsync("{}"u8.ToArray()).WaitAsync(Wait);
        Assert.True(result.IsSuccess);
        await stop.CancelAsync();
        Assert.Equal(0, await loop.WaitAsync(Wait));
        await app.DisposeAsync();
        return Encoding.UTF8.GetString(logs.ToArray());
    }

    private static readonly string[] ExpectedPhases =
    [
        "startup", "configuration", "registration", "container", "logging", "application", "options",
        "pipeline:Handler", "pipeline:Middleware", "pipeline:Audit", "pipeline:routing", "pipeline:composition",
        "init hooks", "priming", "first next",
    ];

    [Fact]
    public async Task Json_format_writes_one_line_with_every_phase_in_order()
    {
        var output = await RunOnce(Variables(("LAMBDA_TOOLKIT_INIT_TIMELINE", "1"), ("AWS_LAMBDA_LOG_FORMAT", "JSON")));

        var line = Assert.Single(output.Split('\n'), l => l.Contains(InitTimeline.Marker, StringComparison.Ordinal));
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal(InitTimeline.Marker, root.GetProperty("type").GetString());
        var phases = root.GetProperty("phases").EnumerateArray().ToList();
        Assert.Equal(ExpectedPhases, phases.Select(p => p.GetProperty("name").GetString()));
        var previousAt = 0.0;
        foreach (var phase in phases)
        {
            Assert.True(phase.GetProperty("wallMs").GetDouble() >= 0);
            Assert.True(phase.GetProperty("cpuMs").GetDouble() >= 0);
            var at = phase.GetProperty("sinceProcessStartMs").GetDouble();
            Assert.True(at >= previousAt, $"{phase.GetProperty("name").GetString()} ends at {at} ms, before the previous phase's end ({previousAt} ms)");
            previousAt = at;
        }

        // Each figure is rounded to the microsecond: the sum of the phases is the total to within their rounding.
        var sum = phases.Sum(p => p.GetProperty("wallMs").GetDouble());
        Assert.True(Math.Abs(sum - root.GetProperty("totalWallMs").GetDouble()) <= 0.0005 * (phases.Count + 1), $"phases sum to {sum} ms");
        Assert.True(root.GetProperty("totalWallMs").GetDouble() > 0);
    }

    [Fact]
    public async Task Text_format_writes_one_readable_line_with_every_phase_in_order()
    {
        var output = await RunOnce(Variables(("LAMBDA_TOOLKIT_INIT_TIMELINE", "true")));

        var line = Assert.Single(output.Split('\n'), l => l.StartsWith(InitTimeline.Marker, StringComparison.Ordinal));
        var phases = Regex.Matches(line, @"\| (?<name>[^|]+?) wall=(?<wall>[0-9.]+)ms cpu=(?<cpu>[0-9.]+)ms at=(?<at>[0-9.]+)ms");
        Assert.Equal(ExpectedPhases, phases.Select(m => m.Groups["name"].Value));
        Assert.All(phases, m => Assert.True(double.Parse(m.Groups["at"].Value, CultureInfo.InvariantCulture) > 0));
        Assert.Matches(@"^lambda-toolkit\.init-timeline total wall=[0-9.]+ms cpu=[0-9.]+ms \| startup ", line);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0")]
    public async Task Nothing_is_written_when_the_variable_is_unset_or_off(string? value)
    {
        var environment = value is null
            ? Variables(("AWS_LAMBDA_LOG_FORMAT", "JSON"))
            : Variables(("LAMBDA_TOOLKIT_INIT_TIMELINE", value), ("AWS_LAMBDA_LOG_FORMAT", "JSON"));

        var output = await RunOnce(environment);

        Assert.Contains("init hook ran", output, StringComparison.Ordinal); // the logger writes to the same output
        Assert.DoesNotContain(InitTimeline.Marker, output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_timeline_is_written_once()
    {
        var timeline = new InitTimeline();
        timeline.Mark("configuration");
        Assert.Equal(["startup", "configuration"], timeline.Phases.Select(p => p.Name));
        Assert.True(timeline.Phases[0].CpuMs > 0, "the process used CPU before the timeline started");
        using var output = new MemoryStream();

        timeline.Write(LambdaLogFormat.Text, output);
        timeline.Write(LambdaLogFormat.Text, output);

        Assert.Single(Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("0", false)]
    [InlineData("false", false)]
    [InlineData("", false)]
    public void LAMBDA_TOOLKIT_INIT_TIMELINE_switches_the_timeline(string value, bool expected)
    {
        var environment = Variables(("LAMBDA_TOOLKIT_INIT_TIMELINE", value));

        Assert.Equal(expected, environment.InitTimeline);
        Assert.Empty(environment.Problems);
    }

    [Fact]
    public void An_unreadable_LAMBDA_TOOLKIT_INIT_TIMELINE_is_a_problem()
    {
        var environment = Variables(("LAMBDA_TOOLKIT_INIT_TIMELINE", "yes"));

        Assert.False(environment.InitTimeline);
        Assert.Equal("LAMBDA_TOOLKIT_INIT_TIMELINE must be 1, true, 0 or false (was 'yes').", Assert.Single(environment.Problems));
    }

    private sealed class NamedFilter(string name) : IPipelineFilter
    {
        public string Name => name;

        public Func<InvocationDelegate, InvocationDelegate>? Build(PipelineBuildContext context) => static next => next;
    }
}
