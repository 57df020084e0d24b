namespace Lambda.Toolkit.Http;

/// <summary>Adds an HTTP API to a <see cref="LambdaApplication"/>.</summary>
public static class HttpApiApplicationExtensions
{
    /// <summary>
    /// Maps the HTTP adapter: API Gateway REST (v1) and HTTP API (v2) events, Function URL events and ALB
    /// events, all served by the one route table built on the returned group. Other events are left to other
    /// handlers.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <param name="configure">Format, body limit, CORS, compression; run and validated at init, where a problem fails init.</param>
    /// <returns>The root route group.</returns>
    public static HttpRouteGroup MapHttpApi(this LambdaApplication app, Action<HttpApiOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = new HttpApi(configure);
        app.MapAdapter(api);
        return new HttpRouteGroup(api, "/", null);
    }
}
