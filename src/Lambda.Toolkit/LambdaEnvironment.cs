using System.Globalization;
using Lambda.Toolkit.Logging;
using Microsoft.Extensions.Logging;

namespace Lambda.Toolkit;

/// <summary>
/// A snapshot of what Lambda tells a function through its environment variables: who the function is,
/// how to log, where the Runtime API is, how the environment was initialised. <see cref="LambdaApplication.CreateBuilder(string[])"/>
/// reads it once, with <see cref="FromEnvironmentVariables"/>; the builder registers it as a singleton and
/// every part of the toolkit reads these settings from it, never from the process environment. Tests pass
/// their own snapshot through <see cref="LambdaApplicationOptions.Environment"/>, built with
/// <see cref="FromVariables"/> (the variables as Lambda would set them) or with object-initializer values.
/// </summary>
/// <remarks>
/// Configuration (<see cref="LambdaApplicationBuilder.Configuration"/>) still reads every environment
/// variable through Microsoft.Extensions.Configuration; this type covers only the variables the toolkit
/// itself interprets.
/// </remarks>
public sealed class LambdaEnvironment
{
    private const string FunctionNameVariable = "AWS_LAMBDA_FUNCTION_NAME";
    private const string FunctionVersionVariable = "AWS_LAMBDA_FUNCTION_VERSION";
    private const string MemorySizeVariable = "AWS_LAMBDA_FUNCTION_MEMORY_SIZE";
    private const string LogGroupVariable = "AWS_LAMBDA_LOG_GROUP_NAME";
    private const string LogStreamVariable = "AWS_LAMBDA_LOG_STREAM_NAME";
    private const string LogFormatVariable = "AWS_LAMBDA_LOG_FORMAT";
    private const string LogLevelVariable = "AWS_LAMBDA_LOG_LEVEL";
    private const string RuntimeApiVariable = "AWS_LAMBDA_RUNTIME_API";
    private const string InitializationTypeVariable = "AWS_LAMBDA_INITIALIZATION_TYPE";
    private const string MaxConcurrencyVariable = "AWS_LAMBDA_MAX_CONCURRENCY";
    private const string InitTimelineVariable = "LAMBDA_TOOLKIT_INIT_TIMELINE";

    /// <summary>The value of <see cref="InitializationType"/> for a SnapStart environment.</summary>
    public const string SnapStartInitializationType = "snap-start";

    private readonly int _memorySizeMb;
    private readonly int? _maxConcurrency;
    private LambdaFunctionInfo? _function;

    /// <summary>The function name (<c>AWS_LAMBDA_FUNCTION_NAME</c>). Default: empty.</summary>
    public string FunctionName { get; init; } = string.Empty;

    /// <summary>The function version (<c>AWS_LAMBDA_FUNCTION_VERSION</c>), <c>$LATEST</c> unless published. Default: empty.</summary>
    public string FunctionVersion { get; init; } = string.Empty;

    /// <summary>The memory configured for the function, in MB (<c>AWS_LAMBDA_FUNCTION_MEMORY_SIZE</c>). Default: 0, unknown.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int MemorySizeMb
    {
        get => _memorySizeMb;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _memorySizeMb = value;
        }
    }

    /// <summary>The CloudWatch log group (<c>AWS_LAMBDA_LOG_GROUP_NAME</c>). Default: empty.</summary>
    public string LogGroupName { get; init; } = string.Empty;

    /// <summary>The CloudWatch log stream (<c>AWS_LAMBDA_LOG_STREAM_NAME</c>). Default: empty.</summary>
    public string LogStreamName { get; init; } = string.Empty;

    /// <summary>
    /// The log format (<c>AWS_LAMBDA_LOG_FORMAT</c>, set by Lambda's advanced logging controls to <c>JSON</c> or
    /// <c>Text</c>; any case): <see cref="LambdaLogFormat.Json"/> or <see cref="LambdaLogFormat.Text"/>. Unset or empty is
    /// <see cref="LambdaLogFormat.Text"/>; any other value is listed in <see cref="Problems"/> (an init failure).
    /// Default: <see cref="LambdaLogFormat.Text"/>.
    /// </summary>
    public LambdaLogFormat LogFormat { get; init; }

    /// <summary>
    /// The minimum log level (<c>AWS_LAMBDA_LOG_LEVEL</c>, Lambda's application log level: <c>TRACE</c>, <c>DEBUG</c>,
    /// <c>INFO</c>, <c>WARN</c>, <c>ERROR</c> or <c>FATAL</c>, any case). Unset or empty is <see langword="null"/>; any other
    /// value is listed in <see cref="Problems"/> (an init failure). Default: <see langword="null"/>, not set.
    /// </summary>
    public LogLevel? LogLevel { get; init; }

    /// <summary>
    /// The host and port of the Runtime API (<c>AWS_LAMBDA_RUNTIME_API</c>). Default: <see langword="null"/>,
    /// which means the process is not running under Lambda or an emulator.
    /// </summary>
    public string? RuntimeApi { get; init; }

    /// <summary>
    /// How the execution environment was initialised (<c>AWS_LAMBDA_INITIALIZATION_TYPE</c>), for example
    /// <c>on-demand</c>, <c>provisioned-concurrency</c> or <see cref="SnapStartInitializationType"/>. Default: <see langword="null"/>.
    /// </summary>
    public string? InitializationType { get; init; }

    /// <summary>Whether <see cref="InitializationType"/> is <see cref="SnapStartInitializationType"/>: init runs the snapshot and restore hooks.</summary>
    public bool IsSnapStart => string.Equals(InitializationType, SnapStartInitializationType, StringComparison.Ordinal);

    /// <summary>
    /// How many invocations one process serves at once (<c>AWS_LAMBDA_MAX_CONCURRENCY</c>, set on Lambda
    /// Managed Instances); it sets <see cref="LambdaRuntimeOptions.MaxConcurrency"/>. Default: <see langword="null"/>, not set.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int? MaxConcurrency
    {
        get => _maxConcurrency;
        init
        {
            if (value is { } concurrency)
            {
                ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
            }

            _maxConcurrency = value;
        }
    }

    /// <summary>
    /// Whether init writes its timeline (<c>LAMBDA_TOOLKIT_INIT_TIMELINE</c>: <c>1</c> or <c>true</c> switches it on;
    /// unset, empty, <c>0</c> or <c>false</c> leave it off; any other value is listed in <see cref="Problems"/>): when init
    /// ends, one log line with each phase (configuration, container, logging, options, pipeline parts, init hooks,
    /// priming, first <c>next</c>), the wall and CPU time it took and the time since the process started.
    /// Default: <see langword="false"/>.
    /// </summary>
    public bool InitTimeline { get; init; }

    /// <summary>
    /// The variables that could not be read, one message each (for example a non-numeric
    /// <c>AWS_LAMBDA_MAX_CONCURRENCY</c>). The application reports them as an init failure. Default: empty.
    /// </summary>
    public IReadOnlyList<string> Problems { get; private init; } = [];

    /// <summary>The function information handed to every invocation, made from this snapshot.</summary>
    public LambdaFunctionInfo Function =>
        _function ??= new LambdaFunctionInfo(FunctionName, FunctionVersion, MemorySizeMb, LogGroupName, LogStreamName);

    /// <summary>Reads the snapshot from this process's environment variables. Absent variables keep the defaults; unreadable ones are listed in <see cref="Problems"/>.</summary>
    /// <returns>The snapshot.</returns>
    public static LambdaEnvironment FromEnvironmentVariables() => Read(Environment.GetEnvironmentVariable);

    /// <summary>
    /// Reads the snapshot from <paramref name="variables"/>, named and spelled as Lambda sets them
    /// (<c>AWS_LAMBDA_FUNCTION_NAME</c>, ...), exactly as <see cref="FromEnvironmentVariables"/> reads the
    /// process environment: for tests and hosts that run a function with an environment of their own.
    /// </summary>
    /// <param name="variables">The environment variables; an absent name is an unset variable.</param>
    /// <returns>The snapshot.</returns>
    public static LambdaEnvironment FromVariables(IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return Read(name => variables.TryGetValue(name, out var value) ? value : null);
    }

    private static LambdaEnvironment Read(Func<string, string?> variable)
    {
        List<string>? problems = null;
        return new LambdaEnvironment
        {
            FunctionName = variable(FunctionNameVariable) ?? string.Empty,
            FunctionVersion = variable(FunctionVersionVariable) ?? string.Empty,
            MemorySizeMb = PositiveInteger(MemorySizeVariable, variable(MemorySizeVariable), ref problems) ?? 0,
            LogGroupName = variable(LogGroupVariable) ?? string.Empty,
            LogStreamName = variable(LogStreamVariable) ?? string.Empty,
            LogFormat = LambdaLogLevel.ParseFormat(LogFormatVariable, variable(LogFormatVariable), ref problems),
            LogLevel = LambdaLogLevel.Parse(LogLevelVariable, variable(LogLevelVariable), ref problems),
            RuntimeApi = variable(RuntimeApiVariable),
            InitializationType = variable(InitializationTypeVariable),
            MaxConcurrency = PositiveInteger(MaxConcurrencyVariable, variable(MaxConcurrencyVariable), ref problems),
            InitTimeline = Switch(InitTimelineVariable, variable(InitTimelineVariable), ref problems),
            Problems = problems ?? [],
        };
    }

    /// <summary>An unset or empty variable, <c>0</c> or <c>false</c> is off; <c>1</c> or <c>true</c> (any case) is on; anything else is a problem.</summary>
    private static bool Switch(string name, string? value, ref List<string>? problems)
    {
        if (string.IsNullOrEmpty(value) || value == "0" || string.Equals(value, "false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (value == "1" || string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        (problems ??= []).Add($"{name} must be 1, true, 0 or false (was '{value}').");
        return false;
    }

    /// <summary>An unset or empty variable is <see langword="null"/>; anything but a positive integer is a problem.</summary>
    private static int? PositiveInteger(string name, string? value, ref List<string>? problems)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
        {
            return number;
        }

        (problems ??= []).Add($"{name} must be a positive integer (was '{value}').");
        return null;
    }
}
