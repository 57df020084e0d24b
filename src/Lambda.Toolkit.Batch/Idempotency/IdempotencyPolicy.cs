namespace Lambda.Toolkit.Batch.Idempotency;

/// <summary>
/// Makes a batch adapter skip records it has processed before. The key of a record is its identity at the
/// source (the SQS message id, the Kinesis or DynamoDB Streams event id, the SNS message id, the
/// EventBridge event id, the S3 bucket, key and sequencer), prefixed with <see cref="KeyPrefix"/>. Create one
/// with <see cref="Idempotent"/>; the DynamoDB one is in <c>Lambda.Toolkit.Aws</c>.
/// </summary>
public sealed class IdempotencyPolicy
{
    internal IdempotencyPolicy(Func<IServiceProvider, IIdempotencyStore> store, Type? requiredService)
    {
        Store = store;
        RequiredService = requiredService;
    }

    /// <summary>The service the store is made from, checked at init: a missing registration is an init problem, not a failed batch.</summary>
    internal Type? RequiredService { get; }

    /// <summary>Resolves the store from the invocation's services; called for each record.</summary>
    public Func<IServiceProvider, IIdempotencyStore> Store { get; }

    /// <summary>How long a completed key is remembered. Default: 1 hour. Must be positive.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Put before every key, so functions that share a store do not see each other's records.
    /// Default: <see langword="null"/>, the function's name (<c>AWS_LAMBDA_FUNCTION_NAME</c>).
    /// </summary>
    public string? KeyPrefix { get; set; }

    internal void Validate(List<string> problems)
    {
        if (Retention <= TimeSpan.Zero)
        {
            problems.Add($"Idempotency.Retention must be positive (was {Retention}).");
        }
    }

    internal string Key(InvocationContext invocation, string recordKey) => (KeyPrefix ?? invocation.Function.Name) + "#" + recordKey;
}
