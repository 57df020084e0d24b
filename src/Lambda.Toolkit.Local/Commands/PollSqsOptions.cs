using Lambda.Toolkit.Emulator;
using Lambda.Toolkit.Local.Simulation;

namespace Lambda.Toolkit.Local.Commands;

/// <summary>
/// The parsed arguments of <c>poll sqs</c>: the function, the queue, and the settings of the event source mapping
/// it plays (batch size, batch window, <c>ReportBatchItemFailures</c>), with Lambda's limits for each.
/// </summary>
internal sealed class PollSqsOptions : FunctionCommandOptions
{
    /// <summary>SQS's longest long poll, in seconds, which Lambda's pollers use.</summary>
    public const int MaxWaitTimeSeconds = 20;

    private PollSqsOptions()
        : base("poll sqs")
    {
    }

    /// <summary>The queue (<c>--queue-url</c>); required.</summary>
    public string QueueUrl { get; private set; } = string.Empty;

    /// <summary><c>--endpoint-url</c>: an SQS-compatible server instead of AWS's endpoint.</summary>
    public string? EndpointUrl { get; private set; }

    /// <summary><c>--region</c>; otherwise the usual AWS environment (AWS_REGION, the profile) or the queue URL's host.</summary>
    public string? Region { get; private set; }

    /// <summary>The event source mapping's <c>BatchSize</c>: 10 by default, as Lambda's.</summary>
    public int BatchSize { get; private set; } = SqsRules.DefaultBatchSize;

    /// <summary>The event source mapping's <c>MaximumBatchingWindowInSeconds</c>: 0 by default, as Lambda's.</summary>
    public TimeSpan BatchWindow { get; private set; }

    /// <summary>
    /// The event source mapping's <c>FunctionResponseTypes: [ReportBatchItemFailures]</c>
    /// (<c>--report-batch-item-failures on|off</c>); default <see cref="BatchSourceOptions.DefaultReportBatchItemFailures"/>
    /// (on), as <c>simulate sqs</c>.
    /// </summary>
    public bool ReportBatchItemFailures { get; private set; } = BatchSourceOptions.DefaultReportBatchItemFailures;

    /// <summary>
    /// <c>--failed-visibility</c>: the visibility timeout given to messages left for redelivery, so they come back
    /// sooner (0: at once) than the queue's own timeout. <see langword="null"/> (the default) leaves them alone, as Lambda does.
    /// </summary>
    public TimeSpan? FailedVisibility { get; private set; }

    /// <summary>
    /// <c>--wait-time</c>: the long poll of each receive, 20 seconds by default as Lambda's pollers. A local server that
    /// holds a receive until it has the full batch (local-aws-sqs does) answers sooner with a shorter one.
    /// </summary>
    public int WaitTimeSeconds { get; private set; } = MaxWaitTimeSeconds;

    /// <summary>Whether the queue URL names a FIFO queue (its name ends in <c>.fifo</c>).</summary>
    public bool IsFifoUrl => QueueUrl.EndsWith(".fifo", StringComparison.Ordinal);

    /// <summary>Parses the arguments after <c>poll sqs</c>; returns the options or a message saying every problem.</summary>
    public static (PollSqsOptions? Options, string? Error) Parse(string[] args)
    {
        var options = new PollSqsOptions();
        var problems = options.Read(args);
        return problems.Count == 0 ? (options, null) : (null, string.Join(" ", problems));
    }

    /// <inheritdoc />
    protected override bool TryParseOption(string option, Func<string> value)
    {
        switch (option)
        {
            case "--queue-url":
                QueueUrl = value();
                return true;
            case "--endpoint-url":
                EndpointUrl = value();
                return true;
            case "--region":
                Region = value();
                return true;
            case "--batch-size":
                BatchSize = OptionValues.WholeNumber(option, value());
                return true;
            case "--batch-window":
                BatchWindow = TimeSpan.FromSeconds(OptionValues.WholeNumber(option, value()));
                return true;
            case "--report-batch-item-failures":
                ReportBatchItemFailures = OptionValues.Switch(option, value());
                return true;
            case "--failed-visibility":
                FailedVisibility = TimeSpan.FromSeconds(OptionValues.WholeNumber(option, value(), 0, (int)SqsRules.MaxVisibilityTimeout.TotalSeconds, "seconds (SQS's range)"));
                return true;
            case "--wait-time":
                WaitTimeSeconds = OptionValues.WholeNumber(option, value(), 0, MaxWaitTimeSeconds, "seconds (SQS's longest long poll)");
                return true;
            default:
                return false;
        }
    }

    /// <inheritdoc />
    /// <remarks>The limits are the event source mapping's.</remarks>
    public override IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Function.Length == 0)
        {
            problems.Add("Name the function to poll for: a project directory, .csproj, .dll or executable.");
        }

        if (QueueUrl.Length == 0)
        {
            problems.Add("Name the queue with --queue-url <url>.");
        }
        else if (!Uri.TryCreate(QueueUrl, UriKind.Absolute, out var queue) || queue.Scheme is not ("http" or "https"))
        {
            problems.Add($"--queue-url must be an http(s) queue URL such as https://sqs.us-east-1.amazonaws.com/123456789012/orders, got '{QueueUrl}'.");
        }

        if (EndpointUrl is not null && (!Uri.TryCreate(EndpointUrl, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https")))
        {
            problems.Add($"--endpoint-url must be an http(s) URL such as http://127.0.0.1:9324, got '{EndpointUrl}'.");
        }

        problems.AddRange(SqsRules.MappingProblems(IsFifoUrl, BatchSize, BatchWindow));
        return problems;
    }

    /// <summary>The largest event Lambda sends to a function: the synchronous payload limit.</summary>
    public static int MaxEventBytes => LambdaLimits.SyncPayloadBytes;
}
