using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Lambda.Toolkit.Logging;

namespace Lambda.Toolkit.Runtime;

/// <summary>
/// The init timeline (<c>LAMBDA_TOOLKIT_INIT_TIMELINE=1</c>, <see cref="LambdaEnvironment.InitTimeline"/>): the end of
/// each init phase, with the wall time and process CPU time the phase took and the wall time since the process
/// started, written once, as one line, when init ends. The first phase, <c>startup</c>, is the time before the builder
/// was created: the process's age then, and the CPU time it had used. It exists only when switched on: the application holds
/// <see langword="null"/> otherwise, so each mark costs one null check and nothing is allocated.
/// </summary>
/// <remarks>
/// CPU time is the whole process's (every thread, user + system): <c>Environment.CpuUsage</c> (getrusage,
/// microseconds) on .NET 9 and later, <see cref="Process.TotalProcessorTime"/> on .NET 8 (on Linux, clock ticks of
/// 10 ms). The time since process start adds the wall time measured here (monotonic
/// <see cref="Stopwatch"/>) to the age of the process when the timeline started, read once from
/// <see cref="Process.StartTime"/>: a single read when the timeline is on, and the only managed source of the
/// process's start (on Linux it has the kernel's clock-tick resolution, 10 ms; the phases themselves are exact).
/// </remarks>
internal sealed class InitTimeline
{
    /// <summary>The <c>type</c> of the JSON line and the first word of the text line; <c>lambda-toolkit bench</c> looks for it.</summary>
    internal const string Marker = "lambda-toolkit.init-timeline";

    private readonly List<Phase> _phases = new(16);
    private readonly long _startedAt;
    private readonly double _processAgeMs;
    private long _lastAt;
    private TimeSpan _lastCpu;
    private bool _written;

    /// <summary>Starts the timeline: the first phase is measured from now.</summary>
    public InitTimeline()
    {
        using (var process = Process.GetCurrentProcess())
        {
            _processAgeMs = Math.Max(0, (DateTime.Now - process.StartTime).TotalMilliseconds);
        }

        _startedAt = _lastAt = Stopwatch.GetTimestamp();
        _lastCpu = CpuTime();

        // Before the builder: the runtime's own start and the program's code before CreateBuilder.
        _phases.Add(new Phase("startup", _processAgeMs, _lastCpu.TotalMilliseconds, _processAgeMs));
    }

    /// <summary>The phases marked so far, in order.</summary>
    public IReadOnlyList<Phase> Phases => _phases;

    /// <summary>Ends the phase called <paramref name="name"/> now; the next phase starts here.</summary>
    /// <param name="name">The phase.</param>
    /// <param name="part">A part of the phase (an adapter's or a middleware's name), or <see langword="null"/>.</param>
    public void Mark(string name, string? part = null)
    {
        var now = Stopwatch.GetTimestamp();
        var cpu = CpuTime();
        _phases.Add(new Phase(
            part is null ? name : name + ":" + part,
            Stopwatch.GetElapsedTime(_lastAt, now).TotalMilliseconds,
            Math.Max(0, (cpu - _lastCpu).TotalMilliseconds),
            _processAgeMs + Stopwatch.GetElapsedTime(_startedAt, now).TotalMilliseconds));
        _lastAt = now;
        _lastCpu = cpu;
    }

    /// <summary>
    /// Writes the timeline once (later calls do nothing) as one line to <paramref name="output"/>: a JSON object when
    /// <paramref name="format"/> is <see cref="LambdaLogFormat.Json"/>, else a text line.
    /// </summary>
    /// <param name="format">The log format.</param>
    /// <param name="output">Where the logs go.</param>
    public void Write(LambdaLogFormat format, Stream output)
    {
        if (_written)
        {
            return;
        }

        _written = true;
        var line = format == LambdaLogFormat.Json ? Json() : Encoding.UTF8.GetBytes(Text());
        output.Write(line);
        output.Flush();
    }

    /// <summary>The text line: <c>lambda-toolkit.init-timeline total wall=… cpu=… | phase wall=…ms cpu=…ms at=…ms | …</c>.</summary>
    internal string Text()
    {
        var text = new StringBuilder(64 + (_phases.Count * 64));
        text.Append(CultureInfo.InvariantCulture, $"{Marker} total wall={TotalWallMs:0.000}ms cpu={TotalCpuMs:0.000}ms");
        foreach (var phase in _phases)
        {
            text.Append(CultureInfo.InvariantCulture, $" | {phase.Name} wall={phase.WallMs:0.000}ms cpu={phase.CpuMs:0.000}ms at={phase.SinceProcessStartMs:0.000}ms");
        }

        return text.Append('\n').ToString();
    }

    private double TotalWallMs => _phases.Sum(static p => p.WallMs);

    private double TotalCpuMs => _phases.Sum(static p => p.CpuMs);

    private byte[] Json()
    {
        var buffer = new ArrayBufferWriter<byte>(256 + (_phases.Count * 96));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            json.WriteString("level", "INFO");
            json.WriteString("type", Marker);
            json.WriteString("message", "Init timeline");
            json.WriteNumber("totalWallMs", Math.Round(TotalWallMs, 3));
            json.WriteNumber("totalCpuMs", Math.Round(TotalCpuMs, 3));
            json.WriteStartArray("phases");
            foreach (var phase in _phases)
            {
                json.WriteStartObject();
                json.WriteString("name", phase.Name);
                json.WriteNumber("wallMs", Math.Round(phase.WallMs, 3));
                json.WriteNumber("cpuMs", Math.Round(phase.CpuMs, 3));
                json.WriteNumber("sinceProcessStartMs", Math.Round(phase.SinceProcessStartMs, 3));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The CPU time the whole process has used so far, user + system.</summary>
    private static TimeSpan CpuTime()
    {
#if NET9_0_OR_GREATER
        return Environment.CpuUsage.TotalTime;
#else
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
#endif
    }

    /// <summary>One phase of init.</summary>
    /// <param name="Name">The phase, with the part after a colon (<c>pipeline:Http</c>).</param>
    /// <param name="WallMs">The wall time the phase took, in milliseconds.</param>
    /// <param name="CpuMs">The process CPU time (user + system) the phase used, in milliseconds.</param>
    /// <param name="SinceProcessStartMs">The wall time from the process's start to the end of the phase, in milliseconds.</param>
    internal readonly record struct Phase(string Name, double WallMs, double CpuMs, double SinceProcessStartMs);
}
