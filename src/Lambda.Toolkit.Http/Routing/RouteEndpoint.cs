namespace Lambda.Toolkit.Http.Routing;

/// <summary>A mapped endpoint: method, template and the handler composed with its group middleware.</summary>
internal sealed record RouteEndpoint(string Method, string Template, HttpHandler Handler);
