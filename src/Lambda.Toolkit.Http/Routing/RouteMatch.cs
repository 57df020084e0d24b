namespace Lambda.Toolkit.Http.Routing;

/// <summary>The result of matching a request: an endpoint with its route values, or the methods the path allows.</summary>
internal readonly record struct RouteMatch(RouteEndpoint? Endpoint, Dictionary<string, string>? Values, IReadOnlyCollection<string>? AllowedMethods);
