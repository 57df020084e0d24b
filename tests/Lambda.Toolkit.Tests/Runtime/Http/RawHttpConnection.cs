using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;

namespace Lambda.Toolkit.Tests.Runtime.Http;

/// <summary>One accepted connection of <see cref="RawHttpServer"/>: reads requests, writes raw bytes.</summary>
public sealed class RawHttpConnection
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly ConcurrentQueue<RawHttpRequest> _log;
    private readonly CancellationToken _stop;

    internal RawHttpConnection(TcpClient client, int number, ConcurrentQueue<RawHttpRequest> log, CancellationToken stop)
    {
        _client = client;
        _stream = client.GetStream();
        Number = number;
        _log = log;
        _stop = stop;
    }

    /// <summary>1 for the first connection accepted, and so on.</summary>
    public int Number { get; }

    /// <summary>Reads one request (head and Content-Length body); null when the client closed the connection.</summary>
    public async Task<RawHttpRequest?> ReadRequestAsync()
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 4 || head[^4] != '\r' || head[^3] != '\n' || head[^2] != '\r' || head[^1] != '\n')
        {
            if (await _stream.ReadAsync(one, _stop) == 0)
            {
                return null;
            }

            head.Add(one[0]);
        }

        var text = Encoding.ASCII.GetString(head.ToArray());
        var lines = text[..^4].Split("\r\n");
        var parts = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            headers.Add(line[..colon], line[(colon + 1)..].Trim());
        }

        var body = new byte[headers.TryGetValue("Content-Length", out var length) ? int.Parse(length) : 0];
        await _stream.ReadExactlyAsync(body, _stop);
        var request = new RawHttpRequest(Number, parts[0], parts[1], parts[2], headers, body, text);
        _log.Enqueue(request);
        return request;
    }

    /// <summary>Writes ASCII text.</summary>
    public Task WriteAsync(string text, int pieceSize = int.MaxValue) => WriteAsync(Encoding.ASCII.GetBytes(text), pieceSize);

    /// <summary>Writes bytes in pieces of <paramref name="pieceSize"/> (each its own send), so the client sees them split.</summary>
    public async Task WriteAsync(byte[] data, int pieceSize = int.MaxValue)
    {
        for (var at = 0; at < data.Length; at += pieceSize)
        {
            await _stream.WriteAsync(data.AsMemory(at, Math.Min(pieceSize, data.Length - at)), _stop);
            await _stream.FlushAsync(_stop);
            if (pieceSize < data.Length)
            {
                // Let the client read this piece on its own.
                await Task.Yield();
            }
        }
    }

    /// <summary>Closes the connection (FIN).</summary>
    public void Close() => _client.Client.Shutdown(SocketShutdown.Both);

    /// <summary>Waits until the client closes its side.</summary>
    public async Task WaitForCloseAsync()
    {
        var scratch = new byte[256];
        while (await _stream.ReadAsync(scratch, _stop) > 0)
        {
        }
    }
}
