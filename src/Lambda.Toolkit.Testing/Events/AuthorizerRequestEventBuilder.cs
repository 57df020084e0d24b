using System.Text.Json;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.ApiGateway;
using Lambda.Toolkit.Events.Authorizers;
using Lambda.Toolkit.Events.HttpApi;

namespace Lambda.Toolkit.Testing.Events;

/// <summary>
/// Builds the event API Gateway sends a Lambda authorizer, in each of its forms: a REST <c>TOKEN</c> event, a REST
/// <c>REQUEST</c> event, a WebSocket <c>$connect</c> <c>REQUEST</c> event, and an HTTP API (payload format 2.0)
/// event. The method (or route) ARN is made from the region, account, API id, stage, verb and path, as API Gateway makes it.
/// </summary>
/// <example>
/// <code>
/// var token = AuthorizerRequestEventBuilder.Token("Bearer abc", "GET", "/orders/1").ToJson();
/// var request = AuthorizerRequestEventBuilder.Request("GET", "/orders/1").WithHeader("x-api-key", "k").ToJson();
/// var v2 = AuthorizerRequestEventBuilder.HttpApi("GET", "/orders/1").WithHeader("authorization", "abc", identitySource: true).ToJson();
/// </code>
/// </example>
public sealed class AuthorizerRequestEventBuilder
{
    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    private readonly Form _form;
    private readonly string _verb;
    private readonly string _path;
    private readonly string? _token;
    private readonly List<KeyValuePair<string, string>> _headers = [];
    private readonly List<KeyValuePair<string, string>> _query = [];
    private readonly List<string> _identitySource = [];
    private string _region = EventDefaults.Region;
    private string _accountId = EventDefaults.AccountId;
    private string _apiId = EventIds.Random(IdAlphabet, 10);
    private string _stage;
    private DateTimeOffset? _time;

    private AuthorizerRequestEventBuilder(Form form, string verb, string path, string? token)
    {
        _form = form;
        _verb = verb;
        _path = path;
        _token = token;
        _stage = form == Form.HttpApi ? "$default" : "prod";
    }

    private enum Form
    {
        Token,
        Request,
        WebSocketConnect,
        HttpApi,
    }

    /// <summary>A REST API <c>TOKEN</c> authorizer event: the token, and the ARN of the method called.</summary>
    /// <param name="token">The token, as the caller sent it in the authorizer's token header.</param>
    /// <param name="httpMethod">The method called. Default: <c>GET</c>.</param>
    /// <param name="path">The resource path called. Default: <c>/</c>.</param>
    /// <returns>A new builder.</returns>
    public static AuthorizerRequestEventBuilder Token(string token, string httpMethod = "GET", string path = "/")
    {
        ArgumentNullException.ThrowIfNull(token);
        return new(Form.Token, Verb(httpMethod), Path(path), token);
    }

    /// <summary>A REST API <c>REQUEST</c> authorizer event: headers, query, stage variables and context of the method called.</summary>
    /// <param name="httpMethod">The method called.</param>
    /// <param name="path">The resource path called.</param>
    /// <returns>A new builder.</returns>
    public static AuthorizerRequestEventBuilder Request(string httpMethod, string path) => new(Form.Request, Verb(httpMethod), Path(path), null);

    /// <summary>A WebSocket API <c>$connect</c> <c>REQUEST</c> authorizer event; its method ARN ends in <c>$connect</c>.</summary>
    /// <returns>A new builder.</returns>
    public static AuthorizerRequestEventBuilder WebSocketConnect() => new(Form.WebSocketConnect, "$connect", string.Empty, null);

    /// <summary>An HTTP API authorizer event, payload format 2.0, with a <c>routeArn</c> and the identity sources added with <see cref="WithHeader"/>.</summary>
    /// <param name="httpMethod">The method called.</param>
    /// <param name="path">The path called.</param>
    /// <returns>A new builder.</returns>
    public static AuthorizerRequestEventBuilder HttpApi(string httpMethod, string path) => new(Form.HttpApi, Verb(httpMethod), Path(path), null);

    /// <summary>The ARN the event will carry as <c>methodArn</c> (or <c>routeArn</c>).</summary>
    public string MethodArn => _form == Form.WebSocketConnect
        ? $"arn:aws:execute-api:{_region}:{_accountId}:{_apiId}/{_stage}/$connect"
        : $"arn:aws:execute-api:{_region}:{_accountId}:{_apiId}/{_stage}/{_verb}{_path}";

    /// <summary>Adds a header (not carried by a <c>TOKEN</c> event, which has only its token).</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The value.</param>
    /// <param name="identitySource">Whether the value is also one of an HTTP API authorizer's <c>identitySource</c> values.</param>
    /// <returns>This builder.</returns>
    public AuthorizerRequestEventBuilder WithHeader(string name, string value, bool identitySource = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        _headers.Add(new(_form == Form.HttpApi ? name.ToLowerInvariant() : name, value));
        if (identitySource)
        {
            _identitySource.Add(value);
        }

        return this;
    }

    /// <summary>Adds a query parameter.</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The decoded value.</param>
    /// <returns>This builder.</returns>
    public AuthorizerRequestEventBuilder WithQuery(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        _query.Add(new(name, value));
        return this;
    }

    /// <summary>Sets the API id. Default: a random 10-character id.</summary>
    /// <param name="apiId">The id.</param>
    /// <returns>This builder.</returns>
    public AuthorizerRequestEventBuilder ForApi(string apiId)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiId);
        _apiId = apiId;
        return this;
    }

    /// <summary>Sets the stage. Default: <c>prod</c> (HTTP API: <c>$default</c>).</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>This builder.</returns>
    public AuthorizerRequestEventBuilder OnStage(string stage)
    {
        ArgumentException.ThrowIfNullOrEmpty(stage);
        _stage = stage;
        return this;
    }

    /// <summary>Sets the region. Default: <c>us-east-1</c>.</summary>
    /// <param name="region">The region.</param>
    /// <returns>This builder.</returns>
    public AuthorizerRequestEventBuilder InRegion(string region)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        _region = region;
        return this;
    }

    /// <summary>Sets the account id. Default: <c>123456789012</c>.</summary>
    /// <param name="accountId">The account id.</param>
    /// <returns>This builder.</returns>
    public AuthorizerRequestEventBuilder InAccount(string accountId)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        _accountId = accountId;
        return this;
    }

    /// <summary>Sets the request time. Default: the time the event is built.</summary>
    /// <param name="time">The time.</param>
    /// <returns>This builder.</returns>
    public AuthorizerRequestEventBuilder At(DateTimeOffset time)
    {
        _time = time;
        return this;
    }

    /// <summary>Builds a REST or WebSocket event (<see cref="Token"/>, <see cref="Request"/>, <see cref="WebSocketConnect"/>).</summary>
    /// <returns>A new event.</returns>
    /// <exception cref="InvalidOperationException">The builder was started with <see cref="HttpApi"/>; use <see cref="BuildHttpApi"/>.</exception>
    public ApiGatewayAuthorizerRequest Build()
    {
        if (_form == Form.HttpApi)
        {
            throw new InvalidOperationException("This builder makes an HTTP API authorizer event: call BuildHttpApi().");
        }

        if (_form == Form.Token)
        {
            return new ApiGatewayAuthorizerRequest { Type = "TOKEN", AuthorizationToken = _token, MethodArn = MethodArn };
        }

        var time = _time ?? DateTimeOffset.UtcNow;
        var rest = _form == Form.Request;
        return new ApiGatewayAuthorizerRequest
        {
            Type = "REQUEST",
            MethodArn = MethodArn,
            Resource = rest ? _path : null,
            Path = rest ? _path : null,
            HttpMethod = rest ? _verb : null,
            Headers = Single(_headers),
            MultiValueHeaders = Multi(_headers),
            QueryStringParameters = Single(_query),
            MultiValueQueryStringParameters = Multi(_query),
            PathParameters = rest ? [] : null,
            StageVariables = [],
            RequestContext = new ApiGatewayProxyRequestContext
            {
                AccountId = _accountId,
                ApiId = _apiId,
                Stage = _stage,
                RequestId = EventIds.Uuid(),
                ResourceId = rest ? EventIds.Random(IdAlphabet, 6) : null,
                ResourcePath = rest ? _path : null,
                Path = rest ? "/" + _stage + _path : null,
                HttpMethod = rest ? _verb : null,
                ConnectionId = rest ? null : EventIds.Random(IdAlphabet, 12) + "=",
                DomainName = $"{_apiId}.execute-api.{_region}.amazonaws.com",
                RequestTime = EventIds.ApiGatewayTime(time),
                RequestTimeEpoch = time.ToUnixTimeMilliseconds(),
                Identity = new ApiGatewayRequestIdentity { SourceIp = "192.0.2.1" },
            },
        };
    }

    /// <summary>Builds an HTTP API (payload format 2.0) event.</summary>
    /// <returns>A new event.</returns>
    /// <exception cref="InvalidOperationException">The builder was not started with <see cref="HttpApi"/>; use <see cref="Build"/>.</exception>
    public HttpApiAuthorizerRequest BuildHttpApi()
    {
        if (_form != Form.HttpApi)
        {
            throw new InvalidOperationException("This builder makes a REST or WebSocket authorizer event: call Build().");
        }

        var time = _time ?? DateTimeOffset.UtcNow;
        var routeKey = _verb + " " + _path;
        return new HttpApiAuthorizerRequest
        {
            Version = "2.0",
            Type = "REQUEST",
            RouteArn = MethodArn,
            IdentitySource = [.. _identitySource],
            RouteKey = routeKey,
            RawPath = _path,
            RawQueryString = string.Join('&', _query.ConvertAll(static q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value))),
            Headers = Joined(_headers),
            QueryStringParameters = Joined(_query),
            RequestContext = new HttpApiRequestContext
            {
                AccountId = _accountId,
                ApiId = _apiId,
                DomainName = $"{_apiId}.execute-api.{_region}.amazonaws.com",
                DomainPrefix = _apiId,
                Http = new HttpApiRequestHttp { Method = _verb, Path = _path, Protocol = "HTTP/1.1", SourceIp = "192.0.2.1" },
                RequestId = EventIds.Random(IdAlphabet, 16),
                RouteKey = routeKey,
                Stage = _stage,
                Time = EventIds.ApiGatewayTime(time),
                TimeEpoch = time.ToUnixTimeMilliseconds(),
            },
        };
    }

    /// <summary>Builds the event in its form and serializes it with <see cref="AuthorizersJsonContext"/>.</summary>
    /// <returns>UTF-8 JSON, ready for <c>LambdaTestHost.InvokeAsync</c>.</returns>
    public byte[] ToJson() => _form == Form.HttpApi
        ? JsonSerializer.SerializeToUtf8Bytes(BuildHttpApi(), AuthorizersJsonContext.Default.HttpApiAuthorizerRequest)
        : JsonSerializer.SerializeToUtf8Bytes(Build(), AuthorizersJsonContext.Default.ApiGatewayAuthorizerRequest);

    private static string Verb(string httpMethod)
    {
        ArgumentException.ThrowIfNullOrEmpty(httpMethod);
        return httpMethod.ToUpperInvariant();
    }

    private static string Path(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.StartsWith('/') ? path : "/" + path;
    }

    private static Dictionary<string, string>? Single(List<KeyValuePair<string, string>> pairs)
    {
        if (pairs.Count == 0)
        {
            return null;
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            map[key] = value;
        }

        return map;
    }

    private static Dictionary<string, IList<string>>? Multi(List<KeyValuePair<string, string>> pairs)
    {
        if (pairs.Count == 0)
        {
            return null;
        }

        var map = new Dictionary<string, IList<string>>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            if (!map.TryGetValue(key, out var values))
            {
                map[key] = values = [];
            }

            values.Add(value);
        }

        return map;
    }

    private static Dictionary<string, string>? Joined(List<KeyValuePair<string, string>> pairs)
    {
        var multi = Multi(pairs);
        if (multi is null)
        {
            return null;
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, values) in multi)
        {
            map[key] = string.Join(',', values);
        }

        return map;
    }
}
