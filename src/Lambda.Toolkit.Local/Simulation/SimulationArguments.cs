using Lambda.Toolkit.Local.Commands;

namespace Lambda.Toolkit.Local.Simulation;

/// <summary>
/// The parsed arguments of <c>simulate &lt;source&gt;</c>: the function's own options (<see cref="FunctionCommandOptions"/>),
/// then the source's (<see cref="ISimulatedSource.TryParse"/>).
/// </summary>
internal sealed class SimulationArguments : FunctionCommandOptions
{
    private SimulationArguments(string sourceName, ISimulatedSource source)
        : base("simulate " + sourceName) => Source = source;

    /// <summary>The simulated source and its options.</summary>
    public ISimulatedSource Source { get; }

    /// <summary>The input file.</summary>
    public string InputPath => Source.InputPath;

    /// <summary>Parses the arguments after the source's name; returns the arguments or every problem, a line each.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="sourceName">The source as given (<c>sqs</c>), for messages.</param>
    /// <param name="source">The source's options, to fill.</param>
    public static (SimulationArguments? Arguments, string? Error) Parse(string[] args, string sourceName, ISimulatedSource source)
    {
        var arguments = new SimulationArguments(sourceName, source);
        var problems = arguments.Read(args);
        return problems.Count == 0 ? (arguments, null) : (null, string.Join(System.Environment.NewLine, problems));
    }

    /// <inheritdoc />
    /// <remarks>A missing function or input, and the source's own problems.</remarks>
    public override IReadOnlyList<string> Validate()
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

    /// <inheritdoc />
    protected override bool TryParseOption(string option, Func<string> value) => Source.TryParse(option, value);
}
