namespace Lambda.Toolkit.Http;

/// <summary>A class endpoint, resolved from the invocation's scope (map it with <c>MapEndpoint&lt;T&gt;</c>).</summary>
public interface IHttpEndpoint
{
    /// <summary>Answers the request.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Fires a margin before the invocation's deadline.</param>
    /// <returns>The result.</returns>
    ValueTask<HttpResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken);
}
