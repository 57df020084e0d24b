using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.AppSync;

/// <summary>The API and GraphQL operation an <see cref="AppSyncAuthorizerRequest"/> is about.</summary>
public sealed class AppSyncAuthorizerRequestContext
{
    /// <summary>The GraphQL API's id.</summary>
    [JsonPropertyName("apiId")]
    public string? ApiId { get; set; }

    /// <summary>The account that owns the API.</summary>
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    /// <summary>AppSync's id for the request.</summary>
    [JsonPropertyName("requestId")]
    public string? RequestId { get; set; }

    /// <summary>The GraphQL document.</summary>
    [JsonPropertyName("queryString")]
    public string? QueryString { get; set; }

    /// <summary>The operation's name, when the document names one.</summary>
    [JsonPropertyName("operationName")]
    public string? OperationName { get; set; }

    /// <summary>The operation's variables, as sent.</summary>
    [JsonPropertyName("variables")]
    public Dictionary<string, JsonElement>? Variables { get; set; }
}
