using System.Text.Json.Serialization;
using Lambda.Toolkit.Events.Authorizers;

namespace Lambda.Toolkit.Events.AppSync;

/// <summary>The answer to an <see cref="AppSyncAuthorizerRequest"/>.</summary>
public sealed class AppSyncAuthorizerResponse
{
    /// <summary>Whether the operation may run; <see langword="false"/> makes AppSync reject it as unauthorized.</summary>
    [JsonPropertyName("isAuthorized")]
    public bool IsAuthorized { get; set; }

    /// <summary>Values resolvers see as <c>$ctx.identity.resolverContext</c>: strings, numbers and booleans.</summary>
    [JsonPropertyName("resolverContext")]
    public Dictionary<string, AuthorizerContextValue>? ResolverContext { get; set; }

    /// <summary>Fields the caller may not read, as field ARNs or <c>Type.field</c>; they resolve to <c>null</c>.</summary>
    [JsonPropertyName("deniedFields")]
    public IList<string>? DeniedFields { get; set; }

    /// <summary>How many seconds AppSync caches this answer for the token (0 disables caching); absent: the API's setting.</summary>
    [JsonPropertyName("ttlOverride")]
    public int? TtlOverride { get; set; }
}
