using System.Diagnostics;
using System.Text.RegularExpressions;
using Lambda.Toolkit.Local.Commands;

namespace Lambda.Toolkit.Local.Tests;

/// <summary><c>lambda-toolkit bench</c>: the CPU column, the ratios and <c>--timeline</c>, in process, with script functions.</summary>
public sealed class BenchCommandTests : IDisposable
{
    private const string TextTimeline =
        "lambda-toolkit.init-timeline total wall=3.000ms cpu=2.500ms | configuration wall=1.000ms cpu=0.500ms at=20.000ms | container wall=2.000ms cpu=2.000ms at=22.000ms";

    private const string JsonTimeline =
        """{"timestamp":"2026-01-01T00:00:00.000Z","level":"INFO","type":"lambda-toolkit.init-timeline","message":"Init timeline","totalWallMs":9,"totalCpuMs":7,"phases":[{"name":"configuration","wallMs":4,"cpuMs":3,"sinceProcessStartMs":30},{"name":"pipeline:Http","wallMs":5,"cpuMs":4,"sinceProcessStartMs":35}]}""";

    private readonly string _event;

    public BenchCommandTests()
    {
        _event = Path.GetTempFileName();
        File.WriteAllText(_event, "{}");
    }

    public void Dispose() => File.Delete(_event);

    /// <summary>A function that writes <paramref name="timeline"/> when the bench switches the timeline on, then answers.</summary>
    private static ScriptFunction Function(string timeline) => ScriptFunction.Create($$"""
        if [ "${LAMBDA_TOOLKIT_INIT_TIMELINE-}" = 1 ]; then printf '%s\n' '{{timeline}}'; fi
        next; respond '{"ok":true}'; exec sleep 60
        """);

    private static async Task<(int ExitCode, string Stdout, string Stderr)> Bench(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = await BenchCommand.RunAsync(args, stdout, stderr, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(3));
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task The_cold_table_and_the_ratios_report_CPU_time_and_timeline_prints_the_median_phases()
    {
        using var a = Function(TextTimeline);
        using var b = Function(JsonTimeline);

        var (exitCode, stdout, stderr) = await Bench(a.Path, b.Path, "--event", _event, "--runs", "2", "--warm", "0", "--timeline");

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("| function | init ms | first response ms | CPU ms | peak memory MB |", stdout, StringComparison.Ordinal);
        const string Stats = @"[0-9.]+ / [0-9.]+ / [0-9.]+";
        Assert.Matches($@"\| A: .+ \| {Stats} \| {Stats} \| {Stats} \| {Stats} \|", stdout);
        Assert.Matches(@"Ratios B/A: init [0-9.]+x, first response [0-9.]+x, CPU ([0-9.]+|NaN|Infinity)x, peak memory [0-9.]+x", stdout);
        Assert.Matches(@"\[bench\] run 1 A: init [0-9.]+ ms, first response [0-9.]+ ms, CPU [0-9.]+ ms, peak", stderr);
        var table = stdout[stdout.IndexOf("Init timeline", StringComparison.Ordinal)..].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                "Init timeline (LAMBDA_TOOLKIT_INIT_TIMELINE=1), median per phase:",
                "| phase | A wall ms | A CPU ms | B wall ms | B CPU ms |",
                "|---|---|---|---|---|",
                "| configuration | 1.000 | 0.500 | 4.000 | 3.000 |",
                "| container | 2.000 | 2.000 | - | - |",
                "| pipeline:Http | - | - | 5.000 | 4.000 |",
                "| total | 3.000 | 2.500 | 9.000 | 7.000 |",
            ],
            table);
    }

    [Fact]
    public async Task Without_timeline_the_variable_is_not_set_and_no_timeline_is_printed()
    {
        using var a = Function(TextTimeline);

        var (exitCode, stdout, stderr) = await Bench(a.Path, "--event", _event, "--runs", "1", "--warm", "0");

        Assert.True(exitCode == 0, stderr);
        Assert.DoesNotContain("Init timeline", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Ratios", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_function_that_writes_no_timeline_is_named_in_a_note()
    {
        using var a = ScriptFunction.Create("""next; respond '{}'; exec sleep 60""");

        var (exitCode, stdout, stderr) = await Bench(a.Path, "--event", _event, "--runs", "1", "--warm", "0", "--timeline");

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("A: 1 of 1 runs wrote no init timeline (not a Lambda.Toolkit function, or init failed).", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("| phase |", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_reads_the_text_and_the_JSON_line_and_ignores_other_lines()
    {
        Assert.Equal(
            [new InitTimelinePhase("configuration", 1, 0.5), new InitTimelinePhase("container", 2, 2)],
            InitTimelinePhase.Parse(TextTimeline));
        Assert.Equal(
            [new InitTimelinePhase("configuration", 4, 3), new InitTimelinePhase("pipeline:Http", 5, 4)],
            InitTimelinePhase.Parse(JsonTimeline));
        Assert.Null(InitTimelinePhase.Parse("""{"level":"INFO","message":"lambda-toolkit.init-timeline is on"}"""));
        Assert.Null(InitTimelinePhase.Parse("""{"type":"lambda-toolkit.init-timeline","phases":[{"name":"x"}]}"""));
        Assert.Null(InitTimelinePhase.Parse("""{"type":"lambda-toolkit.init-timeline", broken"""));
        Assert.Null(InitTimelinePhase.Parse("lambda-toolkit.init-timeline total wall=1ms cpu=1ms"));
        Assert.Null(InitTimelinePhase.Parse("info: started"));
    }

    [Fact]
    public void The_table_takes_the_median_of_the_runs_that_reported_each_phase()
    {
        IReadOnlyList<InitTimelinePhase>? Run(double wall, double cpu) => [new InitTimelinePhase("container", wall, cpu)];

        var text = InitTimelineTable.Format(["A"], [[Run(1, 1), Run(4, 2), null, Run(3, 9), Run(2, 3)]]);

        Assert.Equal(
            """
            Init timeline (LAMBDA_TOOLKIT_INIT_TIMELINE=1), median per phase:
            A: 1 of 5 runs wrote no init timeline (not a Lambda.Toolkit function, or init failed).
            | phase | A wall ms | A CPU ms |
            |---|---|---|
            | container | 2.500 | 2.500 |
            | total | 2.500 | 2.500 |

            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void The_startup_wall_time_is_the_measured_init_less_the_later_phases()
    {
        IReadOnlyList<InitTimelinePhase> phases = [new("startup", 19, 6), new("configuration", 1, 1), new("container", 2, 2)];

        Assert.Equal(
            [new InitTimelinePhase("startup", 7, 6), new InitTimelinePhase("configuration", 1, 1), new InitTimelinePhase("container", 2, 2)],
            BenchCommand.MeasuredStartup(phases, TimeSpan.FromMilliseconds(10)));
        Assert.Equal(0, BenchCommand.MeasuredStartup(phases, TimeSpan.FromMilliseconds(2))![0].WallMs);
        Assert.Same(phases, BenchCommand.MeasuredStartup(phases, TimeSpan.Zero));
        IReadOnlyList<InitTimelinePhase> noStartup = [new("configuration", 1, 1)];
        Assert.Same(noStartup, BenchCommand.MeasuredStartup(noStartup, TimeSpan.FromMilliseconds(10)));
    }

    [Fact]
    public void ProcessCpuTime_counts_the_CPU_a_process_uses()
    {
        var before = BenchCommand.ProcessCpuTime(Environment.ProcessId);
        using var self = Process.GetCurrentProcess();
        var start = self.TotalProcessorTime;
        while (true)
        {
            self.Refresh();
            if (self.TotalProcessorTime - start >= TimeSpan.FromMilliseconds(60))
            {
                break;
            }

            Thread.SpinWait(10_000);
        }

        var used = BenchCommand.ProcessCpuTime(Environment.ProcessId) - before;
        Assert.True(used >= TimeSpan.FromMilliseconds(40), $"{used.TotalMilliseconds} ms");
        Assert.Equal(TimeSpan.Zero, BenchCommand.ProcessCpuTime(int.MaxValue));
    }
}
