using System.Globalization;
using Lambda.Toolkit.Emulator;

namespace Lambda.Toolkit.Local.Commands;

/// <summary>
/// The parsed arguments of <c>poll sqs</c>: the function, the queue, and the settings of the event source mapping
/// it plays (batch size, batch window, <c>ReportBatchItemFailures</c>), with Lambda's limits for each.
/// </summary>
internal sealed class PollSqsOptions
{
    /// <summary>Lambda's default and, without a batch window, largest batch size; also SQS's most per receive.</summary>
    public const int MaxBatchSizeWithoutWindow = 10;

    /// <summary>The largest batch size Lambda accepts for a standard queue (with a batch window of at least 1 second).</summary>
    public const int MaxStandardBatchSize = 10_000;

    /// <summary>The longest batch window Lambda accepts, in seconds.</summary>
    public const int MaxBatchWindowSeconds = 300;

    /// <summary>SQS's longest long poll, in seconds, which Lambda's pollers use.</summary>
    public const int MaxWaitTimeSeconds = 20;

    /// <summary>SQS's longest visibility timeout, in seconds (12 hours).</summary>
    public const int MaxVisibilityTimeoutSeconds = 43_200;

    public string Function { get; private set; } = string.Empty;

    public string QueueUrl { get; private set; } = string.Empty;

    /// <summary><c>--endpoint-url</c>: an SQS-compatible server instead of AWS's endpoint.</summary>
    public string? EndpointUrl { get; private set; }

    /// <summary><c>--region</c>; otherwise the usual AWS environment (AWS_REGION, the profile) or the queue URL's host.</summary>
    public string? Region { get; private set; }

    /// <summary>The event source mapping's <c>BatchSize</c>: 10 by default, as Lambda's.</summary>
    public int BatchSize { get; private set; } = MaxBatchSizeWithoutWindow;

    /// <summary>The event source mapping's <c>MaximumBatchingWindowInSeconds</c>: 0 by default, as Lambda's.</summary>
    public TimeSpan BatchWindow { get; private set; }

    /// <summary>The event source mapping's <c>FunctionResponseTypes: [ReportBatchItemFailures]</c>: off by default, as Lambda's.</summary>
    public bool ReportBatchItemFailures { get; private set; }

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

    public TimeSpan Timeout { get; private set; } = TimeSpan.FromSeconds(30);

    public int MemorySizeMb { get; private set; } = InvokeOptions.DefaultMemoryMb;

    public string? Name { get; private set; }

    public Dictionary<string, string?> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary><c>--help</c> was given: print the usage and do nothing else.</summary>
    public bool ShowHelp { get; private set; }

    /// <summary>Whether the queue URL names a FIFO queue (its name ends in <c>.fifo</c>).</summary>
    public bool IsFifoUrl => QueueUrl.EndsWith(".fifo", StringComparison.Ordinal);

    /// <summary>Parses the arguments after <c>poll sqs</c>; returns the options or a message saying every problem.</summary>
    public static (PollSqsOptions? Options, string? Error) Parse(string[] args)
    {
        var options = new PollSqsOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{arg} needs a value.");
            try
            {
                switch (arg)
                {
                    case "--help" or "-h":
                        options.ShowHelp = true;
                        return (options, null);
                    case "--queue-url":
                        options.QueueUrl = Value();
                        break;
                    case "--endpoint-url":
                        options.EndpointUrl = Value();
                        break;
                    case "--region":
                        options.Region = Value();
                        break;
                    case "--batch-size":
                        options.BatchSize = InvokeOptions.Integer(arg, Value());
                        break;
                    case "--batch-window":
                        var window = InvokeOptions.Integer(arg, Value());
                        options.BatchWindow = window <= MaxBatchWindowSeconds
                            ? TimeSpan.FromSeconds(window)
                            : throw new FormatException($"--batch-window must be between 0 and {MaxBatchWindowSeconds} seconds (Lambda's MaximumBatchingWindowInSeconds), got {window}.");
                        break;
                    case "--report-batch-item-failures":
                        options.ReportBatchItemFailures = true;
                        break;
                    case "--failed-visibility":
                        var visibility = InvokeOptions.Integer(arg, Value());
                        options.FailedVisibility = visibility <= MaxVisibilityTimeoutSeconds
                            ? TimeSpan.FromSeconds(visibility)
                            : throw new FormatException($"--failed-visibility must be between 0 and {MaxVisibilityTimeoutSeconds} seconds (SQS's range), got {visibility}.");
                        break;
                    case "--wait-time":
                        var wait = InvokeOptions.Integer(arg, Value());
                        options.WaitTimeSeconds = wait <= MaxWaitTimeSeconds
                            ? wait
                            : throw new FormatException($"--wait-time must be between 0 and {MaxWaitTimeSeconds} seconds (SQS's longest long poll), got {wait}.");
                        break;
                    case "--timeout":
                        options.Timeout = InvokeOptions.ParseTimeout(Value());
                        break;
                    case "--memory":
                        options.MemorySizeMb = InvokeOptions.ParseMemory(Value());
                        break;
                    case "--name":
                        options.Name = Value();
                        break;
                    case "--env":
                        var (key, value) = InvokeOptions.ParseEnvironment(Value());
                        options.Environment[key] = value;
                        break;
                    default:
                        if (arg.StartsWith('-'))
                        {
                            throw new FormatException($"Unknown option '{arg}' for poll sqs.");
                        }

                        if (options.Function.Length > 0)
                        {
                            throw new FormatException($"poll sqs runs one function; '{arg}' is extra.");
                        }

                        options.Function = arg;
                        break;
                }
            }
            catch (FormatException ex)
            {
                return (null, ex.Message);
            }
        }

        var problems = options.Validate();
        return problems.Count == 0 ? (options, null) : (null, string.Join(" ", problems));
    }

    /// <summary>Every problem with the combination, in one list; the limits are the event source mapping's.</summary>
    private List<string> Validate()
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

        var maxBatchSize = IsFifoUrl ? MaxBatchSizeWithoutWindow : MaxStandardBatchSize;
        if (BatchSize < 1 || BatchSize > maxBatchSize)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--batch-size must be between 1 and {maxBatchSize} for {(IsFifoUrl ? "a FIFO" : "a standard")} queue, got {BatchSize}."));
        }
        else if (BatchSize > MaxBatchSizeWithoutWindow && BatchWindow < TimeSpan.FromSeconds(1))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--batch-size {BatchSize} needs --batch-window of at least 1 second: Lambda requires a batching window for a batch size over {MaxBatchSizeWithoutWindow}."));
        }

        if (IsFifoUrl && BatchWindow > TimeSpan.Zero)
        {
            problems.Add("--batch-window is not supported for a FIFO queue (Lambda's MaximumBatchingWindowInSeconds is not either).");
        }

        return problems;
    }

    /// <summary>The function's name for the emulator: <c>--name</c>, or the project or file name.</summary>
    public string FunctionName => Name ?? InvokeCommand.FunctionName(Function);

    /// <summary>The largest event Lambda sends to a function: the synchronous payload limit.</summary>
    public static int MaxEventBytes => LambdaLimits.SyncPayloadBytes;
}
