using System.Globalization;
using Lambda.Toolkit.Emulator;

namespace Lambda.Toolkit.Local.Commands;

/// <summary>The parsed arguments of <c>invoke</c>.</summary>
internal sealed class InvokeOptions
{
    public string Function { get; private set; } = string.Empty;

    public string EventPath { get; private set; } = string.Empty;

    public TimeSpan Timeout { get; private set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The tool's default memory size, 512 MB rather than Lambda's 128: the limit is enforced, and a function run
    /// locally with the JIT (<c>dotnet bootstrap.dll</c>) uses far more memory than its Native AOT build on Lambda.
    /// </summary>
    public const int DefaultMemoryMb = 512;

    public int MemorySizeMb { get; private set; } = DefaultMemoryMb;

    /// <summary>Whether the invocation is asynchronous (<c>--invocation-type Event</c>): 202, no body, the 1 MB payload limit.</summary>
    public bool IsEvent { get; private set; }

    /// <summary>The largest event this invocation type accepts.</summary>
    public int MaxPayloadBytes => IsEvent ? LambdaLimits.AsyncPayloadBytes : LambdaLimits.SyncPayloadBytes;

    public string? Name { get; private set; }

    public int Count { get; private set; } = 1;

    /// <summary>How long the function may take to ask for its first event; Lambda allows 10 seconds.</summary>
    public TimeSpan InitTimeout { get; private set; } = TimeSpan.FromSeconds(LambdaLimits.InitTimeoutSeconds);

    /// <summary><c>--help</c> was given: print the usage and do nothing else.</summary>
    public bool ShowHelp { get; private set; }

    public Dictionary<string, string?> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary><c>--trace</c>: sampled X-Ray trace headers, and the trace tree printed after each REPORT line.</summary>
    public bool Trace { get; private set; }

    /// <summary>Parses the arguments; returns the options or a message saying what is wrong.</summary>
    public static (InvokeOptions? Options, string? Error) Parse(string[] args)
    {
        var options = new InvokeOptions();
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
                    case "--event" or "-e":
                        options.EventPath = Value();
                        break;
                    case "--timeout":
                        options.Timeout = ParseTimeout(Value());
                        break;
                    case "--memory":
                        options.MemorySizeMb = ParseMemory(Value());
                        break;
                    case "--invocation-type":
                        options.IsEvent = Value() switch
                        {
                            "Event" => true,
                            "RequestResponse" => false,
                            var other => throw new FormatException($"--invocation-type must be RequestResponse or Event, got '{other}'."),
                        };
                        break;
                    case "--init-timeout":
                        var init = Number(arg, Value());
                        options.InitTimeout = init is > 0 and <= 900 ? TimeSpan.FromSeconds(init) : throw new FormatException("--init-timeout must be between 0 (exclusive) and 900 seconds.");
                        break;
                    case "--name":
                        options.Name = Value();
                        break;
                    case "--count":
                        var count = Integer(arg, Value());
                        options.Count = count >= 1 ? count : throw new FormatException("--count must be at least 1.");
                        break;
                    case "--trace":
                        options.Trace = true;
                        break;
                    case "--env":
                        var (key, value) = ParseEnvironment(Value());
                        options.Environment[key] = value;
                        break;
                    default:
                        if (arg.StartsWith('-') && arg != "-")
                        {
                            throw new FormatException($"Unknown option '{arg}'.");
                        }

                        if (options.Function.Length > 0)
                        {
                            throw new FormatException($"Only one function can be invoked; '{arg}' is extra.");
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

        if (options.Function.Length == 0)
        {
            return (null, "Name the function to invoke: a project directory, .csproj, .dll or executable.");
        }

        if (options.EventPath.Length == 0)
        {
            return (null, "Name the event with --event <file.json>.");
        }

        return (options, null);
    }

    /// <summary>A <c>--timeout</c> value: seconds within Lambda's range.</summary>
    /// <exception cref="FormatException">Not a number, or out of range.</exception>
    public static TimeSpan ParseTimeout(string value)
    {
        var seconds = Number("--timeout", value);
        return seconds is >= LambdaLimits.MinTimeoutSeconds and <= LambdaLimits.MaxTimeoutSeconds
            ? TimeSpan.FromSeconds(seconds)
            : throw new FormatException($"--timeout must be between {LambdaLimits.MinTimeoutSeconds} and {LambdaLimits.MaxTimeoutSeconds} seconds (Lambda's range), got {value}.");
    }

    /// <summary>A <c>--memory</c> value: megabytes within Lambda's range.</summary>
    /// <exception cref="FormatException">Not a whole number, or out of range.</exception>
    public static int ParseMemory(string value)
    {
        var memory = Integer("--memory", value);
        return memory is >= LambdaLimits.MinMemoryMb and <= LambdaLimits.MaxMemoryMb
            ? memory
            : throw new FormatException($"--memory must be between {LambdaLimits.MinMemoryMb} and {LambdaLimits.MaxMemoryMb} MB.");
    }

    /// <summary>An <c>--env</c> value: <c>KEY=VALUE</c>.</summary>
    /// <exception cref="FormatException">No <c>=</c>, or nothing before it.</exception>
    public static (string Key, string Value) ParseEnvironment(string pair)
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 ? (pair[..equals], pair[(equals + 1)..]) : throw new FormatException($"--env expects KEY=VALUE, got '{pair}'.");
    }

    /// <summary>A number of seconds (fractions allowed).</summary>
    /// <exception cref="FormatException">Not a number.</exception>
    public static double Number(string option, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new FormatException($"{option} expects a number of seconds, got '{value}'.");

    /// <summary>A whole, non-negative number.</summary>
    /// <exception cref="FormatException">Not a whole number.</exception>
    public static int Integer(string option, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new FormatException($"{option} expects a whole number, got '{value}'.");
}
