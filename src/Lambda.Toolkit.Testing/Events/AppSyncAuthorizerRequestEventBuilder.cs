using System.Text.Json;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.AppSync;

namespace Lambda.Toolkit.Testing.Events;

/// <summary>
/// Builds the event AWS AppSync sends a Lambda authorizer: the token, the API and operation (a random API id and
/// request id, the builder's account), and the request's headers with lower-case names, the token among them as <c>authorization</c>.
/// </summary>
/// <example>
/// <code>
/// var json = new AppSyncAuthorizerRequestEventBuilder("custom-token")
///     .WithOperation("query MyQuery { listTodos { id } }", "MyQuery")
///     .ToJson();
/// </code>
/// </example>
public sealed class AppSyncAuthorizerRequestEventBuilder
{
    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    private readonly string _token;
    private readonly Dictionary<string, string> _headers = new(StringComparer.Ordinal);
    private string _query = "query { __typename }";
    private string? _operationName;
    private string _variablesJson = "{}";
    private string _accountId = EventDefaults.AccountId;

    /// <summary>Starts an event.</summary>
    /// <param name="authorizationToken">The token the client sent in its <c>Authorization</c> header.</param>
    public AppSyncAuthorizerRequestEventBuilder(string authorizationToken)
    {
        ArgumentNullException.ThrowIfNull(authorizationToken);
        _token = authorizationToken;
        _headers["authorization"] = authorizationToken;
        _headers["content-type"] = "application/json";
    }

    /// <summary>Sets the GraphQL document and operation. Default: <c>query { __typename }</c>, unnamed.</summary>
    /// <param name="queryString">The GraphQL document.</param>
    /// <param name="operationName">The operation's name, if it has one.</param>
    /// <returns>This builder.</returns>
    public AppSyncAuthorizerRequestEventBuilder WithOperation(string queryString, string? operationName = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(queryString);
        _query = queryString;
        _operationName = operationName;
        return this;
    }

    /// <summary>Sets the operation's variables from JSON text, which must be an object. Default: <c>{}</c>.</summary>
    /// <param name="json">The variables.</param>
    /// <returns>This builder.</returns>
    public AppSyncAuthorizerRequestEventBuilder WithVariablesJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        _variablesJson = document.RootElement.ValueKind == JsonValueKind.Object
            ? json
            : throw new ArgumentException("GraphQL variables are a JSON object.", nameof(json));
        return this;
    }

    /// <summary>Adds a request header (its name lower-cased, as AppSync passes them).</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public AppSyncAuthorizerRequestEventBuilder WithHeader(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        _headers[name.ToLowerInvariant()] = value;
        return this;
    }

    /// <summary>Sets the account id. Default: <c>123456789012</c>.</summary>
    /// <param name="accountId">The account id.</param>
    /// <returns>This builder.</returns>
    public AppSyncAuthorizerRequestEventBuilder InAccount(string accountId)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        _accountId = accountId;
        return this;
    }

    /// <summary>Builds the event.</summary>
    /// <returns>A new event.</returns>
    public AppSyncAuthorizerRequest Build()
    {
        using var variables = JsonDocument.Parse(_variablesJson);
        var map = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in variables.RootElement.EnumerateObject())
        {
            map[property.Name] = property.Value.Clone();
        }

        return new AppSyncAuthorizerRequest
        {
            AuthorizationToken = _token,
            RequestContext = new AppSyncAuthorizerRequestContext
            {
                ApiId = EventIds.Random(IdAlphabet, 26),
                AccountId = _accountId,
                RequestId = EventIds.Uuid(),
                QueryString = _query,
                OperationName = _operationName,
                Variables = map,
            },
            RequestHeaders = new Dictionary<string, string>(_headers, StringComparer.Ordinal),
        };
    }

    /// <summary>Builds the event and serializes it with <see cref="AppSyncJsonContext"/>.</summary>
    /// <returns>UTF-8 JSON, ready for <c>LambdaTestHost.InvokeAsync</c>.</returns>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(Build(), AppSyncJsonContext.Default.AppSyncAuthorizerRequest);
}
