namespace Lambda.Toolkit.Logging;

/// <summary>Options of the Lambda console logger.</summary>
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
}
