using System.Security.Cryptography;
using System.Text;

namespace Lambda.Toolkit.Triggers.CloudFormation;

/// <summary>The defaults of <see cref="CustomResourceOptions"/> and the custom resource rules, in one place.</summary>
public static class CustomResourceDefaults
{
    /// <summary>CloudFormation's limit on a custom resource response body: 4,096 bytes.</summary>
    public const int MaxResponseBytes = 4096;

    /// <summary>The handler's token fires this long before the deadline, to leave time to send <c>FAILED</c>: 2 seconds.</summary>
    public static readonly TimeSpan ResponseReserve = TimeSpan.FromSeconds(2);

    /// <summary>Attempts to upload the response before the invocation fails: 4.</summary>
    public const int MaxDeliveryAttempts = 4;

    /// <summary>The first delay between upload attempts, doubled each time: 100 ms.</summary>
    public static readonly TimeSpan DeliveryRetryDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The key of an <see cref="HttpClient"/> keyed service the adapter uploads responses with, when one is registered
    /// (<c>builder.Services.AddKeyedSingleton(CustomResourceDefaults.HttpClientServiceKey, client)</c>); otherwise the
    /// adapter creates its own client at init.
    /// </summary>
    public const string HttpClientServiceKey = "Lambda.Toolkit.Triggers.CustomResource";

    /// <summary>
    /// The physical id given to a created resource whose handler returned none: the logical id, a dash and the
    /// first 12 hexadecimal digits of the SHA-256 of the stack id, logical id and request id. It is stable across
    /// Lambda's retries of the same request and unique per create request. (AWS's own helper libraries default to
    /// the log stream name instead, which changes between executions.)
    /// </summary>
    /// <param name="stackId">The stack's ARN.</param>
    /// <param name="logicalResourceId">The resource's logical id.</param>
    /// <param name="requestId">The create request's id.</param>
    /// <returns>The id.</returns>
    public static string PhysicalResourceId(string stackId, string logicalResourceId, string requestId) =>
        logicalResourceId + "-" + Hash(stackId, logicalResourceId, requestId);

    /// <summary>
    /// The physical id answered with <c>FAILED</c> when a <c>Create</c> fails before the handler gave an id: the
    /// logical id, <c>-create-failed-</c> and the same hash as <see cref="PhysicalResourceId"/>. CloudFormation
    /// then sends a <c>Delete</c> for it when it rolls back; the adapter answers that <c>SUCCESS</c> at once,
    /// without calling the handler, since nothing was created under that id.
    /// </summary>
    /// <param name="stackId">The stack's ARN.</param>
    /// <param name="logicalResourceId">The resource's logical id.</param>
    /// <param name="requestId">The create request's id.</param>
    /// <returns>The id.</returns>
    public static string FailedCreatePhysicalResourceId(string stackId, string logicalResourceId, string requestId) =>
        logicalResourceId + FailedCreateMarker + Hash(stackId, logicalResourceId, requestId);

    private const string FailedCreateMarker = "-create-failed-";

    /// <summary>Whether <paramref name="physicalResourceId"/> is the <see cref="FailedCreatePhysicalResourceId"/> of <paramref name="logicalResourceId"/>.</summary>
    internal static bool IsFailedCreate(string? physicalResourceId, string logicalResourceId)
    {
        if (physicalResourceId is null
            || physicalResourceId.Length != logicalResourceId.Length + FailedCreateMarker.Length + 12
            || !physicalResourceId.StartsWith(logicalResourceId, StringComparison.Ordinal)
            || string.CompareOrdinal(physicalResourceId, logicalResourceId.Length, FailedCreateMarker, 0, FailedCreateMarker.Length) != 0)
        {
            return false;
        }

        foreach (var c in physicalResourceId.AsSpan(physicalResourceId.Length - 12))
        {
            if (!char.IsAsciiHexDigitLower(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string Hash(string stackId, string logicalResourceId, string requestId)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(stackId + "\n" + logicalResourceId + "\n" + requestId), hash);
        return Convert.ToHexString(hash[..6]).ToLowerInvariant();
    }
}
