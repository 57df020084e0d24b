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
    /// <param name="configure">Format, body limit, CORS, compression.</param>
    /// <returns>The root route group.</returns>
    public static HttpRouteGroup MapHttpApi(this LambdaApplication app, Action<HttpApiOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = new HttpApiOptions();
        configure?.Invoke(options);
        options.Validate();
        var api = new HttpApi(options, app.ServicesOrNull);
        app.OnInit((_, _) =>
        {
            api.Compile();
            return ValueTask.CompletedTask;
        });
        app.MapEvent(context => api.Detect(context.Payload.Span) != HttpPayloadFormat.Auto, api.HandleAsync);
        return new HttpRouteGroup(api, "/", null);
    }
}
