using System.Globalization;
using System.IO.Compression;
using Lambda.Toolkit.Adapters;
using Lambda.Toolkit.Http.Formats;
using Lambda.Toolkit.Http.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lambda.Toolkit.Http;

/// <summary>
/// The HTTP adapter behind <c>MapHttpApi</c>: collects endpoints at map time; at init validates its options and
/// compiles the route table (every bad template, conflict and unregistered endpoint class is an init problem);
/// per invocation reads the request in the format classified once for the invocation, answers CORS preflights,
/// routes, runs the endpoint, turns failures into problem responses and writes the response in the request's format.
/// </summary>
internal sealed partial class HttpApi(Action<HttpApiOptions>? configure) : LambdaAdapter
{
    private readonly List<(string Method, string Template, Func<PipelineBuildContext, HttpHandler> Handler, HttpRouteGroup Group)> _pending = [];
    private HttpApiOptions _options = new();
    private ILogger _logger = NullLogger.Instance;
    private RouteTable? _table;

    public override string Name => "HTTP API";

    /// <summary>An HTTP event in any format (or every event, when the format is fixed by the options).</summary>
    public override bool Accepts(InvocationContext context) => Format(context) != HttpPayloadFormat.Auto;

    public void Add(string method, string template, Func<PipelineBuildContext, HttpHandler> handler, HttpRouteGroup group)
    {
        ThrowIfCompiled();
        _pending.Add((method, template, handler, group));
    }

    public void ThrowIfCompiled()
    {
        if (_table is not null)
        {
            throw new InvalidOperationException("The route table is compiled at init; endpoints and middleware cannot be added after the function has started.");
        }
    }

    public override InvocationDelegate Build(PipelineBuildContext context)
    {
        var options = new HttpApiOptions();
        configure?.Invoke(options);
        context.AddProblems(options.Validate());
        var table = new RouteTable();
        foreach (var (method, template, handler, group) in _pending)
        {
            try
            {
                table.Add(new RouteEndpoint(method, template, RouteActivity.Wrap(method, template, group.Compose(handler(context)))));
            }
            catch (ArgumentException ex)
            {
                // A bad template or a conflicting route: one problem each, all reported together.
                context.AddProblem(ex.Message);
            }
        }

        _options = options;
        _logger = context.CreateLogger("Lambda.Toolkit.Http");
        _table = table;
        return HandleAsync;
    }

    /// <summary>The payload's HTTP format: fixed by the options, or classified once per invocation.</summary>
    private HttpPayloadFormat Format(InvocationContext context) =>
        _options.Format != HttpPayloadFormat.Auto ? _options.Format : context.Classify(HttpPayloadClassifier.Instance);

    public async ValueTask HandleAsync(InvocationContext context)
    {
        var started = HttpInstruments.Start(context);
        var request = RequestReader.Read(Format(context), context);
        var headers = new List<KeyValuePair<string, string>>();
        var result = await AnswerAsync(request, headers).ConfigureAwait(false);

        if (result.ContentType is not null)
        {
            headers.Insert(0, new("Content-Type", result.ContentType));
        }

        headers.AddRange(result.Headers);
        AddCorsHeaders(request, headers);
        result = Compress(request, result, headers);
        ResponseWriter.Write(context, request, result, headers, head: request.Method == "HEAD");
        HttpInstruments.Stop(started, request, result.StatusCode);
    }

    private async ValueTask<HttpResult> AnswerAsync(HttpRequest request, List<KeyValuePair<string, string>> headers)
    {
        if (request.BodyLength > _options.MaxRequestBodySize)
        {
            return HttpResult.Problem(413, "Payload Too Large", $"The request body is larger than the {_options.MaxRequestBodySize} bytes this API accepts.");
        }

        if (_options.Cors is { } cors && request.Method == "OPTIONS" && request.Header("Origin") is { } origin && request.Header("Access-Control-Request-Method") is { } requested)
        {
            return Preflight(cors, origin, requested, headers);
        }

        var match = (_table ?? throw new InvalidOperationException("The route table was not compiled.")).Match(request.Method, request.Path);
        if (match.Endpoint is null)
        {
            if (match.AllowedMethods is { Count: > 0 } allowed)
            {
                headers.Add(new("Allow", string.Join(", ", allowed.Order(StringComparer.Ordinal))));
                return HttpResult.Problem(405, "Method Not Allowed", $"{request.Method} is not allowed on {request.Path}.");
            }

            return HttpResult.Problem(404, "Not Found", $"No route matches {request.Path}.");
        }

        if (match.Values is { } values)
        {
            request.RouteValues = values;
        }

        request.RouteTemplate = match.Endpoint.Template;
        using var logScope = HttpLogScope.Begin(_logger, request, match.Endpoint.Template);
        try
        {
            return await match.Endpoint.Handler(request, request.CancellationToken).ConfigureAwait(false);
        }
        catch (HttpBadRequestException ex)
        {
            return HttpResult.Problem(400, "Bad Request", ex.Message);
        }
        catch (OperationCanceledException) when (request.CancellationToken.IsCancellationRequested)
        {
            throw; // the invocation's deadline: reported as a timeout
        }
        catch (Exception ex)
        {
            LogUnhandled(_logger, request.Method, match.Endpoint.Template, request.Invocation.RequestId, ex);
            return HttpResult.Problem(500, "Internal Server Error", "An unexpected error occurred.", instance: request.Invocation.RequestId);
        }
    }

    private static HttpResult Preflight(Cors.CorsOptions cors, string origin, string requested, List<KeyValuePair<string, string>> headers)
    {
        if (!cors.Allows(origin) || !cors.AllowedMethods.Contains(requested, StringComparer.OrdinalIgnoreCase))
        {
            return HttpResult.Problem(403, "Forbidden", "The CORS preflight is not allowed for this origin or method.");
        }

        headers.Add(new("Access-Control-Allow-Methods", string.Join(", ", cors.AllowedMethods)));
        headers.Add(new("Access-Control-Allow-Headers", string.Join(", ", cors.AllowedHeaders)));
        headers.Add(new("Access-Control-Max-Age", ((long)cors.MaxAge.TotalSeconds).ToString(CultureInfo.InvariantCulture)));
        return HttpResult.NoContent();
    }

    private void AddCorsHeaders(HttpRequest request, List<KeyValuePair<string, string>> headers)
    {
        if (_options.Cors is not { } cors || request.Header("Origin") is not { } origin || !cors.Allows(origin))
        {
            return;
        }

        headers.Add(new("Access-Control-Allow-Origin", cors.AnyOrigin && !cors.AllowCredentials ? "*" : origin));
        headers.Add(new("Vary", "Origin"));
        if (cors.AllowCredentials)
        {
            headers.Add(new("Access-Control-Allow-Credentials", "true"));
        }

        if (cors.ExposedHeaders.Count > 0)
        {
            headers.Add(new("Access-Control-Expose-Headers", string.Join(", ", cors.ExposedHeaders)));
        }
    }

    private HttpResult Compress(HttpRequest request, HttpResult result, List<KeyValuePair<string, string>> headers)
    {
        if (_options.CompressionThreshold is not { } threshold || result.IsBinary || result.Body.Length < threshold || !Compressible(result.ContentType)
            || request.Header("Accept-Encoding") is not { } accepted || headers.Exists(static h => string.Equals(h.Key, "Content-Encoding", StringComparison.OrdinalIgnoreCase)))
        {
            return result;
        }

        var brotli = accepted.Contains("br", StringComparison.OrdinalIgnoreCase);
        if (!brotli && !accepted.Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            return result;
        }

        using var buffer = new MemoryStream();
        using (Stream compressor = brotli ? new BrotliStream(buffer, CompressionLevel.Fastest, leaveOpen: true) : new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            compressor.Write(result.Body.Span);
        }

        headers.Add(new("Content-Encoding", brotli ? "br" : "gzip"));
        headers.Add(new("Vary", "Accept-Encoding"));
        return result.WithBody(buffer.ToArray(), isBinary: true);
    }

    private static bool Compressible(string? contentType) =>
        contentType is not null && (contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || contentType.Contains("json", StringComparison.OrdinalIgnoreCase)
            || contentType.Contains("xml", StringComparison.OrdinalIgnoreCase)
            || contentType.Contains("javascript", StringComparison.OrdinalIgnoreCase));

    [LoggerMessage(EventId = 200, Level = LogLevel.Error, Message = "Unhandled exception in {Method} {Route} (request {RequestId})")]
    private static partial void LogUnhandled(ILogger logger, string method, string route, string requestId, Exception exception);
}
