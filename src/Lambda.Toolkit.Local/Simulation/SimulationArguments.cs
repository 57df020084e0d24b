using System.Globalization;
using Lambda.Toolkit.Local.Commands;

namespace Lambda.Toolkit.Local.Simulation;

/// <summary>The parsed arguments of <c>simulate &lt;source&gt;</c>: the function's own options, then the source's.</summary>
internal sealed class SimulationArguments
{
    private SimulationArguments(ISimulatedSource source) => Source = source;

    /// <summary>The simulated source and its options.</summary>
    public ISimulatedSource Source { get; }

    /// <summary>The function: a project, .dll or executable.</summary>
    public string Function { get; private set; } = string.Empty;

    /// <summary>The input file.</summary>
    public string InputPath => Source.InputPath;

    /// <summary>The function timeout (<c>--timeout</c>); default 30 seconds, as <c>invoke</c>.</summary>
    public TimeSpan Timeout { get; private set; } = TimeSpan.FromSeconds(30);

    /// <summary>The memory size (<c>--memory</c>); default <see cref="InvokeOptions.DefaultMemoryMb"/>.</summary>
    public int MemorySizeMb { get; private set; } = InvokeOptions.DefaultMemoryMb;

    /// <summary>The function name (<c>--name</c>); default the project or file name.</summary>
    public string? Name { get; private set; }

    /// <summary><c>--help</c> was given.</summary>
    public bool ShowHelp { get; private set; }

    /// <summary>Environment variables for the function (<c>--env KEY=VALUE</c>).</summary>
    public Dictionary<string, string?> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>Parses the arguments after the source's name.</summary>
    /// <exception cref="FormatException">An unknown option, a missing or bad value, an extra function.</exception>
    public static SimulationArguments Parse(string[] args, ISimulatedSource source)
    {
        var arguments = new SimulationArguments(source);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{arg} needs a value.");
            switch (arg)
            {
                case "--help" or "-h":
                    arguments.ShowHelp = true;
                    return arguments;
                case "--timeout":
                    arguments.Timeout = InvokeOptions.ParseTimeout(Value());
                    break;
                case "--memory":
                    arguments.MemorySizeMb = InvokeOptions.ParseMemory(Value());
                    break;
                case "--name":
                    arguments.Name = Value();
                    break;
                case "--env":
                    var pair = Value();
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    arguments.Environment[equals > 0 ? pair[..equals] : throw new FormatException($"--env expects KEY=VALUE, got '{pair}'.")] = pair[(equals + 1)..];
                    break;
                case var option when option.StartsWith('-'):
                    if (!source.TryParse(option, Value))
                    {
                        throw new FormatException($"Unknown option '{option}' for this simulate command.");
                    }

                    break;
                default:
                    arguments.Function = arguments.Function.Length == 0 ? arg : throw new FormatException($"Only one function can be simulated; '{arg}' is extra.");
                    break;
            }
        }

        return arguments;
    }

    /// <summary>Every problem: a missing function or input, and the source's own.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Function.Length == 0)
        {
            problems.Add("Name the function to simulate: a project directory, .csproj, .dll or executable.");
        }

        if (InputPath.Length == 0)
        {
            problems.Add($"Name the input with {Source.InputOption} <file.jsonl>.");
        }

        problems.AddRange(Source.Validate(Timeout));
        return problems;
    }

    /// <summary>A problem for each output file (a simulated destination) whose directory does not exist.</summary>
    public static IEnumerable<string> OutputProblems(params (string Option, string? Path)[] outputs)
    {
        foreach (var (option, path) in outputs)
        {
            if (path is not null && System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) is { } directory && !Directory.Exists(directory))
            {
                yield return $"{option} {path}: the directory {directory} does not exist.";
            }
        }
    }

    /// <summary>A number of seconds.</summary>
    /// <exception cref="FormatException">Not a number.</exception>
    public static TimeSpan Seconds(string option, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds)
            ? TimeSpan.FromSeconds(seconds)
            : throw new FormatException($"{option} expects a number of seconds, got '{value}'.");

    /// <summary>A whole number.</summary>
    /// <exception cref="FormatException">Not a whole number.</exception>
    public static int Integer(string option, string value) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new FormatException($"{option} expects a whole number, got '{value}'.");

    /// <summary><c>on</c> or <c>off</c>.</summary>
    /// <exception cref="FormatException">Neither.</exception>
    public static bool Switch(string option, string value) => value switch
    {
        "on" or "true" => true,
        "off" or "false" => false,
        _ => throw new FormatException($"{option} expects on or off, got '{value}'."),
    };
}
