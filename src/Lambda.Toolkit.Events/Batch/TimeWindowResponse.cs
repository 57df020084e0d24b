using System.Text.Json;
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
    /// Any JSON values: AWS passes back whatever the handler returned (its own samples carry numbers).
    /// </summary>
    [JsonPropertyName("state")]
    public Dictionary<string, JsonElement>? State { get; set; }

    /// <summary>
    /// The records that failed.
    /// </summary>
    [JsonPropertyName("batchItemFailures")]
    public IList<BatchItemFailure>? BatchItemFailures { get; set; }
}
