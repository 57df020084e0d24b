namespace Lambda.Toolkit.Logging;

/// <summary>Options of the Lambda console logger.</summary>
public sealed class LambdaLoggerOptions
{
    /// <summary>
    /// The line format. Default: <see cref="LambdaLogFormat.Json"/> when <c>AWS_LAMBDA_LOG_FORMAT</c> is
    /// <c>JSON</c>, else <see cref="LambdaLogFormat.Text"/>.
    /// </summary>
    public LambdaLogFormat Format { get; set; } = FormatFromEnvironment();

    /// <summary>Where lines go. Default: <see langword="null"/>, standard output (where Lambda collects logs); tests set a stream to capture them.</summary>
    public Stream? Output { get; set; }

    internal static LambdaLogFormat FormatFromEnvironment() =>
        string.Equals(Environment.GetEnvironmentVariable("AWS_LAMBDA_LOG_FORMAT"), "JSON", StringComparison.OrdinalIgnoreCase)
            ? LambdaLogFormat.Json
            : LambdaLogFormat.Text;
}
