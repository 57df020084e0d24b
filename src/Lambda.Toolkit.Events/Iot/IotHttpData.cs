using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Iot;

/// <summary>The HTTP data of an IoT Core connection.</summary>
public sealed class IotHttpData
{
    /// <summary>The request's headers.</summary>
    [JsonPropertyName("headers")]
    public Dictionary<string, string>? Headers { get; set; }

    /// <summary>The query string, with its leading <c>?</c>.</summary>
    [JsonPropertyName("queryString")]
    public string? QueryString { get; set; }
}
