using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace Lambda.Toolkit.Tests.Runtime;

/// <summary>
/// A <c>Lambda-Runtime-Deadline-Ms</c> header years away (beyond the 49.7 days a timer accepts) must not crash the
/// process: the real Runtime API loop, in-process, against a minimal Runtime API that sends exactly the headers
/// the test chooses (the emulator derives its deadline from a timeout and keeps its own timer for it).
/// </summary>
public sealed class FarDeadlineTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly CancellationTokenSource _stop = new();
    private readonly FakeRuntimeApi _api = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _api.DisposeAsync();
        _stop.Dispose();
    }

    [Theory]
    [InlineData("9999999999999")] // year 2286
    [InlineData("253402300799999")] // the last millisecond a DateTimeOffset holds
    [InlineData("99999999999999999")] // beyond what a DateTimeOffset holds: read as its last instant
    public async Task A_deadline_beyond_what_a_timer_accepts_means_no_timer_and_the_loop_keeps_serving(string deadlineMs)
    {
        var app = TestApps.Builder().Build();
        app.MapHandler(
            async (Order order, InvocationContext context, CancellationToken cancellationToken) =>
            {
                if (order.Item == "later")
                {
                    await Task.Yield(); // the asynchronous path: the hard stop before the deadline is a timer too
                }

                return new Receipt(order.Id, context.RequestId + (cancellationToken.CanBeCanceled ? ":token" : ":none"));
            },
            TestJsonContext.Default.Order,
            TestJsonContext.Default.Receipt);
        await using (app)
        {
            var loop = Task.Run(() => app.RunCoreAsync(_api.Address, _stop.Token));
            var soon = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

            var now = await _api.InvokeAsync("far-1", deadlineMs, """{"id":1,"item":"book"}""").WaitAsync(Wait);
            var later = await _api.InvokeAsync("far-2", deadlineMs, """{"id":2,"item":"later"}""").WaitAsync(Wait);
            var next = await _api.InvokeAsync("near-3", soon, """{"id":3,"item":"later"}""").WaitAsync(Wait);

            Assert.Equal(("response", """{"orderId":1,"requestId":"far-1:token"}"""), now);
            Assert.Equal(("response", """{"orderId":2,"requestId":"far-2:token"}"""), later);
            Assert.Equal(("response", """{"orderId":3,"requestId":"near-3:token"}"""), next);
            Assert.False(loop.IsCompleted);
            await _stop.CancelAsync();
            Assert.Equal(0, await loop.WaitAsync(Wait));
        }
    }

    /// <summary>
    /// The Runtime API's invocation endpoints, over HTTP on 127.0.0.1: <c>next</c> hands out the queued events with
    /// the given request id and deadline header; <c>response</c> and <c>error</c> complete the invocation.
    /// </summary>
    private sealed class FakeRuntimeApi : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Channel<(string RequestId, string DeadlineMs, byte[] Payload)> _events = Channel.CreateUnbounded<(string, string, byte[])>();
        private readonly ConcurrentDictionary<string, TaskCompletionSource<(string Kind, string Body)>> _results = new();
        private readonly CancellationTokenSource _closing = new();
        private readonly Task _serving;

        public FakeRuntimeApi()
        {
            var port = FreePort();
            Address = $"127.0.0.1:{port}";
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            _listener.Start();
            _serving = ServeAsync();
        }

        public string Address { get; }

        public Task<(string Kind, string Body)> InvokeAsync(string requestId, string deadlineMs, string payload)
        {
            var result = _results.GetOrAdd(requestId, static _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
            _events.Writer.TryWrite((requestId, deadlineMs, Encoding.UTF8.GetBytes(payload)));
            return result.Task;
        }

        public async ValueTask DisposeAsync()
        {
            await _closing.CancelAsync();
            _listener.Stop();
            try
            {
                await _serving;
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException)
            {
                // Stopped.
            }

            _listener.Close();
            _closing.Dispose();
        }

        private static int FreePort()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            return ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        private async Task ServeAsync()
        {
            while (!_closing.IsCancellationRequested)
            {
                var http = await _listener.GetContextAsync();
                _ = Task.Run(() => HandleAsync(http));
            }
        }

        private async Task HandleAsync(HttpListenerContext http)
        {
            var path = http.Request.Url!.AbsolutePath;
            try
            {
                if (path.EndsWith("/invocation/next", StringComparison.Ordinal))
                {
                    var (requestId, deadlineMs, payload) = await _events.Reader.ReadAsync(_closing.Token);
                    http.Response.Headers["Lambda-Runtime-Aws-Request-Id"] = requestId;
                    http.Response.Headers["Lambda-Runtime-Deadline-Ms"] = deadlineMs;
                    http.Response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = "arn:aws:lambda:us-east-1:123456789012:function:far";
                    http.Response.ContentType = "application/json";
                    await http.Response.OutputStream.WriteAsync(payload);
                    http.Response.Close();
                    return;
                }

                var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries); // 2018-06-01 runtime invocation {id} {kind}
                using var reader = new StreamReader(http.Request.InputStream, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                http.Response.StatusCode = (int)HttpStatusCode.Accepted;
                http.Response.Close();
                if (parts.Length == 5 && _results.TryGetValue(parts[3], out var result))
                {
                    result.TrySetResult((parts[4], body));
                }
            }
            catch (OperationCanceledException)
            {
                http.Response.StatusCode = (int)HttpStatusCode.ServiceUnavailable;
                http.Response.Close();
            }
        }
    }
}
