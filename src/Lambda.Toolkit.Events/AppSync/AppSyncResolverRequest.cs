using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.AppSync;

/// <summary>The HTTP request a resolved field belongs to.</summary>
public sealed class AppSyncResolverRequest
{
    /// <summary>The request's headers, with lower-case names.</summary>
    [JsonPropertyName("headers")]
    public Dictionary<string, string>? Headers { get; set; }

    /// <summary>The custom domain name the request came through; null for the API's own endpoint.</summary>
    [JsonPropertyName("domainName")]
    public string? DomainName { get; set; }
}
