using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.S3;

/// <summary>
/// An S3 event notification (delivered asynchronously).
/// </summary>
public sealed class S3Event
{
    /// <summary>
    /// The notifications.
    /// </summary>
    [JsonPropertyName("Records")]
    [JsonRequired]
    public required IList<S3EventRecord> Records { get; set; }
}
