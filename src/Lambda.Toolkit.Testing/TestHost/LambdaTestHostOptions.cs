namespace Lambda.Toolkit.Testing;

/// <summary>The fake Lambda environment the test host presents to the function.</summary>
public sealed class LambdaTestHostOptions
{
    /// <summary>The function name. Default: <c>test-function</c>.</summary>
    public string FunctionName { get; set; } = "test-function";

    /// <summary>The function version. Default: <c>$LATEST</c>.</summary>
    public string FunctionVersion { get; set; } = "$LATEST";

    /// <summary>The configured memory in MB. Default: 128.</summary>
    public int MemorySizeMb { get; set; } = 128;

    /// <summary>The region used in the invoked function ARN. Default: <c>us-east-1</c>.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>The account id used in the invoked function ARN. Default: <c>123456789012</c>.</summary>
    public string AccountId { get; set; } = "123456789012";

    /// <summary>The function timeout: each invocation's deadline is this long after it starts. Default: 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The clock for deadlines and remaining time; use a fake one to test timeouts without waiting. Default: the system clock.</summary>
    public TimeProvider? TimeProvider { get; set; }
}
