using Microsoft.Extensions.Options;

namespace Lambda.Toolkit.Logging;

/// <summary>
/// The per-invocation side of debug sampling and buffering. The invocation runner calls <see cref="Begin"/> when an
/// invocation starts and <see cref="End"/> when it ends; the logger reads <see cref="Current"/>. It flows with the
/// invocation's asynchronous control flow, so concurrent invocations keep their own. When neither feature is on
/// (<see cref="Enabled"/> is false) the runner is not given this object and nothing runs per invocation.
/// </summary>
internal sealed class InvocationLogs
{
    private readonly AsyncLocal<InvocationLog?> _current = new();
    private readonly double _sampleRate;
    private readonly Func<double> _random;

    public InvocationLogs(IOptions<LambdaLoggerOptions> options)
    {
        var value = options.Value;
        Enabled = value.CapturesSuppressedLines;
        _sampleRate = value.DebugSampleRate;
        _random = value.Random ?? System.Random.Shared.NextDouble;
        Buffers = value.BufferDebugLogs;
        MaxLines = value.DebugBufferMaxLines;
        MaxBytes = value.DebugBufferMaxBytes;
    }

    /// <summary>Whether sampling or buffering is on.</summary>
    public bool Enabled { get; }

    public bool Buffers { get; }

    public int MaxLines { get; }

    public int MaxBytes { get; }

    /// <summary>The levels the user configured, before the logger was opened to every level; set when the filter options are built.</summary>
    public LambdaLevelRules? Rules { get; set; }

    public InvocationLog? Current => _current.Value;

    /// <summary>Starts an invocation: decides, once, whether it is sampled.</summary>
    public void Begin() => _current.Value = new InvocationLog(_sampleRate > 0 && _random() < _sampleRate);

    /// <summary>Ends the invocation: what was kept and not written is discarded.</summary>
    public void End()
    {
        if (_current.Value is { } log)
        {
            log.Discard();

            _current.Value = null;
        }
    }
}
