using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.AppSync;

/// <summary>
/// The event AWS AppSync sends a direct Lambda resolver (a Lambda data source without request and response
/// handlers): the field's arguments, the caller, the parent's value, the request, the previous pipeline step's
/// result, the field being resolved and the stash. A <c>BatchInvoke</c> resolver sends a JSON array of these.
/// </summary>
public sealed class AppSyncResolverEvent
{
    /// <summary>The GraphQL arguments of the field, as sent.</summary>
    [JsonPropertyName("arguments")]
    public JsonElement? Arguments { get; set; }

    /// <summary>The caller; its shape depends on the authorization mode; null for an API key.</summary>
    [JsonPropertyName("identity")]
    public AppSyncIdentity? Identity { get; set; }

    /// <summary>The parent field's resolved value (for a field of an object type); null for a root field.</summary>
    [JsonPropertyName("source")]
    public JsonElement? Source { get; set; }

    /// <summary>The HTTP request's headers and domain name.</summary>
    [JsonPropertyName("request")]
    public AppSyncResolverRequest? Request { get; set; }

    /// <summary>The previous step's result, in a pipeline resolver.</summary>
    [JsonPropertyName("prev")]
    public AppSyncPreviousResult? Prev { get; set; }

    /// <summary>The field being resolved.</summary>
    [JsonPropertyName("info")]
    public AppSyncResolverInfo? Info { get; set; }

    /// <summary>The stash shared by the resolver's steps.</summary>
    [JsonPropertyName("stash")]
    public Dictionary<string, JsonElement>? Stash { get; set; }
}
