namespace Lambda.Toolkit.Emulator;

/// <summary>What to start as a function process, and how.</summary>
public sealed class FunctionProcessOptions
{
    /// <summary>
    /// The function: a project directory (with one <c>.csproj</c>), a <c>.csproj</c> (built first with
    /// <c>dotnet build</c>), a <c>.dll</c> (run with <c>dotnet</c>) or a native executable such as a Native AOT <c>bootstrap</c>.
    /// </summary>
    public required string Target { get; set; }

    /// <summary>The build configuration for project targets. Default: <c>Release</c>.</summary>
    public string Configuration { get; set; } = "Release";

    /// <summary>
    /// The memory size reported to the function (<c>AWS_LAMBDA_FUNCTION_MEMORY_SIZE</c>), and its limit when
    /// <see cref="EnforceMemoryLimit"/> is set. Default: <see cref="LambdaLimits.DefaultMemoryMb"/> (128).
    /// </summary>
    public int MemorySizeMb { get; set; } = LambdaLimits.DefaultMemoryMb;

    /// <summary>
    /// Whether the process is killed, as Lambda kills an execution environment that runs out of memory, when its
    /// resident memory (sampled from <c>/proc/&lt;pid&gt;/status</c>, Linux only) goes over <see cref="MemorySizeMb"/>;
    /// an invocation in flight then ends with <c>Runtime.OutOfMemory</c>. Default: <see langword="false"/>.
    /// </summary>
    public bool EnforceMemoryLimit { get; set; }

    /// <summary>Extra environment variables for the function; they override the Lambda defaults.</summary>
    public IDictionary<string, string?> Environment { get; } = new Dictionary<string, string?>(StringComparer.Ordinal);

    /// <summary>Receives each line the function writes to stdout.</summary>
    public Action<string>? OnOutput { get; set; }

    /// <summary>Receives each line the function writes to stderr.</summary>
    public Action<string>? OnError { get; set; }

    /// <summary>Receives progress messages (building, starting).</summary>
    public Action<string>? OnStatus { get; set; }
}
