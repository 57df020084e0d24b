using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Http.Formats;

namespace Lambda.Toolkit.Http;

/// <summary>
/// One HTTP request, the same whatever event carried it (REST API v1, HTTP API v2 / Function URL, ALB):
/// method, path, route values, query, headers and cookies (case-insensitive names, multi-value), body,
/// caller and authorizer facts, and the invocation's services and cancellation token.
/// </summary>
public sealed class HttpRequest
{
    private static readonly IReadOnlyList<string> None = [];
    private readonly HeaderSource _headers;
    private readonly QuerySource _querySource;
    private Dictionary<string, List<string>>? _query;
    private readonly string? _body;
    private readonly bool _base64;
    private Dictionary<string, string>? _cookies;
    private IReadOnlyList<string>? _rawCookies;
    private byte[]? _decodedBody;

    internal HttpRequest(
        HttpPayloadFormat format,
        string method,
        string path,
        HeaderSource headers,
        QuerySource query,
        IReadOnlyList<string>? cookies,
        string? body,
        bool base64,
        InvocationContext invocation,
        object rawEvent)
    {
        Format = format;
        Method = method;
        Path = path;
        _headers = headers;
        _querySource = query;
        _rawCookies = cookies;
        _body = body;
        _base64 = base64;
        Invocation = invocation;
        RawEvent = rawEvent;
    }

    /// <summary>
    /// The request's correlation id, to pass on to what the endpoint calls: the <c>x-correlation-id</c> header when the
    /// caller sent one, else the API Gateway request id (<c>requestContext.requestId</c> of a REST API, HTTP API or Function
    /// URL event); <see langword="null"/> for an ALB request without the header. Log lines written while the endpoint runs
    /// carry it as <c>correlationId</c>.
    /// </summary>
    public string? CorrelationId => Header(Logging.LambdaLogKeys.CorrelationIdHeader) is { Length: > 0 } id ? id : GatewayRequestId;

    /// <summary>The API Gateway request id (<c>requestContext.requestId</c>), when the event has one.</summary>
    internal string? GatewayRequestId { get; init; }

    /// <summary>The event format the request arrived in.</summary>
    public HttpPayloadFormat Format { get; }

    /// <summary>The HTTP method, upper case.</summary>
    public string Method { get; }

    /// <summary>The request path as sent (not decoded).</summary>
    public string Path { get; }

    /// <summary>The values of the matched route's parameters, decoded.</summary>
    public IReadOnlyDictionary<string, string> RouteValues { get; internal set; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;

    /// <summary>The matched route's template, for example <c>/orders/{id:int}</c>.</summary>
    public string? RouteTemplate { get; internal set; }

    /// <summary>The caller's IP address.</summary>
    public string? SourceIp { get; init; }

    /// <summary>The caller's User-Agent.</summary>
    public string? UserAgent => Header("User-Agent");

    /// <summary>The authorizer's claims (JWT claims of an HTTP API, Cognito claims of a REST API), or empty.</summary>
    public IReadOnlyDictionary<string, string> Claims { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;

    /// <summary>The context a Lambda authorizer returned, or empty.</summary>
    public IReadOnlyDictionary<string, JsonElement> AuthorizerContext { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, JsonElement>.Empty;

    /// <summary>The event as Lambda sent it: an <c>ApiGatewayProxyRequest</c>, <c>HttpApiRequest</c> or <c>AlbRequest</c>.</summary>
    public object RawEvent { get; }

    /// <summary>The invocation: request id, deadline, services.</summary>
    public InvocationContext Invocation { get; }

    /// <summary>The invocation's services (scoped to it).</summary>
    public IServiceProvider Services => Invocation.Services;

    /// <summary>Fires a margin before the invocation's deadline.</summary>
    public CancellationToken CancellationToken => Invocation.CancellationToken;

    /// <summary>The header names present.</summary>
    public IEnumerable<string> HeaderNames => _headers.Names();

    /// <summary>The first value of a header, matched ignoring case, or <see langword="null"/>.</summary>
    /// <param name="name">The header name.</param>
    /// <returns>The value.</returns>
    public string? Header(string name) => _headers.First(name);

    /// <summary>Every value of a header, matched ignoring case.</summary>
    /// <param name="name">The header name.</param>
    /// <returns>The values; empty when absent.</returns>
    public IReadOnlyList<string> HeaderValues(string name) => _headers.All(name) ?? None;

    /// <summary>The first value of a query parameter, decoded, or <see langword="null"/>.</summary>
    /// <param name="name">The parameter name (case-sensitive).</param>
    /// <returns>The value.</returns>
    public string? Query(string name) => QueryMap.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>
    /// The first value of a required query parameter, parsed with the invariant culture through
    /// <see cref="IParsable{TSelf}"/> (no reflection: Native-AOT safe), as ASP.NET Core binds a non-nullable parameter.
    /// </summary>
    /// <typeparam name="T">The value's type: <see cref="int"/>, <see cref="long"/>, <see cref="Guid"/>, <see cref="DateTimeOffset"/>, ...</typeparam>
    /// <param name="name">The parameter name (case-sensitive).</param>
    /// <returns>The value.</returns>
    /// <exception cref="HttpBadRequestException">The parameter is absent or not a <typeparamref name="T"/> (answered with 400).</exception>
    public T Query<T>(string name)
        where T : IParsable<T> =>
        Query(name) is { } text ? Parse<T>(name, text) : throw new HttpBadRequestException($"Required parameter \"{TypeName<T>()} {name}\" was not provided from query string.");

    /// <summary>
    /// The first value of an optional query parameter, parsed with the invariant culture through
    /// <see cref="IParsable{TSelf}"/>, or <paramref name="defaultValue"/> when it is absent.
    /// </summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="name">The parameter name (case-sensitive).</param>
    /// <param name="defaultValue">The value when the parameter is absent.</param>
    /// <returns>The value.</returns>
    /// <exception cref="HttpBadRequestException">The parameter is present but not a <typeparamref name="T"/> (answered with 400).</exception>
    public T Query<T>(string name, T defaultValue)
        where T : IParsable<T> =>
        Query(name) is { } text ? Parse<T>(name, text) : defaultValue;

    /// <summary>Every value of a query parameter, decoded.</summary>
    /// <param name="name">The parameter name (case-sensitive).</param>
    /// <returns>The values; empty when absent.</returns>
    public IReadOnlyList<string> QueryValues(string name) => QueryMap.TryGetValue(name, out var values) ? values : None;

    /// <summary>The query parameter names present.</summary>
    public IEnumerable<string> QueryNames => QueryMap.Keys;

    /// <summary>The query, parsed on first use only.</summary>
    private Dictionary<string, List<string>> QueryMap => _query ??= _querySource.Parse();

    /// <summary>The request cookies by name.</summary>
    public IReadOnlyDictionary<string, string> Cookies => _cookies ??= ParseCookies();

    /// <summary>The value of a route parameter, or <see langword="null"/>.</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The decoded value.</returns>
    public string? RouteValue(string name) => RouteValues.TryGetValue(name, out var value) ? value : null;

    /// <summary>
    /// The value of a route parameter, parsed with the invariant culture through <see cref="IParsable{TSelf}"/>
    /// (no reflection: Native-AOT safe). Give the route a constraint (<c>{id:int}</c>) to answer 404 instead of 400
    /// when the segment does not fit.
    /// </summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="name">The parameter name.</param>
    /// <returns>The value.</returns>
    /// <exception cref="HttpBadRequestException">The value is absent (an optional segment) or not a <typeparamref name="T"/> (answered with 400).</exception>
    public T RouteValue<T>(string name)
        where T : IParsable<T> =>
        RouteValue(name) is { } text ? Parse<T>(name, text) : throw new HttpBadRequestException($"Required parameter \"{TypeName<T>()} {name}\" was not provided from route.");

    /// <summary>The body as bytes, base64-decoded when the event says so.</summary>
    /// <exception cref="HttpBadRequestException">The body is flagged base64 but is not.</exception>
    public ReadOnlyMemory<byte> Body => _decodedBody ??= Decode();

    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText => _base64 ? Encoding.UTF8.GetString(Body.Span) : _body ?? string.Empty;

    /// <summary>The body as a read-only stream.</summary>
    /// <returns>A stream over the body.</returns>
    public Stream OpenBody() => new MemoryStream(_decodedBody ?? Decode(), writable: false);

    /// <summary>Reads the JSON body through source-generated metadata.</summary>
    /// <typeparam name="T">The body's type.</typeparam>
    /// <param name="jsonTypeInfo">Metadata for <typeparamref name="T"/>.</param>
    /// <returns>The body.</returns>
    /// <exception cref="HttpBadRequestException">The body is missing, not JSON, or not a <typeparamref name="T"/> (answered with 400).</exception>
    public T ReadJson<T>(JsonTypeInfo<T> jsonTypeInfo)
    {
        ArgumentNullException.ThrowIfNull(jsonTypeInfo);
        var body = Body;
        if (body.IsEmpty)
        {
            throw new HttpBadRequestException($"The request body is empty; a JSON {typeof(T).Name} was expected.");
        }

        try
        {
            return EventReader.Read(body.Span, jsonTypeInfo);
        }
        catch (InvalidEventException ex) when (ex.InnerException is null)
        {
            throw new HttpBadRequestException($"The request body is null; a JSON {typeof(T).Name} was expected.", ex);
        }
        catch (InvalidEventException ex)
        {
            var where = ex.JsonPath is { Length: > 1 } path ? $" at {path}" : string.Empty;
            throw new HttpBadRequestException($"The request body is not a valid {typeof(T).Name}{where}.", ex);
        }
    }

    /// <summary>The Content-Type's media type, without parameters, or <see langword="null"/> when there is none.</summary>
    internal string? MediaType => Header("Content-Type") is { } contentType && contentType.Split(';', 2)[0].Trim() is { Length: > 0 } mediaType ? mediaType : null;

    /// <summary>
    /// Whether the body may be read as JSON: <c>application/json</c>, <c>application/*+json</c>, or no Content-Type
    /// at all (test events and many clients omit it).
    /// </summary>
    /// <returns><see langword="false"/> when the request names another media type.</returns>
    internal bool HasJsonContentType() => MediaType is not { } mediaType
        || mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    internal int BodyLength => _body is null ? 0 : _base64 ? (_body.Length / 4 * 3) : Encoding.UTF8.GetByteCount(_body);

    private static T Parse<T>(string name, string text)
        where T : IParsable<T> =>
        T.TryParse(text, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new HttpBadRequestException($"Failed to bind parameter \"{TypeName<T>()} {name}\" from \"{text}\".");

    /// <summary>The C# name of <typeparamref name="T"/>, as ASP.NET Core's binding messages spell it.</summary>
    private static string TypeName<T>() => Type.GetTypeCode(typeof(T)) switch
    {
        TypeCode.Boolean => "bool",
        TypeCode.Byte => "byte",
        TypeCode.SByte => "sbyte",
        TypeCode.Int16 => "short",
        TypeCode.UInt16 => "ushort",
        TypeCode.Int32 => "int",
        TypeCode.UInt32 => "uint",
        TypeCode.Int64 => "long",
        TypeCode.UInt64 => "ulong",
        TypeCode.Single => "float",
        TypeCode.Double => "double",
        TypeCode.Decimal => "decimal",
        TypeCode.Char => "char",
        TypeCode.String => "string",
        _ => typeof(T).Name,
    };

    private byte[] Decode()
    {
        if (string.IsNullOrEmpty(_body))
        {
            return [];
        }

        if (!_base64)
        {
            return Encoding.UTF8.GetBytes(_body);
        }

        try
        {
            return Convert.FromBase64String(_body);
        }
        catch (FormatException ex)
        {
            throw new HttpBadRequestException("The request body is flagged base64-encoded but is not valid base64.", ex);
        }
    }

    private Dictionary<string, string> ParseCookies()
    {
        var cookies = new Dictionary<string, string>(StringComparer.Ordinal);
        var pairs = _rawCookies ?? HeaderValues("Cookie").SelectMany(static h => h.Split(';')).ToList();
        foreach (var pair in pairs)
        {
            var trimmed = pair.Trim();
            var equals = trimmed.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                cookies.TryAdd(trimmed[..equals].Trim(), trimmed[(equals + 1)..].Trim());
            }
        }

        return cookies;
    }
}
