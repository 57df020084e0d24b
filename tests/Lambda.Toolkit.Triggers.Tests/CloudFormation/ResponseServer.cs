using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Lambda.Toolkit.Triggers.Tests.CloudFormation;

/// <summary>One upload the server received.</summary>
public sealed record Upload(string Method, string PathAndQuery, string? ContentType, long ContentLength, byte[] Body, DateTimeOffset ReceivedAt)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string Status => Json.GetProperty(nameof(Status)).GetString()!;

    public string? Reason => Json.TryGetProperty(nameof(Reason), out var reason) ? reason.GetString() : null;

    public string PhysicalResourceId => Json.GetProperty(nameof(PhysicalResourceId)).GetString()!;
}

/// <summary>
/// A real HTTP server on 127.0.0.1 standing in for the pre-signed S3 URL: records every request (method, raw
/// Content-Type header, Content-Length, body) and answers with queued status codes (200 once the queue is empty).
/// </summary>
public sealed class ResponseServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly ConcurrentQueue<HttpStatusCode> _statuses = new();
    private int _disposed;

    public ResponseServer()
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

    public string BaseUrl { get; }

    /// <summary>A URL shaped like a pre-signed S3 URL (a query string with a signature).</summary>
    public string ResponseUrl => BaseUrl + "bucket/arn%3Aaws%3Acloudformation/stack|Resource|req?AWSAccessKeyId=AKIA&Expires=1&Signature=abc%3D";

    public ConcurrentQueue<Upload> Received { get; } = new();

    public void Answer(params HttpStatusCode[] statuses)
    {
        foreach (var status in statuses)
        {
            _statuses.Enqueue(status);
        }
    }

    public async Task<Upload> SingleAsync(TimeSpan? wait = null)
    {
        var until = DateTime.UtcNow + (wait ?? TimeSpan.FromSeconds(5));
        while (Received.IsEmpty && DateTime.UtcNow < until)
        {
            await Task.Delay(10);
        }

        return Assert.Single(Received);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            Received.Enqueue(new Upload(
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

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
