namespace Lambda.Toolkit.Local.Commands;

/// <summary>
/// The arguments every command that runs a function takes, parsed one way (<c>invoke</c>, <c>poll sqs</c>,
/// <c>simulate</c>): the function (a project directory, .csproj, .dll or executable), <c>--timeout</c>,
/// <c>--memory</c>, <c>--name</c>, <c>--env KEY=VALUE</c> and <c>--help</c>. A command adds its own options in
/// <see cref="TryParseOption"/>; their values are read with <see cref="OptionValues"/>.
/// </summary>
/// <param name="command">The command, for messages (<c>poll sqs</c>).</param>
internal abstract class FunctionCommandOptions(string command)
{
    /// <summary>
    /// The tool's default memory size, 512 MB rather than Lambda's 128: the limit is enforced, and a function run
    /// locally with the JIT (<c>dotnet bootstrap.dll</c>) uses far more memory than its Native AOT build on Lambda.
    /// </summary>
    public const int DefaultMemoryMb = 512;

    /// <summary>The default function timeout in seconds, Lambda's console default for a new function.</summary>
    public const int DefaultTimeoutSeconds = 30;

    /// <summary>The function: a project directory, .csproj, .dll or executable; empty when not given.</summary>
    public string Function { get; private set; } = string.Empty;

    /// <summary>The function timeout (<c>--timeout</c>); default <see cref="DefaultTimeoutSeconds"/> seconds.</summary>
    public TimeSpan Timeout { get; private set; } = TimeSpan.FromSeconds(DefaultTimeoutSeconds);

    /// <summary>The memory size (<c>--memory</c>); default <see cref="DefaultMemoryMb"/>.</summary>
    public int MemorySizeMb { get; private set; } = DefaultMemoryMb;

    /// <summary>The function name (<c>--name</c>); default <see langword="null"/>, the project or file name (<see cref="FunctionName"/>).</summary>
    public string? Name { get; private set; }

    /// <summary>Environment variables for the function (<c>--env KEY=VALUE</c>, repeatable); default none.</summary>
    public Dictionary<string, string?> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary><c>--help</c> was given: print the usage and do nothing else. Default off.</summary>
    public bool ShowHelp { get; private set; }

    /// <summary>The function's name for the emulator: <c>--name</c>, or the project or file name.</summary>
    public string FunctionName => Name ?? InvokeCommand.FunctionName(Function);

    /// <summary>Every problem with the parsed options: a missing function or input, a combination the command refuses.</summary>
    public abstract IReadOnlyList<string> Validate();

    /// <summary>
    /// Parses <paramref name="args"/> (<see cref="ParseArguments"/>) and, unless <c>--help</c> was given, checks the
    /// result (<see cref="Validate"/>): empty when the options can be used, else every problem (or the one bad argument).
    /// </summary>
    protected IReadOnlyList<string> Read(string[] args)
    {
        try
        {
            ParseArguments(args);
        }
        catch (FormatException ex)
        {
            return [ex.Message];
        }

        return ShowHelp ? [] : Validate();
    }

    /// <summary>
    /// Reads <paramref name="args"/> in order: <c>--help</c> stops at once; the shared options; the command's own
    /// (<see cref="TryParseOption"/>); anything else (or <c>-</c>) is the function, of which there is one.
    /// </summary>
    /// <exception cref="FormatException">An unknown option, a missing or bad value, a second function.</exception>
    private void ParseArguments(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{arg} needs a value.");
            switch (arg)
            {
                case "--help" or "-h":
                    ShowHelp = true;
                    return;
                case "--timeout":
                    Timeout = OptionValues.Timeout(Value());
                    break;
                case "--memory":
                    MemorySizeMb = OptionValues.Memory(Value());
                    break;
                case "--name":
                    Name = Value();
                    break;
                case "--env":
                    var (key, value) = OptionValues.Environment(Value());
                    Environment[key] = value;
                    break;
                case var option when option.StartsWith('-') && option != "-":
                    if (!TryParseOption(option, Value))
                    {
                        throw new FormatException($"Unknown option '{option}' for {command}.");
                    }

                    break;
                default:
                    Function = Function.Length == 0 ? arg : throw new FormatException($"{command} runs one function; '{arg}' is extra.");
                    break;
            }
        }
    }

    /// <summary>Reads one of the command's own options; <see langword="false"/> when it is not one.</summary>
    /// <param name="option">The option.</param>
    /// <param name="value">Reads the option's value (the next argument).</param>
    /// <exception cref="FormatException">The value is missing or not valid for the option.</exception>
    protected abstract bool TryParseOption(string option, Func<string> value);
}
