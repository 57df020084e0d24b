using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Local.Commands;

/// <summary>
/// The last line <c>poll sqs</c> prints: what happened to every message it received. <c>received</c> is
/// <c>succeeded + failed + released</c>; <c>succeeded</c> is <c>deleted + deleteFailed</c>.
/// </summary>
internal sealed class PollSqsSummary
{
    /// <summary>Messages received from the queue.</summary>
    [JsonPropertyName("received")]
    public int Received { get; set; }

    /// <summary>Messages the function handled successfully (as the event source mapping's rules count them).</summary>
    [JsonPropertyName("succeeded")]
    public int Succeeded { get; set; }

    /// <summary>Messages left on the queue for redelivery: a function error or timeout, a partial batch response, a blocked FIFO group.</summary>
    [JsonPropertyName("failed")]
    public int Failed { get; set; }

    /// <summary>Succeeded messages SQS deleted.</summary>
    [JsonPropertyName("deleted")]
    public int Deleted { get; set; }

    /// <summary>Succeeded messages SQS did not delete (an expired receipt handle, an error): they will be delivered again.</summary>
    [JsonPropertyName("deleteFailed")]
    public int DeleteFailed { get; set; }

    /// <summary>Messages received but never given to the function because the tool was stopped; made visible again at once.</summary>
    [JsonPropertyName("released")]
    public int Released { get; set; }

    /// <summary>Invocations (batches).</summary>
    [JsonPropertyName("batches")]
    public int Batches { get; set; }
}

/// <summary>Source-generated JSON for <see cref="PollSqsSummary"/>.</summary>
[JsonSerializable(typeof(PollSqsSummary))]
internal sealed partial class PollSqsJsonContext : JsonSerializerContext;
