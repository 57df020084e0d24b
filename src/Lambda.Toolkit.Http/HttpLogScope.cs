using System.Collections;
using Lambda.Toolkit.Logging;
using Microsoft.Extensions.Logging;

namespace Lambda.Toolkit.Http;

/// <summary>
/// The log scope of a routed request: <see cref="LambdaLogKeys.HttpMethod"/>, <see cref="LambdaLogKeys.Route"/> (the
/// matched template, never the raw path, so lines group by endpoint and carry no ids from the URL) and
/// <see cref="LambdaLogKeys.CorrelationId"/> (see <see cref="HttpRequest.CorrelationId"/>, left out when there is none).
/// Opened around the endpoint, so every line logged while it runs carries them, through any logger of the same factory.
/// </summary>
internal sealed class HttpLogScope(string method, string route, string? correlationId) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => correlationId is null ? 2 : 3;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new(LambdaLogKeys.HttpMethod, method),
        1 => new(LambdaLogKeys.Route, route),
        2 when correlationId is not null => new(LambdaLogKeys.CorrelationId, correlationId),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    /// <summary>Opens the scope; nothing when nothing is logged.</summary>
    public static IDisposable? Begin(ILogger logger, HttpRequest request, string route) =>
        logger.IsEnabled(LogLevel.Critical) ? logger.BeginScope(new HttpLogScope(request.Method, route, request.CorrelationId)) : null;

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary><c>GET /orders/{id}</c>, with the correlation id when there is one: what loggers that print scopes as text show.</summary>
    public override string ToString() => correlationId is null ? $"{method} {route}" : $"{method} {route} {LambdaLogKeys.CorrelationId}={correlationId}";
}
