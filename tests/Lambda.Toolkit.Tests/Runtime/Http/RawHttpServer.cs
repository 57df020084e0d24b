using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Lambda.Toolkit.Tests.Runtime.Http;

/// <summary>
/// A hostile raw TCP server for the Runtime API client: each accepted connection runs a script that reads
/// requests and writes whatever bytes the test wants (split, truncated, malformed), then closes or keeps it.
/// </summary>
public sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<RawHttpConnection, Task> _script;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<Task> _served = [];
    private readonly Task _accepting;
    private int _connections;

    private RawHttpServer(IPAddress address, Func<RawHttpConnection, Task> script)
    {
        _script = script;
        _listener = new TcpListener(address, 0);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>host:port to give the client.</summary>
    public string Address => _listener.LocalEndpoint is IPEndPoint { AddressFamily: AddressFamily.InterNetworkV6 } v6
        ? $"[{v6.Address}]:{v6.Port}"
        : $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>How many connections were accepted.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Every request read, in order, with the number of the connection it came on.</summary>
    public ConcurrentQueue<RawHttpRequest> Requests { get; } = new();

    /// <summary>Faults of the scripts (assertion failures in them), surfaced at dispose.</summary>
    public ConcurrentQueue<Exception> Faults { get; } = new();

    public static RawHttpServer Start(Func<RawHttpConnection, Task> script) => new(IPAddress.Loopback, script);

    public static RawHttpServer StartIPv6(Func<RawHttpConnection, Task> script) => new(IPAddress.IPv6Loopback, script);

    /// <summary>A script that answers every request on every connection with <paramref name="answer"/>.</summary>
    public static RawHttpServer Answering(Func<RawHttpRequest, string> answer) => Start(async connection =>
    {
        while (await connection.ReadRequestAsync() is { } request)
        {
            await connection.WriteAsync(answer(request));
        }
    });

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        await Task.WhenAll(_served).WaitAsync(TimeSpan.FromSeconds(10));
        _stop.Dispose();
        Assert.Empty(Faults);
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var number = Interlocked.Increment(ref _connections);
            _served.Add(ServeAsync(client, number));
        }
    }

    private async Task ServeAsync(TcpClient client, int number)
    {
        using (client)
        {
            client.NoDelay = true;
            try
            {
                await _script(new RawHttpConnection(client, number, Requests, _stop.Token));
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
            {
                // The client went away or the test ended.
            }
            catch (Exception ex)
            {
                Faults.Enqueue(ex);
            }
        }
    }
}
