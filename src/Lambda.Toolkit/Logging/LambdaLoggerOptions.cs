namespace Lambda.Toolkit.Logging;

/// <summary>
/// Options of the Lambda console logger. Checked at init (<see cref="Validate"/>): an invalid value fails init,
/// with every problem listed.
/// </summary>
public sealed class LambdaLoggerOptions
{
    /// <summary>
    /// The line format. Default: <see cref="LambdaEnvironment.LogFormat"/> when the logger is added with
    /// <see cref="LambdaLoggingBuilderExtensions.AddLambdaLogger"/> (<see cref="LambdaLogFormat.Json"/> when
    /// <c>AWS_LAMBDA_LOG_FORMAT</c> is <c>JSON</c>), else <see cref="LambdaLogFormat.Text"/>.
    /// </summary>
    public LambdaLogFormat Format { get; set; }

    /// <summary>Where lines go. Default: <see langword="null"/>, standard output (where Lambda collects logs); tests set a stream to capture them.</summary>
    public Stream? Output { get; set; }

    /// <summary>
    /// The fraction of invocations, from 0 to 1, that log at every level: for a sampled invocation the logger writes
    /// the Debug and Trace lines the level filter would suppress. Decided once per invocation, when it starts, with
    /// <see cref="Random"/>. Default: <see cref="LambdaLoggerDefaults.DebugSampleRate"/> (0, off).
    /// </summary>
    public double DebugSampleRate { get; set; } = LambdaLoggerDefaults.DebugSampleRate;

    /// <summary>
    /// Whether an invocation's lines that the level filter suppresses are kept (up to <see cref="DebugBufferMaxLines"/>
    /// and <see cref="DebugBufferMaxBytes"/>, the oldest dropped first) and written only if the invocation fails: when
    /// a line at <c>Error</c> or above is logged during it (the runtime logs one for a handler exception, an error
    /// response and a timeout; the HTTP adapter for an unhandled exception), the kept lines are written before that
    /// line, with their own timestamps. When the invocation ends without failing they are discarded.
    /// Default: <see cref="LambdaLoggerDefaults.BufferDebugLogs"/> (off).
    /// </summary>
    public bool BufferDebugLogs { get; set; } = LambdaLoggerDefaults.BufferDebugLogs;

    /// <summary>At most this many lines are kept per invocation by <see cref="BufferDebugLogs"/>. Default: <see cref="LambdaLoggerDefaults.DebugBufferMaxLines"/> (200).</summary>
    public int DebugBufferMaxLines { get; set; } = LambdaLoggerDefaults.DebugBufferMaxLines;

    /// <summary>At most this many bytes of lines are kept per invocation by <see cref="BufferDebugLogs"/>. Default: <see cref="LambdaLoggerDefaults.DebugBufferMaxBytes"/> (64 KiB).</summary>
    public int DebugBufferMaxBytes { get; set; } = LambdaLoggerDefaults.DebugBufferMaxBytes;

    /// <summary>
    /// The random source for <see cref="DebugSampleRate"/>: returns a number in [0, 1); an invocation is sampled when
    /// it is below the rate. Tests set a fixed sequence. Default: <see cref="System.Random.Shared"/>'s <c>NextDouble</c>.
    /// </summary>
    public Func<double> Random { get; set; } = System.Random.Shared.NextDouble;

    /// <summary>Whether sampling or buffering is on with valid options: then the logger sees lines below the level filter.</summary>
    internal bool CapturesSuppressedLines => (BufferDebugLogs || DebugSampleRate > 0) && Validate().Count == 0;

    /// <summary>Checks every option and returns all problems, or an empty list.</summary>
    /// <returns>One message per invalid option.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!(DebugSampleRate >= 0 && DebugSampleRate <= 1))
        {
            problems.Add($"{nameof(DebugSampleRate)} must be between 0 and 1 (was {DebugSampleRate.ToString(System.Globalization.CultureInfo.InvariantCulture)}).");
        }

        if (DebugBufferMaxLines < 1)
        {
            problems.Add($"{nameof(DebugBufferMaxLines)} must be at least 1 (was {DebugBufferMaxLines}).");
        }

        if (DebugBufferMaxBytes < 1)
        {
            problems.Add($"{nameof(DebugBufferMaxBytes)} must be at least 1 (was {DebugBufferMaxBytes}).");
        }

        if (Random is null)
        {
            problems.Add($"{nameof(Random)} must not be null.");
        }

        if (!Enum.IsDefined(Format))
        {
            problems.Add($"{nameof(Format)} must be Text or Json (was {(int)Format}).");
        }

        return problems;
    }
}
