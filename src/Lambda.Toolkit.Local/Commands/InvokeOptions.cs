using Lambda.Toolkit.Emulator;

namespace Lambda.Toolkit.Local.Commands;

/// <summary>The parsed arguments of <c>invoke</c>: the shared ones (<see cref="FunctionCommandOptions"/>) and its own.</summary>
internal sealed class InvokeOptions : FunctionCommandOptions
{
    private InvokeOptions()
        : base("invoke")
    {
    }

    /// <summary>The event file (<c>--event</c>, <c>-e</c>; <c>-</c> for stdin); required.</summary>
    public string EventPath { get; private set; } = string.Empty;

    /// <summary>Whether the invocation is asynchronous (<c>--invocation-type Event</c>): 202, no body, the 1 MB payload limit.</summary>
    public bool IsEvent { get; private set; }

    /// <summary>The largest event this invocation type accepts.</summary>
    public int MaxPayloadBytes => IsEvent ? LambdaLimits.AsyncPayloadBytes : LambdaLimits.SyncPayloadBytes;

    /// <summary>How many times to invoke (<c>--count</c>); default 1.</summary>
    public int Count { get; private set; } = 1;

    /// <summary>How long the function may take to ask for its first event; Lambda allows 10 seconds.</summary>
    public TimeSpan InitTimeout { get; private set; } = TimeSpan.FromSeconds(LambdaLimits.InitTimeoutSeconds);

    /// <summary><c>--trace</c>: sampled X-Ray trace headers, and the trace tree printed after each REPORT line.</summary>
    public bool Trace { get; private set; }

    /// <summary>Parses the arguments; returns the options or a message saying what is wrong.</summary>
    public static (InvokeOptions? Options, string? Error) Parse(string[] args)
    {
        var options = new InvokeOptions();
        var problems = options.Read(args);
        return problems.Count == 0 ? (options, null) : (null, string.Join(" ", problems));
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Function.Length == 0)
        {
            problems.Add("Name the function to invoke: a project directory, .csproj, .dll or executable.");
        }

        if (EventPath.Length == 0)
        {
            problems.Add("Name the event with --event <file.json>.");
        }

        return problems;
    }

    /// <inheritdoc />
    protected override bool TryParseOption(string option, Func<string> value)
    {
        switch (option)
        {
            case "--event" or "-e":
                EventPath = value();
                return true;
            case "--invocation-type":
                IsEvent = value() switch
                {
                    "Event" => true,
                    "RequestResponse" => false,
                    var other => throw new FormatException($"--invocation-type must be RequestResponse or Event, got '{other}'."),
                };
                return true;
            case "--init-timeout":
                var init = OptionValues.Number(option, value());
                InitTimeout = init is > 0 and <= 900 ? TimeSpan.FromSeconds(init) : throw new FormatException("--init-timeout must be between 0 (exclusive) and 900 seconds.");
                return true;
            case "--count":
                var count = OptionValues.WholeNumber(option, value());
                Count = count >= 1 ? count : throw new FormatException("--count must be at least 1.");
                return true;
            case "--trace":
                Trace = true;
                return true;
            default:
                return false;
        }
    }
}
