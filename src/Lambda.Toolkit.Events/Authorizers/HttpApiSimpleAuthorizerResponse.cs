using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Authorizers;

/// <summary>The simple answer to an HTTP API Lambda authorizer (payload format 2.0 with simple responses enabled).</summary>
public sealed class HttpApiSimpleAuthorizerResponse
{
    /// <summary>Whether the call is allowed; <see langword="false"/> gives the caller 403.</summary>
    [JsonPropertyName("isAuthorized")]
    public bool IsAuthorized { get; set; }

    /// <summary>Values passed to the integration as <c>$context.authorizer.{key}</c>: strings, numbers and booleans only.</summary>
    [JsonPropertyName("context")]
    public Dictionary<string, AuthorizerContextValue>? Context { get; set; }
}
