using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Alb;
using Lambda.Toolkit.Events.ApiGateway;
using Lambda.Toolkit.Events.HttpApi;
using Lambda.Toolkit.Events.Http;

namespace Lambda.Toolkit.Testing.Events;

/// <summary>
/// Describes one HTTP request (method, path, query, headers, cookies, body) and renders it as the event API Gateway
/// REST (v1), HTTP API (v2), a function URL or an ALB would send for it, with the headers, ids, domain names,
/// times and base64 body encoding each of them adds.
/// </summary>
/// <example>
/// <code>
/// var request = new HttpRequestEventBuilder("POST", "/orders?dryRun=true")
///     .WithHeader("X-Tenant", "acme")
///     .WithCookie("session", "abc")
///     .WithJsonBody(new Order(42), MyJson.Default.Order);
/// byte[] v2 = request.ToJson(HttpEventSource.HttpApi);
/// ApiGatewayProxyRequest v1 = request.BuildRestApi();
/// </code>
/// </example>
public sealed class HttpRequestEventBuilder
{
    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    private readonly List<KeyValuePair<string, string>> _query = [];
    private readonly List<KeyValuePair<string, string>> _headers = [];
    private readonly List<KeyValuePair<string, string>> _cookies = [];
    private string? _body;
    private bool _base64;
    private string _region = EventDefaults.Region;
    private string _accountId = EventDefaults.AccountId;
    private string _sourceIp = "203.0.113.17";
    private string _userAgent = "Mozilla/5.0 (X11; Linux x86_64) Lambda.Toolkit.Testing";
    private string? _routeTemplate;
    private DateTimeOffset? _time;

    /// <summary>Starts a request.</summary>
    /// <param name="method">The HTTP method, such as <c>GET</c>.</param>
    /// <param name="pathAndQuery">The path, optionally followed by <c>?</c> and a URL-encoded query string.</param>
    public HttpRequestEventBuilder(string method, string pathAndQuery)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentException.ThrowIfNullOrEmpty(pathAndQuery);
        Method = method.ToUpperInvariant();
        var question = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        Path = question < 0 ? pathAndQuery : pathAndQuery[..question];
        if (!Path.StartsWith('/'))
        {
            throw new ArgumentException("The path must start with '/'.", nameof(pathAndQuery));
        }

        if (question >= 0)
        {
            foreach (var pair in pathAndQuery[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var name = Uri.UnescapeDataString((equals < 0 ? pair : pair[..equals]).Replace('+', ' '));
                var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
                _query.Add(new(name, value));
            }
        }
    }

    /// <summary>The request method, upper case.</summary>
    public string Method { get; }

    /// <summary>The request path, without the query string.</summary>
    public string Path { get; }

    /// <summary>Adds a query string parameter; adding a name again makes it multi-valued.</summary>
    /// <param name="name">The parameter name, not encoded.</param>
    /// <param name="value">The value, not encoded.</param>
    /// <returns>This builder.</returns>
    public HttpRequestEventBuilder WithQuery(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        _query.Add(new(name, value));
        return this;
    }

    /// <summary>Adds a request header; adding a name again makes it multi-valued.</summary>
    /// <param name="name">The header name, in the case the client sent it.</param>
    /// <param name="value">The header value.</param>
    /// <returns>This builder.</returns>
    public HttpRequestEventBuilder WithHeader(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        _headers.Add(new(name, value));
        return this;
    }

    /// <summary>Adds a cookie: a <c>Cookie</c> header for REST and ALB, an entry of <c>cookies</c> for payload 2.0.</summary>
    /// <param name="name">The cookie name.</param>
    /// <param name="value">The cookie value.</param>
    /// <returns>This builder.</returns>
    public HttpRequestEventBuilder WithCookie(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        _cookies.Add(new(name, value));
        return this;
    }

    /// <summary>Sets a JSON body and <c>Content-Type: application/json</c>.</summary>
    /// <typeparam name="T">The body type.</typeparam>
    /// <param name="value">The body value.</param>
    /// <param name="jsonTypeInfo">Source-generated JSON metadata for <typeparamref name="T"/>.</param>
    /// <returns>This builder.</returns>
    public HttpRequestEventBuilder WithJsonBody<T>(T value, JsonTypeInfo<T> jsonTypeInfo) =>
        WithTextBody(JsonSerializer.Serialize(value, jsonTypeInfo), "application/json");

    /// <summary>Sets a text body, sent as is (not base64-encoded).</summary>
    /// <param name="text">The body.</param>
    /// <param name="contentType">The <c>Content-Type</c> header. Default: <c>text/plain; charset=utf-8</c>.</param>
    /// <returns>This builder.</returns>
    public HttpRequestEventBuilder WithTextBody(string text, string contentType = "text/plain; charset=utf-8")
    {
        ArgumentNullException.ThrowIfNull(text);
        _body = text;
        _base64 = false;
        return SetContentType(contentType);
    }

    /// <summary>Sets a binary body, sent base64-encoded with <c>isBase64Encoded: true</c>.</summary>
    /// <param name="bytes">The body.</param>
    /// <param name="contentType">The <c>Content-Type</c> header. Default: <c>application/octet-stream</c>.</param>
    /// <returns>This builder.</returns>
    public HttpRequestEventBuilder WithBinaryBody(ReadOnlySpan<byte> bytes, string contentType = "application/octet-stream")
    {
        _body = Convert.ToBase64String(bytes);
        _base64 = true;
        return SetContentType(contentType);
    }

    /// <summary>Sets the client's address. Default: <c>203.0.113.17</c>.</summary>
    /// <param name="sourceIp">The IP address.</param>
    /// <returns>This builder.</returns>
    public HttpRequestEventBuilder WithSourceIp(string sourceIp)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceIp);
        _sourceIp = sourceIp;
        return this;
    }

    /// <summary>Sets the client's <c>User-Agent</c>.</summary>
    /// <param name="userAgent">The user agent.</param>
    /// <returns>This builder.</returns>
    public HttpRequestEventBuilder WithUserAgent(string userAgent)
    {
        ArgumentException.ThrowIfNullOrEmpty(userAgent);
        _userAgent = userAgent;
        return this;
    }

    /// <summary>
    /// Sets the API's route template, such as <c>/orders/{id}</c>: the REST <c>resource</c> and the HTTP API
    /// <c>routeKey</c>, with <c>pathParameters</c> taken from the path. Default: a greedy <c>/{proxy+}</c> (REST)
    /// and <c>$default</c> (HTTP API).
    /// </summary>
    /// <param name="template">The template, with <c>{name}</c> segments and an optional final <c>{name+}</c>.</param>
    /// <returns>This builder.</returns>
    public HttpRequestEventBuilder WithRoute(string template)
    {
        ArgumentException.ThrowIfNullOrEmpty(template);
        _routeTemplate = template;
        return this;
    }

    /// <summary>Sets the region. Default: <c>us-east-1</c>.</summary>
    /// <param name="region">The region name.</param>
    /// <returns>This builder.</returns>
    public HttpRequestEventBuilder InRegion(string region)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        _region = region;
        return this;
    }

    /// <summary>Sets the account id. Default: <c>123456789012</c>.</summary>
    /// <param name="accountId">The 12-digit account id.</param>
    /// <returns>This builder.</returns>
    public HttpRequestEventBuilder InAccount(string accountId)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        _accountId = accountId;
        return this;
    }

    /// <summary>Sets when the request arrived. Default: the time the event is built.</summary>
    /// <param name="time">The time.</param>
    /// <returns>This builder.</returns>
    public HttpRequestEventBuilder At(DateTimeOffset time)
    {
        _time = time;
        return this;
    }

    /// <summary>Renders the request as an API Gateway REST API proxy event (payload format 1.0).</summary>
    /// <returns>A new event.</returns>
    public ApiGatewayProxyRequest BuildRestApi()
    {
        var time = _time ?? DateTimeOffset.UtcNow;
        var apiId = EventIds.Random(IdAlphabet, 10);
        var stage = "prod";
        var resource = _routeTemplate ?? "/{proxy+}";
        var headers = ForwardingHeaders($"{apiId}.execute-api.{_region}.amazonaws.com", preserveCase: true);
        return new ApiGatewayProxyRequest
        {
            Resource = resource,
            Path = Path,
            HttpMethod = Method,
            Headers = SingleValue(headers),
            MultiValueHeaders = MultiValue(headers),
            QueryStringParameters = _query.Count == 0 ? null : SingleValue(_query),
            MultiValueQueryStringParameters = _query.Count == 0 ? null : MultiValue(_query),
            PathParameters = PathParameters(resource),
            RequestContext = new ApiGatewayProxyRequestContext
            {
                AccountId = _accountId,
                ResourceId = EventIds.Random(IdAlphabet, 6),
                Stage = stage,
                RequestId = EventIds.Uuid(),
                ExtendedRequestId = ShortRequestId(),
                Identity = new ApiGatewayRequestIdentity { SourceIp = _sourceIp, UserAgent = _userAgent },
                ResourcePath = resource,
                Path = "/" + stage + Path,
                HttpMethod = Method,
                ApiId = apiId,
                Protocol = "HTTP/1.1",
                DomainName = $"{apiId}.execute-api.{_region}.amazonaws.com",
                DomainPrefix = apiId,
                RequestTime = EventIds.ApiGatewayTime(time),
                RequestTimeEpoch = time.ToUnixTimeMilliseconds(),
            },
            Body = _body,
            IsBase64Encoded = _base64,
        };
    }

    /// <summary>Renders the request as an API Gateway HTTP API event (payload format 2.0).</summary>
    /// <returns>A new event.</returns>
    public HttpApiRequest BuildHttpApi()
    {
        var apiId = EventIds.Random(IdAlphabet, 10);
        var routeKey = _routeTemplate is null ? "$default" : Method + " " + _routeTemplate;
        var request = BuildPayload2($"{apiId}.execute-api.{_region}.amazonaws.com", apiId, routeKey, ShortRequestId(), _routeTemplate is null ? null : PathParameters(_routeTemplate));
        request.RequestContext.RouteId = EventIds.Random(IdAlphabet, 7);
        return request;
    }

    /// <summary>Renders the request as a Lambda function URL event (payload format 2.0, <c>$default</c> route).</summary>
    /// <returns>A new event.</returns>
    public HttpApiRequest BuildFunctionUrl()
    {
        var urlId = EventIds.Random(IdAlphabet, 32);
        return BuildPayload2($"{urlId}.lambda-url.{_region}.on.aws", urlId, "$default", EventIds.Uuid(), pathParameters: null);
    }

    /// <summary>Renders the request as an Application Load Balancer event.</summary>
    /// <param name="multiValueHeaders">Whether the target group has multi-value headers turned on.</param>
    /// <returns>A new event.</returns>
    public AlbRequest BuildAlb(bool multiValueHeaders = false)
    {
        var headers = ForwardingHeaders("my-alb-" + EventIds.Random("0123456789", 10) + "." + _region + ".elb.amazonaws.com", preserveCase: false);
        headers.Add(new("x-amzn-trace-id", TraceIds.New(_time ?? DateTimeOffset.UtcNow).Split(';')[0]));
        if (_cookies.Count > 0)
        {
            headers.Add(new("cookie", CookieHeader()));
        }

        // The load balancer passes the query string through still URL-encoded.
        var query = _query.ConvertAll(p => new KeyValuePair<string, string>(Uri.EscapeDataString(p.Key), Uri.EscapeDataString(p.Value)));
        var request = new AlbRequest
        {
            RequestContext = new AlbRequestContext
            {
                Elb = new AlbElbContext { TargetGroupArn = $"arn:aws:elasticloadbalancing:{_region}:{_accountId}:targetgroup/lambda-target/{EventIds.Hex32()[..16]}" },
            },
            HttpMethod = Method,
            Path = Path,
            Body = _body ?? string.Empty,
            IsBase64Encoded = _base64,
        };
        if (multiValueHeaders)
        {
            request.MultiValueHeaders = MultiValue(headers);
            request.MultiValueQueryStringParameters = MultiValue(query);
        }
        else
        {
            request.Headers = SingleValue(headers);
            request.QueryStringParameters = SingleValue(query);
        }

        return request;
    }

    /// <summary>Renders the request in the given form and serializes it with <see cref="HttpJsonContext"/>.</summary>
    /// <param name="source">The wire form.</param>
    /// <returns>The event as UTF-8 JSON, ready for <c>LambdaTestHost.InvokeAsync</c>.</returns>
    public byte[] ToJson(HttpEventSource source) => source switch
    {
        HttpEventSource.RestApi => JsonSerializer.SerializeToUtf8Bytes(BuildRestApi(), HttpJsonContext.Default.ApiGatewayProxyRequest),
        HttpEventSource.HttpApi => JsonSerializer.SerializeToUtf8Bytes(BuildHttpApi(), HttpJsonContext.Default.HttpApiRequest),
        HttpEventSource.FunctionUrl => JsonSerializer.SerializeToUtf8Bytes(BuildFunctionUrl(), HttpJsonContext.Default.HttpApiRequest),
        HttpEventSource.Alb => JsonSerializer.SerializeToUtf8Bytes(BuildAlb(), HttpJsonContext.Default.AlbRequest),
        HttpEventSource.AlbMultiValue => JsonSerializer.SerializeToUtf8Bytes(BuildAlb(multiValueHeaders: true), HttpJsonContext.Default.AlbRequest),
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Unknown HTTP event source."),
    };

    private HttpApiRequest BuildPayload2(string domainName, string apiId, string routeKey, string requestId, Dictionary<string, string>? pathParameters)
    {
        var time = _time ?? DateTimeOffset.UtcNow;
        var headers = ForwardingHeaders(domainName, preserveCase: false);
        headers.Add(new("x-amzn-trace-id", TraceIds.New(time).Split(';')[0]));
        var joined = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            joined[name] = joined.TryGetValue(name, out var earlier) ? earlier + "," + value : value;
        }

        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in _query)
        {
            query[name] = query.TryGetValue(name, out var earlier) ? earlier + "," + value : value;
        }

        return new HttpApiRequest
        {
            Version = "2.0",
            RouteKey = routeKey,
            RawPath = Path,
            RawQueryString = string.Join('&', _query.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value))),
            Cookies = _cookies.Count == 0 ? null : _cookies.Select(c => c.Key + "=" + c.Value).ToList(),
            Headers = joined,
            QueryStringParameters = query.Count == 0 ? null : query,
            PathParameters = pathParameters,
            RequestContext = new HttpApiRequestContext
            {
                AccountId = _accountId,
                ApiId = apiId,
                DomainName = domainName,
                DomainPrefix = apiId,
                Http = new HttpApiRequestHttp { Method = Method, Path = Path, Protocol = "HTTP/1.1", SourceIp = _sourceIp, UserAgent = _userAgent },
                RequestId = requestId,
                RouteKey = routeKey,
                Stage = "$default",
                Time = EventIds.ApiGatewayTime(time),
                TimeEpoch = time.ToUnixTimeMilliseconds(),
            },
            Body = _body,
            IsBase64Encoded = _base64,
        };
    }

    /// <summary>The client's headers plus those the front door adds, in the case the source writes them.</summary>
    private List<KeyValuePair<string, string>> ForwardingHeaders(string host, bool preserveCase)
    {
        var headers = new List<KeyValuePair<string, string>>
        {
            new("Host", host),
            new("User-Agent", _userAgent),
            new("X-Forwarded-For", _sourceIp),
            new("X-Forwarded-Port", "443"),
            new("X-Forwarded-Proto", "https"),
        };
        if (preserveCase)
        {
            headers.Add(new("X-Amzn-Trace-Id", TraceIds.New(_time ?? DateTimeOffset.UtcNow).Split(';')[0]));
            if (_cookies.Count > 0)
            {
                headers.Add(new("Cookie", CookieHeader()));
            }
        }

        headers.AddRange(_headers);
        return preserveCase ? headers : headers.ConvertAll(h => new KeyValuePair<string, string>(h.Key.ToLowerInvariant(), h.Value));
    }

    private string CookieHeader() => string.Join("; ", _cookies.Select(c => c.Key + "=" + c.Value));

    private Dictionary<string, string>? PathParameters(string template)
    {
        var names = template.Split('/');
        var values = Path.Split('/');
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length && i < values.Length; i++)
        {
            var segment = names[i];
            if (segment.Length > 2 && segment[0] == '{' && segment[^1] == '}')
            {
                var greedy = segment.EndsWith("+}", StringComparison.Ordinal);
                var name = segment[1..^(greedy ? 2 : 1)];
                parameters[name] = greedy ? string.Join('/', values[i..]) : Uri.UnescapeDataString(values[i]);
            }
        }

        return parameters.Count == 0 ? null : parameters;
    }

    private HttpRequestEventBuilder SetContentType(string contentType)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        _headers.RemoveAll(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase));
        _headers.Add(new("Content-Type", contentType));
        return this;
    }

    private static string ShortRequestId() => EventIds.Random("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 14) + "w=";

    private static Dictionary<string, string> SingleValue(List<KeyValuePair<string, string>> pairs)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in pairs)
        {
            map[name] = value;
        }

        return map;
    }

    private static Dictionary<string, IList<string>> MultiValue(List<KeyValuePair<string, string>> pairs)
    {
        var map = new Dictionary<string, IList<string>>(StringComparer.Ordinal);
        foreach (var (name, value) in pairs)
        {
            if (!map.TryGetValue(name, out var values))
            {
                map[name] = values = [];
            }

            values.Add(value);
        }

        return map;
    }
}
