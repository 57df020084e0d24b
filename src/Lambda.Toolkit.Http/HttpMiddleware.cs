namespace Lambda.Toolkit.Http;

/// <summary>Middleware of a route group: runs around the group's endpoints, may short-circuit by not calling <paramref name="next"/>.</summary>
/// <param name="request">The request.</param>
/// <param name="next">The rest of the chain: inner groups' middleware, then the endpoint.</param>
/// <param name="cancellationToken">Fires a margin before the invocation's deadline.</param>
/// <returns>The result.</returns>
public delegate ValueTask<HttpResult> HttpMiddleware(HttpRequest request, HttpHandler next, CancellationToken cancellationToken);
