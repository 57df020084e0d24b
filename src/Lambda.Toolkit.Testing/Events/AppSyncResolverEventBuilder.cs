using System.Text;
using System.Text.Json;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.AppSync;

namespace Lambda.Toolkit.Testing.Events;

/// <summary>
/// Builds the event AWS AppSync sends a direct Lambda resolver for one field: its arguments, the parent's value, the
/// caller (none, as with an API key, unless one is set), the request's headers and the field's selection set.
/// <see cref="ToBatchJson"/> makes the array a <c>BatchInvoke</c> resolver sends.
/// </summary>
/// <example>
/// <code>
/// var json = new AppSyncResolverEventBuilder("Query", "getPost")
///     .WithArgumentsJson("""{"id":"7"}""")
///     .WithCognitoIdentity("user-sub", "alice", "admin")
///     .ToJson();
/// var batch = AppSyncResolverEventBuilder.ToBatchJson(
///     new AppSyncResolverEventBuilder("Post", "author").WithSourceJson("""{"authorId":"1"}"""),
///     new AppSyncResolverEventBuilder("Post", "author").WithSourceJson("""{"authorId":"2"}"""));
/// </code>
/// </example>
public sealed class AppSyncResolverEventBuilder
{
    private readonly string _parentTypeName;
    private readonly string _fieldName;
    private readonly Dictionary<string, string> _headers = new(StringComparer.Ordinal) { ["content-type"] = "application/json" };
    private string _argumentsJson = "{}";
    private string? _sourceJson;
    private string _variablesJson = "{}";
    private string _stashJson = "{}";
    private string? _prevResultJson;
    private string? _domainName;
    private List<string> _selection = [];
    private AppSyncIdentity? _identity;

    /// <summary>Starts an event for a field.</summary>
    /// <param name="parentTypeName">The type the field belongs to, for example <c>Query</c>.</param>
    /// <param name="fieldName">The field's name.</param>
    public AppSyncResolverEventBuilder(string parentTypeName, string fieldName)
    {
        ArgumentException.ThrowIfNullOrEmpty(parentTypeName);
        ArgumentException.ThrowIfNullOrEmpty(fieldName);
        _parentTypeName = parentTypeName;
        _fieldName = fieldName;
    }

    /// <summary>Sets the field's arguments from JSON text, which must be an object. Default: <c>{}</c>.</summary>
    /// <param name="json">The arguments.</param>
    /// <returns>This builder.</returns>
    public AppSyncResolverEventBuilder WithArgumentsJson(string json)
    {
        _argumentsJson = RequireObject(json, nameof(json), "The arguments");
        return this;
    }

    /// <summary>Sets the parent field's value (for a field of an object type) from JSON text. Default: none.</summary>
    /// <param name="json">The parent's value.</param>
    /// <returns>This builder.</returns>
    public AppSyncResolverEventBuilder WithSourceJson(string json)
    {
        _sourceJson = RequireObject(json, nameof(json), "The source");
        return this;
    }

    /// <summary>Sets the operation's variables from JSON text, which must be an object. Default: <c>{}</c>.</summary>
    /// <param name="json">The variables.</param>
    /// <returns>This builder.</returns>
    public AppSyncResolverEventBuilder WithVariablesJson(string json)
    {
        _variablesJson = RequireObject(json, nameof(json), "GraphQL variables");
        return this;
    }

    /// <summary>Sets the stash from JSON text, which must be an object. Default: <c>{}</c>.</summary>
    /// <param name="json">The stash.</param>
    /// <returns>This builder.</returns>
    public AppSyncResolverEventBuilder WithStashJson(string json)
    {
        _stashJson = RequireObject(json, nameof(json), "The stash");
        return this;
    }

    /// <summary>Sets the previous pipeline step's result from JSON text. Default: none.</summary>
    /// <param name="json">The result.</param>
    /// <returns>This builder.</returns>
    public AppSyncResolverEventBuilder WithPreviousResultJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var _ = JsonDocument.Parse(json);
        _prevResultJson = json;
        return this;
    }

    /// <summary>Sets the selected fields (<c>selectionSetList</c>, and <c>selectionSetGraphQL</c> made from the top-level ones). Default: none.</summary>
    /// <param name="fields">The selected fields, as paths (<c>author/name</c>).</param>
    /// <returns>This builder.</returns>
    public AppSyncResolverEventBuilder WithSelection(params string[] fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        _selection = [.. fields];
        return this;
    }

    /// <summary>Adds a request header (its name lower-cased, as AppSync passes them).</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public AppSyncResolverEventBuilder WithHeader(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        _headers[name.ToLowerInvariant()] = value;
        return this;
    }

    /// <summary>Sets the custom domain name the request came through. Default: none.</summary>
    /// <param name="domainName">The domain name.</param>
    /// <returns>This builder.</returns>
    public AppSyncResolverEventBuilder WithDomainName(string domainName)
    {
        ArgumentException.ThrowIfNullOrEmpty(domainName);
        _domainName = domainName;
        return this;
    }

    /// <summary>Sets an Amazon Cognito user pools caller (claims of an access token, in the builder's region).</summary>
    /// <param name="sub">The user's subject.</param>
    /// <param name="username">The user's name.</param>
    /// <param name="groups">The user's groups.</param>
    /// <returns>This builder.</returns>
    public AppSyncResolverEventBuilder WithCognitoIdentity(string sub, string username, params string[] groups)
    {
        ArgumentException.ThrowIfNullOrEmpty(sub);
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentNullException.ThrowIfNull(groups);
        var issuer = $"https://cognito-idp.{EventDefaults.Region}.amazonaws.com/{EventDefaults.Region}_{EventIds.Random("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 9)}";
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims = new Dictionary<string, JsonElement>(StringComparer.Ordinal)
        {
            ["sub"] = Element(JsonSerializer.Serialize(sub, AppSyncJsonContext.Default.String)),
            ["cognito:groups"] = Element(JsonSerializer.Serialize(groups.ToList(), AppSyncJsonContext.Default.ListString)),
            ["iss"] = Element(JsonSerializer.Serialize(issuer, AppSyncJsonContext.Default.String)),
            ["token_use"] = Element("\"access\""),
            ["auth_time"] = Element(now.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ["iat"] = Element(now.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ["exp"] = Element((now + 3600).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ["username"] = Element(JsonSerializer.Serialize(username, AppSyncJsonContext.Default.String)),
        };
        _identity = new AppSyncIdentity
        {
            Claims = claims,
            DefaultAuthStrategy = "ALLOW",
            Groups = [.. groups],
            Issuer = issuer,
            SourceIp = ["192.0.2.1"],
            Sub = sub,
            Username = username,
        };
        return this;
    }

    /// <summary>Sets an IAM caller in the builder's account.</summary>
    /// <param name="username">The IAM user's name.</param>
    /// <returns>This builder.</returns>
    public AppSyncResolverEventBuilder WithIamIdentity(string username)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        _identity = new AppSyncIdentity
        {
            AccountId = EventDefaults.AccountId,
            Username = username,
            UserArn = $"arn:aws:iam::{EventDefaults.AccountId}:user/{username}",
            SourceIp = ["192.0.2.1"],
        };
        return this;
    }

    /// <summary>Sets a caller authorized by a Lambda authorizer, with the <c>resolverContext</c> it returned (a JSON object).</summary>
    /// <param name="resolverContextJson">The authorizer's resolver context.</param>
    /// <returns>This builder.</returns>
    public AppSyncResolverEventBuilder WithLambdaIdentity(string resolverContextJson)
    {
        var json = RequireObject(resolverContextJson, nameof(resolverContextJson), "The resolver context");
        _identity = new AppSyncIdentity { ResolverContext = Map(json) };
        return this;
    }

    /// <summary>Builds the event.</summary>
    /// <returns>A new event.</returns>
    public AppSyncResolverEvent Build() => new()
    {
        Arguments = Element(_argumentsJson),
        Identity = _identity,
        Source = _sourceJson is null ? null : Element(_sourceJson),
        Request = new AppSyncResolverRequest { Headers = new Dictionary<string, string>(_headers, StringComparer.Ordinal), DomainName = _domainName },
        Prev = _prevResultJson is null ? null : new AppSyncPreviousResult { Result = Element(_prevResultJson) },
        Info = new AppSyncResolverInfo
        {
            FieldName = _fieldName,
            ParentTypeName = _parentTypeName,
            SelectionSetList = [.. _selection],
            SelectionSetGraphQL = SelectionText(),
            Variables = Map(_variablesJson),
        },
        Stash = Map(_stashJson),
    };

    /// <summary>Builds the event and serializes it with <see cref="AppSyncJsonContext"/>.</summary>
    /// <returns>UTF-8 JSON, ready for <c>LambdaTestHost.InvokeAsync</c>.</returns>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(Build(), AppSyncJsonContext.Default.AppSyncResolverEvent);

    /// <summary>Builds a <c>BatchInvoke</c> event: the array of the builders' events, in order.</summary>
    /// <param name="items">The batch's items.</param>
    /// <returns>UTF-8 JSON, ready for <c>LambdaTestHost.InvokeAsync</c>.</returns>
    public static byte[] ToBatchJson(params AppSyncResolverEventBuilder[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return JsonSerializer.SerializeToUtf8Bytes(items.Select(static b => b.Build()).ToArray(), AppSyncJsonContext.Default.AppSyncResolverEventArray);
    }

    private string SelectionText()
    {
        var top = _selection.Where(static f => !f.Contains('/', StringComparison.Ordinal)).ToList();
        if (top.Count == 0)
        {
            return string.Empty;
        }

        var text = new StringBuilder("{\n");
        foreach (var field in top)
        {
            text.Append("  ").Append(field).Append('\n');
        }

        return text.Append('}').ToString();
    }

    private static string RequireObject(string json, string parameter, string what)
    {
        ArgumentNullException.ThrowIfNull(json, parameter);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object ? json : throw new ArgumentException($"{what} must be a JSON object.", parameter);
    }

    private static JsonElement Element(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static Dictionary<string, JsonElement> Map(string json)
    {
        using var document = JsonDocument.Parse(json);
        var map = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            map[property.Name] = property.Value.Clone();
        }

        return map;
    }
}
