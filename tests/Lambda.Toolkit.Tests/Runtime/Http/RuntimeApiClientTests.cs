using System.Net;
using System.Text;
using Lambda.Toolkit.Runtime;
using Microsoft.Extensions.Time.Testing;

namespace Lambda.Toolkit.Tests.Runtime.Http;

/// <summary>
/// The Runtime API client against a hostile raw TCP server: framing, splits, drops, limits and retries; over blocking
/// socket calls (one loop, the default) and asynchronous ones (several loops). A call that may block runs on a pool
/// thread, so that a hang fails the test after <see cref="Wait"/>.
/// </summary>
public abstract class RuntimeApiClientTests
{
    private protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    /// <summary><see cref="LambdaRuntimeOptions.MaxConcurrency"/>: 1 makes blocking socket calls, more asynchronous ones.</summary>
    private protected abstract int Loops { get; }

    private protected RuntimeApiClient Client(RawHttpServer server, int attempts = 3, TimeProvider? time = null) =>
        new(server.Address, new LambdaRuntimeOptions { MaxConcurrency = Loops, RuntimeApiMaxAttempts = attempts, RuntimeApiRetryDelay = TimeSpan.Zero }, time ?? TimeProvider.System);

    private protected static string Event(string requestId, string body, string extraHeaders = "") =>
        $"HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: {requestId}\r\nLambda-Runtime-Deadline-Ms: 1700000000000\r\n{extraHeaders}Content-Length: {body.Length}\r\n\r\n{body}";

    private protected const string Accepted = "HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\nContent-Length: 16\r\n\r\n{\"status\":\"OK\"}\n";

    private static async Task<NextInvocation> NextAsync(RuntimeApiClient client)
    {
        var next = new NextInvocation();
        await Task.Run(() => client.GetNextAsync(next, CancellationToken.None).AsTask()).WaitAsync(Wait);
        return next;
    }

    private static async Task<RuntimeApiException> FailsAsync(RuntimeApiClient client)
    {
        using var next = new NextInvocation();
        return await Assert.ThrowsAsync<RuntimeApiException>(() => Task.Run(() => client.GetNextAsync(next, CancellationToken.None).AsTask()).WaitAsync(Wait));
    }

    private static string Text(NextInvocation next) => Encoding.UTF8.GetString(next.Payload.Span);

    [Fact]
    public async Task Reads_an_event_with_headers_in_any_case_and_sends_a_plain_GET()
    {
        await using var server = RawHttpServer.Answering(_ =>
            "HTTP/1.1 200 OK\r\nlambda-runtime-aws-request-id: r-1\r\nLAMBDA-RUNTIME-DEADLINE-MS: 1700000000000\r\n"
            + "Lambda-Runtime-Invoked-Function-Arn:arn:aws:lambda:us-east-1:1:function:f\r\nLambda-Runtime-Trace-Id: \t Root=1-a \t\r\n"
            + "Lambda-Runtime-Client-Context: {\"c\":1}\r\nLambda-Runtime-Cognito-Identity: {\"i\":2}\r\ncontent-length: 7\r\n\r\n{\"a\":1}");
        using var client = Client(server);

        using var next = await NextAsync(client);

        Assert.Equal("r-1", next.RequestId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000000), next.Deadline);
        Assert.Equal("arn:aws:lambda:us-east-1:1:function:f", next.InvokedFunctionArn);
        Assert.Equal("Root=1-a", next.TraceId);
        Assert.Equal("{\"c\":1}", next.ClientContext);
        Assert.Equal("{\"i\":2}", next.CognitoIdentity);
        Assert.Equal("{\"a\":1}", Text(next));
        var request = Assert.Single(server.Requests);
        Assert.Equal(("GET", "/2018-06-01/runtime/invocation/next", "HTTP/1.1"), (request.Method, request.Target, request.Version));
        Assert.Equal(server.Address, request.Headers["Host"]);
        Assert.False(request.Headers.ContainsKey("Expect"));
        Assert.False(request.Headers.ContainsKey("Content-Length"));
    }

    [Fact]
    public async Task Reads_a_chunked_event_with_extensions_and_trailers_arriving_one_byte_at_a_time()
    {
        await using var server = RawHttpServer.Start(async c =>
        {
            await c.ReadRequestAsync();
            await c.WriteAsync(
                "HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: r-2\r\nLambda-Runtime-Deadline-Ms: 1\r\nTransfer-Encoding: gzip, Chunked\r\n\r\n"
                + "5;name=value\r\nhello\r\n1 \r\n \r\nB ; a ; b=\"c\"\r\nchunked wor\r\n2\r\nld\r\n0\r\nX-Trailer: yes\r\nChecksum: 1\r\n\r\n",
                pieceSize: 1);
            await c.WaitForCloseAsync();
        });
        using var client = Client(server);

        using var next = await NextAsync(client);

        Assert.Equal("r-2", next.RequestId);
        Assert.Equal("hello chunked world", Text(next));
    }

    [Fact]
    public async Task Reads_a_Content_Length_event_split_into_one_byte_writes_with_the_head()
    {
        await using var server = RawHttpServer.Start(async c =>
        {
            await c.ReadRequestAsync();
            await c.WriteAsync(Event("r-3", "{\"one\":\"byte at a time\"}"), pieceSize: 1);
            await c.WaitForCloseAsync();
        });
        using var client = Client(server);

        using var next = await NextAsync(client);

        Assert.Equal("{\"one\":\"byte at a time\"}", Text(next));
    }

    [Fact]
    public async Task Keeps_one_connection_alive_for_next_response_and_next()
    {
        var id = "a b/c+é";
        await using var server = RawHttpServer.Answering(r => r.Method == "GET" ? Event(id, "{}") : Accepted);
        using var client = Client(server);

        using (await NextAsync(client))
        {
        }

        var status = await Task.Run(() => client.PostResponseAsync(id, Encoding.UTF8.GetBytes("{\"ok\":true}"), CancellationToken.None).AsTask()).WaitAsync(Wait);
        using (await NextAsync(client))
        {
        }

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(1, server.Connections);
        var post = server.Requests.ElementAt(1);
        Assert.Equal(("POST", "/2018-06-01/runtime/invocation/a%20b%2Fc%2B%C3%A9/response"), (post.Method, post.Target));
        Assert.Equal(Uri.EscapeDataString(id), post.Target.Split('/')[4]);
        Assert.Equal("11", post.Headers["Content-Length"]);
        Assert.Equal("{\"ok\":true}", Encoding.UTF8.GetString(post.Body));
        Assert.False(post.Headers.ContainsKey("Expect"));
        Assert.All(server.Requests, r => Assert.Equal(1, r.Connection));
    }

    [Fact]
    public async Task A_large_response_goes_out_whole()
    {
        var body = new byte[3 * 1024 * 1024];
        Random.Shared.NextBytes(body);
        await using var server = RawHttpServer.Answering(_ => Accepted);
        using var client = Client(server);

        var status = await Task.Run(() => client.PostResponseAsync("r", body, CancellationToken.None).AsTask()).WaitAsync(Wait);

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(body, Assert.Single(server.Requests).Body);
    }

    [Fact]
    public async Task Error_posts_carry_the_error_type_header_and_a_JSON_body()
    {
        await using var server = RawHttpServer.Answering(_ => Accepted);
        using var client = Client(server);

        await Task.Run(() => client.PostErrorAsync("r-9", new FunctionError("Orders.Invalid\r\nX-Injected: 1", "bad order", ["at A"]), CancellationToken.None).AsTask()).WaitAsync(Wait);
        await Task.Run(() => client.PostInitErrorAsync(new FunctionError("Init.Failed", "no config", []), CancellationToken.None).AsTask()).WaitAsync(Wait);

        var post = server.Requests.First();
        Assert.Equal("/2018-06-01/runtime/invocation/r-9/error", post.Target);
        Assert.Equal("Orders.Invalid__X-Injected: 1", post.Headers["Lambda-Runtime-Function-Error-Type"]);
        Assert.False(post.Headers.ContainsKey("X-Injected"));
        Assert.Equal("application/json", post.Headers["Content-Type"]);
        Assert.Contains("\"errorMessage\":\"bad order\"", Encoding.UTF8.GetString(post.Body));
        Assert.Equal("/2018-06-01/runtime/init/error", server.Requests.Last().Target);
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public async Task A_connection_with_bytes_after_the_response_is_not_reused()
    {
        await using var server = RawHttpServer.Answering(_ => Accepted + "HTTP/1.1 202 Accepted\r\n");
        using var client = Client(server, attempts: 1);

        await Task.Run(() => client.PostResponseAsync("r-1", "{}"u8.ToArray(), CancellationToken.None).AsTask()).WaitAsync(Wait);
        await Task.Run(() => client.PostResponseAsync("r-2", "{}"u8.ToArray(), CancellationToken.None).AsTask()).WaitAsync(Wait);

        Assert.Equal(2, server.Connections);
    }

    [Fact]
    public async Task Connection_close_is_honoured_and_the_next_request_opens_a_new_connection()
    {
        await using var server = RawHttpServer.Start(async c =>
        {
            var request = await c.ReadRequestAsync();
            if (request is null)
            {
                return;
            }

            await c.WriteAsync(request.Method == "GET" ? Event("r-4", "{}", "Connection: close\r\n") : Accepted);
            if (request.Method == "GET")
            {
                c.Close();
                return;
            }

            await c.WaitForCloseAsync();
        });
        using var client = Client(server, attempts: 1);

        using (await NextAsync(client))
        {
        }

        var status = await Task.Run(() => client.PostResponseAsync("r-4", "{}"u8.ToArray(), CancellationToken.None).AsTask()).WaitAsync(Wait);

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(2, server.Connections);
    }

    [Fact]
    public async Task A_body_delimited_by_the_end_of_the_connection_is_read_whole_and_the_connection_not_reused()
    {
        await using var server = RawHttpServer.Start(async c =>
        {
            if (await c.ReadRequestAsync() is null)
            {
                return;
            }

            await c.WriteAsync($"HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: r-{c.Number}\r\nLambda-Runtime-Deadline-Ms: 1\r\n\r\nuntil the end", pieceSize: 4);
            c.Close();
        });
        using var client = Client(server, attempts: 1);

        using var first = await NextAsync(client);
        using var second = await NextAsync(client);

        Assert.Equal("until the end", Text(first));
        Assert.Equal(("r-1", "r-2"), (first.RequestId, second.RequestId));
    }

    [Fact]
    public async Task A_kept_alive_connection_the_server_closed_while_idle_is_replaced_without_using_an_attempt()
    {
        await using var server = RawHttpServer.Start(async c =>
        {
            if (await c.ReadRequestAsync() is null)
            {
                return;
            }

            await c.WriteAsync(Event($"r-{c.Number}", "{}"));
            c.Close(); // no Connection: close header: the client learns it on its next request
        });
        using var client = Client(server, attempts: 1);

        using var first = await NextAsync(client);
        using var second = await NextAsync(client);

        Assert.Equal(("r-1", "r-2"), (first.RequestId, second.RequestId));
        Assert.Equal(2, server.Connections);
    }

    [Fact]
    public async Task A_connection_dropped_in_the_middle_of_the_body_is_a_precise_failure()
    {
        await using var server = RawHttpServer.Start(async c =>
        {
            await c.ReadRequestAsync();
            await c.WriteAsync("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: r-5\r\nLambda-Runtime-Deadline-Ms: 1\r\nContent-Length: 100\r\n\r\n0123456789");
            c.Close();
        });
        using var client = Client(server);

        var failure = await FailsAsync(client);

        Assert.Equal($"The connection to the Runtime API at {server.Address} dropped while reading event r-5: The connection closed after 10 of the body's 100 bytes", failure.Message);
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public async Task A_chunked_body_cut_short_is_a_precise_failure()
    {
        await using var server = RawHttpServer.Start(async c =>
        {
            await c.ReadRequestAsync();
            await c.WriteAsync("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: r-6\r\nLambda-Runtime-Deadline-Ms: 1\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nonly six");
            c.Close();
        });
        using var client = Client(server);

        var failure = await FailsAsync(client);

        Assert.Equal($"The connection to the Runtime API at {server.Address} dropped while reading event r-6: The connection closed with 8 bytes of a chunk still to come", failure.Message);
    }

    [Theory]
    [InlineData("zz", "sent an invalid chunk size: 'zz'")]
    [InlineData("", "sent an invalid chunk size: ''")]
    [InlineData("5 x", "sent an invalid chunk size: '5 x'")]
    [InlineData("-5", "sent an invalid chunk size: '-5'")]
    [InlineData("FFFFFFFFFF", "sent a chunk size that is too large: 'FFFFFFFFFF'")]
    public async Task A_bad_chunk_size_is_rejected(string sizeLine, string problem)
    {
        await using var server = RawHttpServer.Start(async c =>
        {
            await c.ReadRequestAsync();
            await c.WriteAsync($"HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: r\r\nLambda-Runtime-Deadline-Ms: 1\r\nTransfer-Encoding: chunked\r\n\r\n{sizeLine}\r\nhello\r\n0\r\n\r\n");
            await c.WaitForCloseAsync();
        });
        using var client = Client(server);

        var failure = await FailsAsync(client);

        Assert.Equal($"The Lambda Runtime API at {server.Address} {problem}. The function process stops.", failure.Message);
    }

    [Fact]
    public async Task Chunk_data_longer_than_its_size_is_rejected()
    {
        await using var server = RawHttpServer.Answering(_ =>
            "HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: r\r\nLambda-Runtime-Deadline-Ms: 1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nhello\r\n0\r\n\r\n");
        using var client = Client(server);

        var failure = await FailsAsync(client);

        Assert.Equal($"The Lambda Runtime API at {server.Address} sent chunk data longer than its size: 'lo??0????' follows it. The function process stops.", failure.Message);
    }

    [Theory]
    [InlineData("HTTP/1.1 OK", "HTTP/1.1 OK")]
    [InlineData("HTTP/2 200 OK", "HTTP/2 200 OK")]
    [InlineData("HTTP/1.1 20 OK", "HTTP/1.1 20 OK")]
    [InlineData("HTTP/1.1 2000 OK", "HTTP/1.1 2000 OK")]
    [InlineData("SSH-2.0-OpenSSH_9.6\u0001", "SSH-2.0-OpenSSH_9.6?")]
    public async Task A_malformed_status_line_is_rejected(string statusLine, string shown)
    {
        await using var server = RawHttpServer.Answering(_ => $"{statusLine}\r\nContent-Length: 0\r\n\r\n");
        using var client = Client(server);

        var failure = await FailsAsync(client);

        Assert.Equal($"The Lambda Runtime API at {server.Address} sent a malformed status line: '{shown}'. The function process stops.", failure.Message);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData("No colon here", "sent a malformed header line: 'No colon here'")]
    [InlineData("Bad Name: x", "sent a malformed header line: 'Bad Name: x'")]
    [InlineData(" folded: x", "sent a malformed header line: ' folded: x'")]
    [InlineData("Content-Length: 12x", "sent an invalid Content-Length: '12x'")]
    [InlineData("Content-Length: -1", "sent an invalid Content-Length: '-1'")]
    [InlineData("Content-Length: 2\r\nContent-Length: 3", "sent an invalid Content-Length: '2, 3'")]
    [InlineData("Transfer-Encoding: gzip", "sent an unsupported Transfer-Encoding: 'gzip'")]
    public async Task Malformed_header_fields_are_rejected(string field, string problem)
    {
        await using var server = RawHttpServer.Answering(_ => $"HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: r\r\n{field}\r\n\r\n{{}}");
        using var client = Client(server);

        var failure = await FailsAsync(client);

        Assert.Equal($"The Lambda Runtime API at {server.Address} {problem}. The function process stops.", failure.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_response_head_over_64_KB_is_rejected_whether_or_not_its_end_comes(bool complete)
    {
        var filler = string.Concat(Enumerable.Range(0, 700).Select(i => $"X-Filler-{i}: {new string('x', 100)}\r\n"));
        await using var server = RawHttpServer.Start(async c =>
        {
            await c.ReadRequestAsync();
            await c.WriteAsync($"HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: r\r\n{filler}{(complete ? "Content-Length: 0\r\n\r\n" : "")}", pieceSize: complete ? int.MaxValue : 4096);
            await c.WaitForCloseAsync(); // without the end of the head, the client must not wait for it
        });
        using var client = Client(server);

        var failure = await FailsAsync(client);

        Assert.Equal($"The Lambda Runtime API at {server.Address} sent a response head larger than 64 KB. The function process stops.", failure.Message);
    }

    [Fact]
    public async Task A_trailer_block_over_64_KB_is_rejected()
    {
        var filler = string.Concat(Enumerable.Range(0, 700).Select(i => $"X-Trailer-{i}: {new string('x', 100)}\r\n"));
        await using var server = RawHttpServer.Answering(_ =>
            $"HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: r\r\nLambda-Runtime-Deadline-Ms: 1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{{}}\r\n0\r\n{filler}\r\n");
        using var client = Client(server);

        var failure = await FailsAsync(client);

        Assert.Equal($"The Lambda Runtime API at {server.Address} sent a trailer block larger than 64 KB. The function process stops.", failure.Message);
    }

    [Fact]
    public async Task An_event_without_a_request_id_is_rejected()
    {
        await using var server = RawHttpServer.Answering(_ => "HTTP/1.1 200 OK\r\nLambda-Runtime-Deadline-Ms: 1\r\nContent-Length: 2\r\n\r\n{}");
        using var client = Client(server);

        var failure = await FailsAsync(client);

        Assert.Equal("The Runtime API sent an event without the Lambda-Runtime-Aws-Request-Id header.", failure.Message);
    }

    [Fact]
    public async Task A_500_on_next_is_fatal_with_the_start_of_its_body()
    {
        var body = new string('e', 600);
        await using var server = RawHttpServer.Answering(_ => $"HTTP/1.1 500 Internal Server Error\r\nContent-Length: {body.Length}\r\n\r\n{body}");
        using var client = Client(server);

        var failure = await FailsAsync(client);

        Assert.Equal($"The Lambda Runtime API at {server.Address} answered invocation/next with HTTP 500: {body[..512]}. The function process stops.", failure.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_500_on_a_post_is_fatal_and_a_4xx_is_returned_with_the_connection_kept()
    {
        await using var server = RawHttpServer.Answering(r => r.Target.EndsWith("/r-413/response", StringComparison.Ordinal)
            ? "HTTP/1.1 413 Payload Too Large\r\nTransfer-Encoding: chunked\r\n\r\n7\r\n{\"a\":1}\r\n0\r\n\r\n"
            : "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 4\r\n\r\noops");
        using var client = Client(server);

        var refused = await Task.Run(() => client.PostResponseAsync("r-413", "{}"u8.ToArray(), CancellationToken.None).AsTask()).WaitAsync(Wait);
        var failure = await Assert.ThrowsAsync<RuntimeApiException>(() => Task.Run(() => client.PostResponseAsync("r-500", "{}"u8.ToArray(), CancellationToken.None).AsTask()).WaitAsync(Wait));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused);
        Assert.Equal($"The Lambda Runtime API at {server.Address} answered invocation/response with HTTP 500: oops. The function process stops.", failure.Message);
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public async Task A_502_is_retried_after_the_backoff_on_the_injected_clock()
    {
        var time = new FakeTimeProvider();
        // The 502 ends its connection, so the retry comes on connection 2.
        await using var server = RawHttpServer.Answering(r => r.Connection == 1
            ? "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n"
            : Event("r-7", "{\"after\":\"retry\"}"));
        using var client = new RuntimeApiClient(server.Address, new LambdaRuntimeOptions { MaxConcurrency = Loops, RuntimeApiRetryDelay = TimeSpan.FromMilliseconds(50) }, time);
        using var next = new NextInvocation();

        var pending = Task.Run(() => client.GetNextAsync(next, CancellationToken.None).AsTask());
        var started = time.GetUtcNow();
        while (!pending.IsCompleted && time.GetUtcNow() - started < TimeSpan.FromSeconds(10))
        {
            await Task.WhenAny(pending, Task.Delay(5));
            if (server.Requests.Count == 1)
            {
                time.Advance(TimeSpan.FromMilliseconds(10));
            }
        }

        await pending.WaitAsync(Wait);
        Assert.Equal("{\"after\":\"retry\"}", Text(next));
        Assert.Equal(2, server.Requests.Count);
        Assert.True(time.GetUtcNow() - started >= TimeSpan.FromMilliseconds(50), "the retry waited for the backoff on the injected clock");
    }

    [Fact]
    public async Task Persistent_503s_end_with_the_last_answer()
    {
        await using var server = RawHttpServer.Answering(_ => "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 4\r\n\r\nbusy");
        using var client = Client(server, attempts: 3);

        var failure = await FailsAsync(client);

        Assert.Equal($"The Lambda Runtime API at {server.Address} answered invocation/next with HTTP 503: busy. The function process stops.", failure.Message);
        Assert.Equal(3, server.Requests.Count);
    }

    // A listener with a full backlog that never accepts: the kernel drops further SYNs, so a connect hangs.
    private static (System.Net.Sockets.Socket Listener, System.Net.Sockets.Socket Held) Unanswered()
    {
        var listener = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(0);
        var held = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        held.Connect(listener.LocalEndPoint!);
        return (listener, held);
    }

    [Fact]
    public async Task A_connect_that_gets_no_answer_gives_up_after_the_connect_timeout()
    {
        var (listener, held) = Unanswered();
        using (listener)
        using (held)
        {
            var address = listener.LocalEndPoint!.ToString();
            using var client = new RuntimeApiClient(address!, new LambdaRuntimeOptions { MaxConcurrency = Loops, RuntimeApiMaxAttempts = 1 }, TimeProvider.System);
            using var next = new NextInvocation();

            var failure = await Assert.ThrowsAsync<RuntimeApiException>(() => Task.Run(() => client.GetNextAsync(next, CancellationToken.None).AsTask()).WaitAsync(Wait));

            Assert.Equal(
                $"The Lambda Runtime API at {address} could not be reached for invocation/next after 1 attempts: Connecting to {address} timed out after 2 s. The function process stops.",
                failure.Message);
        }
    }

    [Fact]
    public async Task Cancelling_a_connect_that_gets_no_answer_stops_it()
    {
        var (listener, held) = Unanswered();
        using (listener)
        using (held)
        {
            using var client = new RuntimeApiClient(listener.LocalEndPoint!.ToString()!, new LambdaRuntimeOptions { MaxConcurrency = Loops, RuntimeApiMaxAttempts = 1 }, TimeProvider.System);
            using var next = new NextInvocation();
            using var stop = new CancellationTokenSource();

            var pending = Task.Run(() => client.GetNextAsync(next, stop.Token).AsTask());
            await Task.Delay(100);
            await stop.CancelAsync();

            // Not the 2 s connect timeout, which would end it with a RuntimeApiException.
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending.WaitAsync(Wait));
        }
    }

    [Fact]
    public async Task An_unreachable_Runtime_API_fails_after_the_attempts_with_the_reason()
    {
        int port;
        await using (var closed = RawHttpServer.Answering(_ => Accepted))
        {
            port = closed.Port;
        }

        using var client = new RuntimeApiClient($"127.0.0.1:{port}", new LambdaRuntimeOptions { MaxConcurrency = Loops, RuntimeApiMaxAttempts = 3, RuntimeApiRetryDelay = TimeSpan.Zero }, TimeProvider.System);
        using var next = new NextInvocation();

        var failure = await Assert.ThrowsAsync<RuntimeApiException>(() => Task.Run(() => client.GetNextAsync(next, CancellationToken.None).AsTask()).WaitAsync(Wait));

        Assert.StartsWith($"The Lambda Runtime API at 127.0.0.1:{port} could not be reached for invocation/next after 3 attempts: Connection refused", failure.Message);
    }

    [Fact]
    public async Task A_connection_closed_before_any_answer_is_retried()
    {
        await using var server = RawHttpServer.Start(async c =>
        {
            await c.ReadRequestAsync();
            if (c.Number == 1)
            {
                c.Close();
                return;
            }

            await c.WriteAsync(Event("r-8", "{}"));
            await c.WaitForCloseAsync();
        });
        using var client = Client(server, attempts: 2);

        using var next = await NextAsync(client);

        Assert.Equal("r-8", next.RequestId);
        Assert.Equal(2, server.Connections);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Reads_a_7_MB_event(bool chunked)
    {
        var payload = new byte[7 * 1024 * 1024];
        for (var i = 0; i < payload.Length; i++)
        {
            payload[i] = (byte)('a' + (i % 26));
        }

        await using var server = RawHttpServer.Start(async c =>
        {
            await c.ReadRequestAsync();
            var framing = chunked ? "Transfer-Encoding: chunked" : $"Content-Length: {payload.Length}";
            await c.WriteAsync($"HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: big\r\nLambda-Runtime-Deadline-Ms: 1\r\n{framing}\r\n\r\n");
            if (chunked)
            {
                for (var at = 0; at < payload.Length; at += 1_000_000)
                {
                    var size = Math.Min(1_000_000, payload.Length - at);
                    await c.WriteAsync($"{size:x}\r\n");
                    await c.WriteAsync(payload[at..(at + size)], pieceSize: 65_536);
                    await c.WriteAsync("\r\n");
                }

                await c.WriteAsync("0\r\n\r\n");
            }
            else
            {
                await c.WriteAsync(payload, pieceSize: 100_000);
            }

            await c.WaitForCloseAsync();
        });
        using var client = Client(server);

        using var next = await NextAsync(client);

        Assert.Equal(payload.Length, next.Length);
        Assert.True(next.Payload.Span.SequenceEqual(payload));
    }

    [Fact]
    public async Task Interim_100_responses_are_skipped()
    {
        await using var server = RawHttpServer.Answering(_ => "HTTP/1.1 100 Continue\r\n\r\n" + Event("r-100", "{}"));
        using var client = Client(server);

        using var next = await NextAsync(client);

        Assert.Equal("r-100", next.RequestId);
    }

    [Fact]
    public async Task Concurrent_callers_get_a_connection_each()
    {
        var both = new TaskCompletionSource();
        var waiting = 0;
        await using var server = RawHttpServer.Start(async c =>
        {
            while (await c.ReadRequestAsync() is { } request)
            {
                if (Interlocked.Increment(ref waiting) == 2)
                {
                    both.SetResult();
                }

                await both.Task;
                await c.WriteAsync(Event($"r-{c.Number}", "{}"));
            }
        });
        using var client = Client(server);

        var results = await Task.WhenAll(NextAsync(client), NextAsync(client));

        Assert.Equal(["r-1", "r-2"], results.Select(r => r.RequestId).Order());
        Assert.Equal(2, server.Connections);
        foreach (var result in results)
        {
            result.Dispose();
        }
    }

    [Fact]
    public async Task Cancelling_next_while_it_waits_stops_it()
    {
        await using var server = RawHttpServer.Start(async c =>
        {
            await c.ReadRequestAsync();
            await c.WaitForCloseAsync();
        });
        using var client = Client(server);
        using var next = new NextInvocation();
        using var stop = new CancellationTokenSource();

        var pending = Task.Run(() => client.GetNextAsync(next, stop.Token).AsTask());
        while (server.Requests.IsEmpty)
        {
            await Task.Delay(5);
        }

        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending.WaitAsync(Wait));
    }

    [Fact]
    public async Task A_protocol_violation_ends_the_running_function_with_the_Runtime_API_exit_code()
    {
        var nexts = 0;
        await using var server = RawHttpServer.Answering(r => r.Method == "POST"
            ? Accepted
            : Interlocked.Increment(ref nexts) == 1
                ? Event("r-1", "{}")
                : "HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: r-2\r\nTransfer-Encoding: chunked\r\n\r\nnot-hex\r\n");
        var app = TestApps.Builder().Build();
        app.MapHandler(_ => ValueTask.CompletedTask);
        await using (app)
        {
            var exitCode = await app.RunCoreAsync(server.Address, CancellationToken.None).WaitAsync(Wait);

            Assert.Equal(LambdaApplication.RuntimeApiFailedExitCode, exitCode);
            Assert.Equal(["GET", "POST", "GET"], server.Requests.Select(r => r.Method));
            Assert.Equal(1, server.Connections);
        }
    }

    [Fact]
    public async Task Reaches_a_Runtime_API_by_DNS_name()
    {
        await using var server = RawHttpServer.Answering(_ => Event("r-dns", "{}"));
        using var client = new RuntimeApiClient($"localhost:{server.Port}", new LambdaRuntimeOptions { MaxConcurrency = Loops }, TimeProvider.System);

        using var next = await NextAsync(client);

        Assert.Equal("r-dns", next.RequestId);
        Assert.Equal($"localhost:{server.Port}", Assert.Single(server.Requests).Headers["Host"]);
    }

    [Fact]
    public async Task Reaches_a_Runtime_API_at_an_IPv6_address()
    {
        if (!System.Net.Sockets.Socket.OSSupportsIPv6)
        {
            return;
        }

        RawHttpServer server;
        try
        {
            server = RawHttpServer.StartIPv6(async c =>
            {
                await c.ReadRequestAsync();
                await c.WriteAsync(Event("r-v6", "{}"));
                await c.WaitForCloseAsync();
            });
        }
        catch (System.Net.Sockets.SocketException)
        {
            return; // no IPv6 loopback in this container
        }

        await using (server)
        {
            using var client = new RuntimeApiClient(server.Address, new LambdaRuntimeOptions { MaxConcurrency = Loops }, TimeProvider.System);

            using var next = await NextAsync(client);

            Assert.Equal("r-v6", next.RequestId);
            Assert.Equal($"[::1]:{server.Port}", Assert.Single(server.Requests).Headers["Host"]);
        }
    }
}

/// <summary>The client of the process's only loop: blocking socket calls on the caller's thread.</summary>
public sealed class BlockingRuntimeApiClientTests : RuntimeApiClientTests
{
    private protected override int Loops => 1;

    [Fact]
    public async Task Calls_complete_synchronously_on_the_calling_thread()
    {
        await using var server = RawHttpServer.Answering(r => r.Method == "POST" ? Accepted : Event("r-1", "{}"));
        using var client = Client(server);
        using var next = new NextInvocation();

        var (nextCall, postCall) = await Task.Run(() =>
        {
            var nextCall = client.GetNextAsync(next, CancellationToken.None).AsTask();
            var postCall = client.PostResponseAsync("r-1", "{}"u8.ToArray(), CancellationToken.None).AsTask();
            return (nextCall, postCall);
        }).WaitAsync(Wait);

        Assert.True(nextCall.IsCompletedSuccessfully);
        Assert.True(postCall.IsCompletedSuccessfully);
        Assert.Equal("r-1", next.RequestId);
        Assert.Equal(HttpStatusCode.Accepted, await postCall);
        Assert.Equal(1, server.Connections);
    }
}

/// <summary>The client shared by several loops: asynchronous socket calls.</summary>
public sealed class AsyncRuntimeApiClientTests : RuntimeApiClientTests
{
    private protected override int Loops => 2;
}
