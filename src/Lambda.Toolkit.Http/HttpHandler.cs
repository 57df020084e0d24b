namespace Lambda.Toolkit.Http;

/// <summary>An endpoint: answers one HTTP request.</summary>
/// <param name="request">The request.</param>
/// <param name="cancellationToken">Fires a margin before the invocation's deadline.</param>
/// <returns>The result.</returns>
public delegate ValueTask<HttpResult> HttpHandler(HttpRequest request, CancellationToken cancellationToken);
