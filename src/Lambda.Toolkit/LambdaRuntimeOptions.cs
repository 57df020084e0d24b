namespace Lambda.Toolkit;

/// <summary>
/// How the toolkit runs invocations. Configure with
/// <c>builder.Services.Configure&lt;LambdaRuntimeOptions&gt;(o =&gt; ...)</c>; the options are validated
/// once, at init, and an invalid value fails init with every problem listed.
/// </summary>
public sealed class LambdaRuntimeOptions
{
    /// <summary>
    /// How long before the deadline the invocation's <see cref="InvocationContext.CancellationToken"/> fires,
    /// so handlers can stop and report. Default: <see cref="LambdaRuntimeDefaults.CancellationMargin"/> (500 ms).
    /// </summary>
    public TimeSpan CancellationMargin { get; set; } = LambdaRuntimeDefaults.CancellationMargin;

    /// <summary>
    /// How long before the deadline a handler that ignores its token is abandoned and the invocation is
    /// reported as <see cref="LambdaErrorTypes.Timeout"/>, before Lambda would kill the process. Must be
    /// smaller than <see cref="CancellationMargin"/>. Default: <see cref="LambdaRuntimeDefaults.TimeoutReportMargin"/> (100 ms).
    /// </summary>
    public TimeSpan TimeoutReportMargin { get; set; } = LambdaRuntimeDefaults.TimeoutReportMargin;

    /// <summary>
    /// The largest response the function sends; a larger one is reported as
    /// <see cref="LambdaErrorTypes.ResponseTooLarge"/>. Default: <see cref="LambdaRuntimeDefaults.MaxResponseSize"/> (6 MB).
    /// </summary>
    public int MaxResponseSize { get; set; } = LambdaRuntimeDefaults.MaxResponseSize;

    /// <summary>
    /// Attempts for a Runtime API call whose connection fails before the process ends with a fatal error.
    /// Default: <see cref="LambdaRuntimeDefaults.RuntimeApiMaxAttempts"/> (6).
    /// </summary>
    public int RuntimeApiMaxAttempts { get; set; } = LambdaRuntimeDefaults.RuntimeApiMaxAttempts;

    /// <summary>The first delay between Runtime API attempts, doubled each time. Default: 50 ms.</summary>
    public TimeSpan RuntimeApiRetryDelay { get; set; } = LambdaRuntimeDefaults.RuntimeApiRetryDelay;

    /// <summary>
    /// How many invocations the process handles at once (Lambda Managed Instances). Default: the value of
    /// <c>AWS_LAMBDA_MAX_CONCURRENCY</c> when Lambda sets it, else 1. Singletons must be thread-safe when above 1.
    /// </summary>
    public int MaxConcurrency { get; set; } = LambdaRuntimeDefaults.MaxConcurrency;

    /// <summary>
    /// Turns a handler's exception into the error Lambda receives. Default: <see cref="FunctionError.FromException"/>.
    /// </summary>
    public Func<Exception, FunctionError> ErrorMapper { get; set; } = FunctionError.FromException;

    /// <summary>
    /// Recognises keep-warm pings, which are answered with <see cref="WarmupPing.Response"/> before any
    /// middleware or handler runs. Set to <see langword="null"/> to pass every event to the pipeline.
    /// Default: <see cref="WarmupPing.IsDefaultPing"/>.
    /// </summary>
    public WarmupPredicate? IsWarmupPing { get; set; } = WarmupPing.IsDefaultPing;

    /// <summary>Checks every option and returns all problems, or an empty list.</summary>
    /// <returns>One message per invalid option.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (CancellationMargin < TimeSpan.Zero)
        {
            problems.Add($"{nameof(CancellationMargin)} must not be negative (was {CancellationMargin}).");
        }

        if (TimeoutReportMargin < TimeSpan.Zero)
        {
            problems.Add($"{nameof(TimeoutReportMargin)} must not be negative (was {TimeoutReportMargin}).");
        }

        if (TimeoutReportMargin >= CancellationMargin && CancellationMargin > TimeSpan.Zero)
        {
            problems.Add($"{nameof(TimeoutReportMargin)} ({TimeoutReportMargin}) must be smaller than {nameof(CancellationMargin)} ({CancellationMargin}), so a handler gets its token before it is abandoned.");
        }

        if (MaxResponseSize <= 0)
        {
            problems.Add($"{nameof(MaxResponseSize)} must be positive (was {MaxResponseSize}).");
        }

        if (RuntimeApiMaxAttempts < 1)
        {
            problems.Add($"{nameof(RuntimeApiMaxAttempts)} must be at least 1 (was {RuntimeApiMaxAttempts}).");
        }

        if (RuntimeApiRetryDelay < TimeSpan.Zero)
        {
            problems.Add($"{nameof(RuntimeApiRetryDelay)} must not be negative (was {RuntimeApiRetryDelay}).");
        }

        if (MaxConcurrency < 1)
        {
            problems.Add($"{nameof(MaxConcurrency)} must be a positive integer (was {MaxConcurrency}).");
        }

        if (ErrorMapper is null)
        {
            problems.Add($"{nameof(ErrorMapper)} must not be null.");
        }

        return problems;
    }
}
