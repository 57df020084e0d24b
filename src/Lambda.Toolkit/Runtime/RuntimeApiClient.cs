using System.Net;
using Lambda.Toolkit.Runtime.Requests;

namespace Lambda.Toolkit.Runtime;

/// <summary>
/// The HTTP client of the Lambda Runtime API: one long-lived connection, no client timeout (the
/// <c>next</c> call waits as long as the function is idle), and retries with exponential backoff when a
/// connection fails. A failure that outlasts the retries, or a 5xx answer, is a <see cref="RuntimeApiException"/>:
/// the process cannot go on.
/// </summary>
internal sealed class RuntimeApiClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _baseAddress;
    private readonly int _maxAttempts;
    private readonly TimeSpan _retryDelay;
    private readonly TimeProvider _timeProvider;

    public RuntimeApiClient(string runtimeApi, LambdaRuntimeOptions options, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrEmpty(runtimeApi);
        _baseAddress = new Uri($"http://{runtimeApi}/", UriKind.Absolute);
        _maxAttempts = options.RuntimeApiMaxAttempts;
        _retryDelay = options.RuntimeApiRetryDelay;
        _timeProvider = timeProvider;
        _http = new HttpClient(
            new SocketsHttpHandler
            {
                UseProxy = false,
                UseCookies = false,
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.None,
                PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
                PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
                ConnectTimeout = TimeSpan.FromSeconds(2),
            },
            disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public string Address => _baseAddress.Authority;

    /// <summary>Waits for the next event and reads it into <paramref name="next"/>.</summary>
    public async Task GetNextAsync(NextInvocation next, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(static b => NextInvocationRequest.Create(b), "invocation/next", HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw await UnexpectedAsync(response, "invocation/next", cancellationToken).ConfigureAwait(false);
        }

        next.ReadHeaders(response.Headers);
        try
        {
            await next.ReadBodyAsync(response.Content, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new RuntimeApiException($"The connection to the Runtime API at {Address} dropped while reading event {next.RequestId}: {ex.Message}", ex);
        }
    }

    /// <summary>Posts an invocation's response. Returns the status when the Runtime API refused it with a 4xx.</summary>
    public Task<HttpStatusCode> PostResponseAsync(string requestId, ReadOnlyMemory<byte> body, CancellationToken cancellationToken) =>
        PostAsync(b => InvocationResponseRequest.Create(b, requestId, body), "invocation/response", cancellationToken);

    /// <summary>Posts an invocation's error.</summary>
    public Task<HttpStatusCode> PostErrorAsync(string requestId, FunctionError error, CancellationToken cancellationToken) =>
        PostAsync(b => InvocationErrorRequest.Create(b, requestId, error), "invocation/error", cancellationToken);

    /// <summary>Posts an init error; the process must then exit.</summary>
    public Task<HttpStatusCode> PostInitErrorAsync(FunctionError error, CancellationToken cancellationToken) =>
        PostAsync(b => InitErrorRequest.Create(b, error), "init/error", cancellationToken);

    /// <summary>Waits for a SnapStart restore (the snapshot is taken while this call waits).</summary>
    public async Task GetRestoreNextAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(static b => RestoreNextRequest.Create(b), "restore/next", HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await UnexpectedAsync(response, "restore/next", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Posts a restore error; the process must then exit.</summary>
    public Task<HttpStatusCode> PostRestoreErrorAsync(FunctionError error, CancellationToken cancellationToken) =>
        PostAsync(b => RestoreErrorRequest.Create(b, error), "restore/error", cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task<HttpStatusCode> PostAsync(Func<Uri, HttpRequestMessage> create, string what, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(create, what, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            throw await UnexpectedAsync(response, what, cancellationToken).ConfigureAwait(false);
        }

        return response.StatusCode;
    }

    private async Task<HttpResponseMessage> SendAsync(Func<Uri, HttpRequestMessage> create, string what, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        var delay = _retryDelay;
        for (var attempt = 1; ; attempt++)
        {
            using var request = create(_baseAddress);
            Exception failure;
            try
            {
                var response = await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
                if (!IsTransient(response.StatusCode) || attempt >= _maxAttempts)
                {
                    return response;
                }

                failure = new HttpRequestException($"HTTP {(int)response.StatusCode}", null, response.StatusCode);
                response.Dispose();
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
            {
                failure = ex;
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                // ConnectTimeout elapsed: the Runtime API did not accept the connection.
                failure = ex;
            }

            if (attempt >= _maxAttempts)
            {
                throw new RuntimeApiException(
                    $"The Lambda Runtime API at {Address} could not be reached for {what} after {attempt} attempts: {failure.Message}. The function process stops.",
                    failure);
            }

            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
            delay += delay;
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private async Task<RuntimeApiException> UnexpectedAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var body = string.Empty;
        try
        {
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            // The status says enough.
        }

        if (body.Length > 512)
        {
            body = body[..512];
        }

        return new RuntimeApiException($"The Lambda Runtime API at {Address} answered {what} with HTTP {(int)response.StatusCode}: {body}. The function process stops.");
    }
}
