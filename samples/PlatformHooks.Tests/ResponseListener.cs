using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PlatformHooks.Tests;

/// <summary>
/// A real HTTP listener on 127.0.0.1 standing in for the pre-signed S3 URL CloudFormation gives a custom resource:
/// it records every request (method, path, body) and answers 200.
/// </summary>
internal sealed class ResponseListener : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public ResponseListener()
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

    public ConcurrentQueue<(string Method, string Path, JsonElement Body)> Received { get; } = new();

    /// <summary>A bundled custom resource event with its ResponseURL moved here (same path and query).</summary>
    public string Retarget(string eventFile, Action<JsonObject>? change = null)
    {
        var node = JsonNode.Parse(File.ReadAllText(Function.Event(eventFile)))!.AsObject();
        var original = new Uri(node["ResponseURL"]!.GetValue<string>());
        node["ResponseURL"] = BaseUrl.TrimEnd('/') + original.PathAndQuery;
        change?.Invoke(node);
        return node.ToJsonString();
    }

    public async Task<(string Method, string Path, JsonElement Body)> SingleAsync()
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(5);
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
            Received.Enqueue((context.Request.HttpMethod, context.Request.RawUrl ?? string.Empty, JsonDocument.Parse(body.ToArray()).RootElement.Clone()));
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
