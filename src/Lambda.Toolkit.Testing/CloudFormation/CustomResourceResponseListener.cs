using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Lambda.Toolkit.Testing.CloudFormation;

/// <summary>
/// A real HTTP server on 127.0.0.1 that stands in for the pre-signed S3 URL CloudFormation gives a custom resource:
/// point an event's <c>ResponseURL</c> at it (<see cref="ResponseUrl"/>, or <see cref="Retarget"/> for an event file),
/// invoke the function, and read what it sent from <see cref="Received"/>. It answers 200 unless told otherwise with
/// <see cref="Answer"/>, so retries on a failed upload can be tested too.
/// </summary>
/// <example>
/// <code>
/// await using var cloudFormation = new CustomResourceResponseListener();
/// await host.InvokeAsync(cloudFormation.Retarget(File.ReadAllText("events/create.json")));
/// var upload = await cloudFormation.WaitForUploadAsync();
/// Assert.Equal("SUCCESS", upload.Status);
/// </code>
/// </example>
public sealed class CustomResourceResponseListener : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<HttpStatusCode> _statuses = new();
    private readonly ConcurrentQueue<CustomResourceUpload> _received = new();
    private readonly Task _loop;
    private int _disposed;

    /// <summary>Starts listening on a free port of 127.0.0.1.</summary>
    public CustomResourceResponseListener()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
        }

        BaseUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The server's root, <c>http://127.0.0.1:{port}/</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>A URL on this server shaped like a pre-signed S3 URL (a path and a signed query string).</summary>
    public string ResponseUrl => BaseUrl + "cloudformation-custom-resource-response/stack%7CResource%7Crequest?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=7200&X-Amz-Signature=abc123";

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyCollection<CustomResourceUpload> Received => _received;

    /// <summary>Answers the next requests with these status codes, in order (200 once they are used up).</summary>
    /// <param name="statuses">The status codes.</param>
    public void Answer(params HttpStatusCode[] statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        foreach (var status in statuses)
        {
            _statuses.Enqueue(status);
        }
    }

    /// <summary>A custom resource event (JSON) with its <c>ResponseURL</c> moved to this server, keeping its path and query.</summary>
    /// <param name="eventJson">The event, for example a bundled event file's text.</param>
    /// <returns>The event's JSON with the new <c>ResponseURL</c>.</returns>
    public string Retarget(string eventJson)
    {
        ArgumentNullException.ThrowIfNull(eventJson);
        var node = JsonNode.Parse(eventJson)?.AsObject() ?? throw new ArgumentException("The event is not a JSON object.", nameof(eventJson));
        var original = node["ResponseURL"]?.GetValue<string>() is { } url ? new Uri(url) : null;
        node["ResponseURL"] = original is null ? ResponseUrl : BaseUrl.TrimEnd('/') + original.PathAndQuery;
        return node.ToJsonString();
    }

    /// <summary>Waits for the first request (the function may send it after its invocation returned).</summary>
    /// <param name="timeout">How long to wait. Default: 5 seconds.</param>
    /// <returns>The first request received.</returns>
    /// <exception cref="TimeoutException">Nothing arrived in time.</exception>
    public async Task<CustomResourceUpload> WaitForUploadAsync(TimeSpan? timeout = null)
    {
        var until = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        while (true)
        {
            if (_received.TryPeek(out var upload))
            {
                return upload;
            }

            if (DateTimeOffset.UtcNow >= until)
            {
                throw new TimeoutException($"No response reached {BaseUrl} within {(timeout ?? TimeSpan.FromSeconds(5)).TotalSeconds:0.#} s.");
            }

            await Task.Delay(10).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the server.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _listener.Stop();
        _listener.Close();
        await _loop.ConfigureAwait(false);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body).ConfigureAwait(false);
            _received.Enqueue(new CustomResourceUpload(
                context.Request.HttpMethod,
                context.Request.RawUrl ?? string.Empty,
                context.Request.Headers["Content-Type"],
                context.Request.ContentLength64,
                body.ToArray(),
                DateTimeOffset.UtcNow));
            context.Response.StatusCode = (int)(_statuses.TryDequeue(out var status) ? status : HttpStatusCode.OK);
            context.Response.Close();
        }
    }
}
