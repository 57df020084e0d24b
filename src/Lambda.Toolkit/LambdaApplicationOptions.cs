namespace Lambda.Toolkit;

/// <summary>What <see cref="LambdaApplication.CreateBuilder(LambdaApplicationOptions)"/> starts from.</summary>
public sealed class LambdaApplicationOptions
{
    /// <summary>Command-line arguments, added to configuration. Default: <see langword="null"/>, none.</summary>
    public string[]? Args { get; init; }

    /// <summary>
    /// The Lambda environment the application runs in. Default: <see langword="null"/>, read from this
    /// process's environment variables with <see cref="LambdaEnvironment.FromEnvironmentVariables"/>. Tests
    /// and hosts set their own snapshot here instead of changing process-wide environment variables.
    /// </summary>
    public LambdaEnvironment? Environment { get; init; }
}
