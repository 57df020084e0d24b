using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Batch;

/// <summary>
/// The response of a tumbling-window stream handler: the state carried to the next invocation of the window, and
/// the failed records.
/// </summary>
public sealed class TimeWindowResponse
{
    /// <summary>
    /// The state to pass to the next invocation in the window.
    /// </summary>
    [JsonPropertyName("state")]
    public Dictionary<string, string>? State { get; set; }

    /// <summary>
    /// The records that failed.
    /// </summary>
    [JsonPropertyName("batchItemFailures")]
    public IList<BatchItemFailure>? BatchItemFailures { get; set; }
}
