using System.Net;
using Lambda.Toolkit.Runtime.Http;
using Lambda.Toolkit.Runtime.Requests;

namespace Lambda.Toolkit.Runtime;

/// <summary>
/// The HTTP client of the Lambda Runtime API, over plain keep-alive HTTP/1.1 connections (<see cref="HttpConnection"/>):
/// no client timeout (the <c>next</c> call waits as long as the function is idle), a 2 s connect timeout, and
/// retries with exponential backoff when a connection fails or the Runtime API answers 502, 503 or 504. A failure
/// that outlasts the retries, or a 5xx answer, is a <see cref="RuntimeApiException"/>: the process cannot go on.
/// Requests are sequential per connection; concurrent callers (several loops) each get a connection of their own.
/// With <see cref="LambdaRuntimeOptions.MaxConcurrency"/> 1 (one loop) the connections make blocking socket calls on
/// the caller's thread (see <see cref="HttpConnection"/>): the calls complete synchronously, with no thread-pool
/// thread and no hop per request.
/// </summary>
internal sealed class RuntimeApiClient : IDisposable
{
    private readonly RuntimeApiEndpoint _endpoint;
    private readonly int _maxAttempts;
    private readonly TimeSpan _retryDelay;
    private readonly TimeProvider _timeProvider;
    private readonly bool _blocking;
    private readonly object _gate = new();
    private HttpConnection?[] _idle = new HttpConnection?[1];
    private int _idleCount;
    private bool _disposed;

    public RuntimeApiClient(string runtimeApi, LambdaRuntimeOptions options, TimeProvider timeProvider)
    {
        _endpoint = RuntimeApiEndpoint.Parse(runtimeApi);
        _maxAttempts = options.RuntimeApiMaxAttempts;
        _retryDelay = options.RuntimeApiRetryDelay;
        _timeProvider = timeProvider;
        _blocking = options.MaxConcurrency == 1;
    }

    public string Address => _endpoint.Authority;

    /// <summary>Waits for the next event and reads it into <paramref name="next"/>.</summary>
    public async ValueTask GetNextAsync(NextInvocation next, CancellationToken cancellationToken)
    {
        var connection = await SendAsync(NextInvocationRequest.Create(), "invocation/next", cancellationToken).ConfigureAwait(false);
        var reusable = false;
        try
        {
            if (connection.StatusCode != (int)HttpStatusCode.OK)
            {
                throw await UnexpectedAsync(connection, "invocation/next", cancellationToken).ConfigureAwait(false);
            }

            next.ReadHeaders(connection.Headers);
            try
            {
                await next.ReadBodyAsync(connection, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                throw new RuntimeApiException($"The connection to the Runtime API at {Address} dropped while reading event {next.RequestId}: {ex.Message}", ex);
            }

            reusable = true;
        }
        finally
        {
            Release(connection, reusable);
        }
    }

    /// <summary>Posts an invocation's response. Returns the status when the Runtime API refused it with a 4xx.</summary>
    public ValueTask<HttpStatusCode> PostResponseAsync(string requestId, ReadOnlyMemory<byte> body, CancellationToken cancellationToken) =>
        PostAsync(InvocationResponseRequest.Create(requestId, body), "invocation/response", cancellationToken);

    /// <summary>Posts an invocation's error.</summary>
    public ValueTask<HttpStatusCode> PostErrorAsync(string requestId, FunctionError error, CancellationToken cancellationToken) =>
        PostAsync(InvocationErrorRequest.Create(requestId, error), "invocation/error", cancellationToken);

    /// <summary>Posts an init error; the process must then exit.</summary>
    public ValueTask<HttpStatusCode> PostInitErrorAsync(FunctionError error, CancellationToken cancellationToken) =>
        PostAsync(InitErrorRequest.Create(error), "init/error", cancellationToken);

    /// <summary>Waits for a SnapStart restore (the snapshot is taken while this call waits).</summary>
    public async ValueTask GetRestoreNextAsync(CancellationToken cancellationToken)
    {
        var connection = await SendAsync(RestoreNextRequest.Create(), "restore/next", cancellationToken).ConfigureAwait(false);
        var reusable = false;
        try
        {
            if (connection.StatusCode is < 200 or > 299)
            {
                throw await UnexpectedAsync(connection, "restore/next", cancellationToken).ConfigureAwait(false);
            }

            reusable = await DrainAsync(connection, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Release(connection, reusable);
        }
    }

    /// <summary>Posts a restore error; the process must then exit.</summary>
    public ValueTask<HttpStatusCode> PostRestoreErrorAsync(FunctionError error, CancellationToken cancellationToken) =>
        PostAsync(RestoreErrorRequest.Create(error), "restore/error", cancellationToken);

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            for (var i = 0; i < _idleCount; i++)
            {
                _idle[i]!.Dispose();
                _idle[i] = null;
            }

            _idleCount = 0;
        }
    }

    private async ValueTask<HttpStatusCode> PostAsync(RuntimeApiRequest request, string what, CancellationToken cancellationToken)
    {
        var connection = await SendAsync(request, what, cancellationToken).ConfigureAwait(false);
        var reusable = false;
        try
        {
            var status = connection.StatusCode;
            if (status >= 500)
            {
                throw await UnexpectedAsync(connection, what, cancellationToken).ConfigureAwait(false);
            }

            reusable = await DrainAsync(connection, cancellationToken).ConfigureAwait(false);
            return (HttpStatusCode)status;
        }
        finally
        {
            Release(connection, reusable);
        }
    }

    // The answer's status is in: a connection that drops in the rest of its body is only not reused.
    private static async ValueTask<bool> DrainAsync(HttpConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await connection.DrainAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>
    /// Sends the request and reads the response head, retrying connection failures and 502/503/504 with
    /// exponential backoff. Returns the connection positioned at the body; the caller releases it.
    /// </summary>
    private async ValueTask<HttpConnection> SendAsync(RuntimeApiRequest request, string what, CancellationToken cancellationToken)
    {
        var delay = _retryDelay;
        var staleRetried = false;
        for (var attempt = 1; ; attempt++)
        {
            var connection = Rent();
            var reused = connection.IsConnected;
            Exception failure;
            try
            {
                if (!reused)
                {
                    await connection.ConnectAsync(cancellationToken).ConfigureAwait(false);
                }

                await connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
                await connection.ReadHeadAsync(cancellationToken).ConfigureAwait(false);
                if (!IsTransient(connection.StatusCode) || attempt >= _maxAttempts)
                {
                    return connection;
                }

                failure = new IOException($"HTTP {connection.StatusCode}");
                connection.Dispose();
            }
            catch (IOException ex) when (!cancellationToken.IsCancellationRequested)
            {
                connection.Dispose();
                if (reused && !connection.ResponseStarted && !staleRetried)
                {
                    // A kept-alive connection the server had closed while it sat idle: try once more on a
                    // new connection, not counted as an attempt (as HttpClient does).
                    staleRetried = true;
                    attempt--;
                    continue;
                }

                failure = ex;
            }
            catch
            {
                connection.Dispose();
                throw;
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

    private static bool IsTransient(int status) => status is 502 or 503 or 504;

    private HttpConnection Rent()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_idleCount > 0)
            {
                var connection = _idle[--_idleCount]!;
                _idle[_idleCount] = null;
                return connection;
            }
        }

        return new HttpConnection(_endpoint, _blocking);
    }

    private void Release(HttpConnection connection, bool reusable)
    {
        if (reusable && connection.CanReuse)
        {
            lock (_gate)
            {
                if (!_disposed)
                {
                    if (_idleCount == _idle.Length)
                    {
                        Array.Resize(ref _idle, _idle.Length * 2);
                    }

                    _idle[_idleCount++] = connection;
                    return;
                }
            }
        }

        connection.Dispose();
    }

    private async ValueTask<RuntimeApiException> UnexpectedAsync(HttpConnection connection, string what, CancellationToken cancellationToken)
    {
        var body = string.Empty;
        try
        {
            body = await connection.ReadTextAsync(512, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or RuntimeApiException)
        {
            // The status says enough.
        }

        return new RuntimeApiException($"The Lambda Runtime API at {Address} answered {what} with HTTP {connection.StatusCode}: {body}. The function process stops.");
    }
}
