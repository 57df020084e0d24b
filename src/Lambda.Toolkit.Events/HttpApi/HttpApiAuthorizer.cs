using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.HttpApi;

/// <summary>
/// What the route's authorizer established: JWT claims, a Lambda authorizer's context, or an IAM identity.
/// </summary>
public sealed class HttpApiAuthorizer
{
    /// <summary>
    /// The JWT authorizer's claims and scopes.
    /// </summary>
    [JsonPropertyName("jwt")]
    public HttpApiJwtAuthorizer? Jwt { get; set; }

    /// <summary>
    /// The context a Lambda authorizer returned (values keep their JSON types).
    /// </summary>
    [JsonPropertyName("lambda")]
    public Dictionary<string, JsonElement>? Lambda { get; set; }

    /// <summary>
    /// The IAM identity.
    /// </summary>
    [JsonPropertyName("iam")]
    public HttpApiIamAuthorizer? Iam { get; set; }
}
