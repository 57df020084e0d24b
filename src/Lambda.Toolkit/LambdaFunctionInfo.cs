namespace Lambda.Toolkit;

/// <summary>
/// What Lambda tells a function about itself through its environment: name, version, memory, log
/// destination. It comes from the application's <see cref="LambdaEnvironment"/>, read once per process, and is
/// shared by every invocation.
/// </summary>
public sealed class LambdaFunctionInfo
{
    /// <summary>Creates function information from explicit values (tests, local tools).</summary>
    /// <param name="name">The function name.</param>
    /// <param name="version">The function version, <c>$LATEST</c> unless published.</param>
    /// <param name="memorySizeMb">The configured memory in MB.</param>
    /// <param name="logGroupName">The CloudWatch log group.</param>
    /// <param name="logStreamName">The CloudWatch log stream.</param>
    public LambdaFunctionInfo(string name, string version, int memorySizeMb, string logGroupName, string logStreamName)
    {
        Name = name;
        Version = version;
        MemorySizeMb = memorySizeMb;
        LogGroupName = logGroupName;
        LogStreamName = logStreamName;
    }

    /// <summary>The function name (<c>AWS_LAMBDA_FUNCTION_NAME</c>).</summary>
    public string Name { get; }

    /// <summary>The function version (<c>AWS_LAMBDA_FUNCTION_VERSION</c>).</summary>
    public string Version { get; }

    /// <summary>The memory configured for the function, in MB (<c>AWS_LAMBDA_FUNCTION_MEMORY_SIZE</c>).</summary>
    public int MemorySizeMb { get; }

    /// <summary>The CloudWatch log group (<c>AWS_LAMBDA_LOG_GROUP_NAME</c>).</summary>
    public string LogGroupName { get; }

    /// <summary>The CloudWatch log stream (<c>AWS_LAMBDA_LOG_STREAM_NAME</c>).</summary>
    public string LogStreamName { get; }

    /// <summary>
    /// Reads the function information from the Lambda environment variables; absent or unreadable values become
    /// empty (memory: 0). The same as <see cref="LambdaEnvironment.FromEnvironmentVariables"/>'s <see cref="LambdaEnvironment.Function"/>,
    /// which an application reads once, when its builder is created.
    /// </summary>
    /// <returns>The function information of this process.</returns>
    public static LambdaFunctionInfo FromEnvironment() => LambdaEnvironment.FromEnvironmentVariables().Function;
}
