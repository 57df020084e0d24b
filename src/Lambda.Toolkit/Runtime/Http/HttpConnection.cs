using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Lambda.Toolkit.Runtime.Http;

/// <summary>
/// One HTTP/1.1 keep-alive connection to the Runtime API over a plain socket: writes a request, reads the
/// response head, then the body (<c>Content-Length</c>, chunked, or until the connection closes). One request
/// at a time. Transport failures are <see cref="IOException"/>s (the caller may retry); a response that breaks
/// the protocol is a <see cref="RuntimeApiException"/>. After either, the connection must be disposed.
/// </summary>
/// <remarks>
/// A <em>blocking</em> connection (the process's only loop, <see cref="LambdaRuntimeOptions.MaxConcurrency"/> 1) makes
/// blocking socket calls on the caller's thread: its <see cref="ValueTask"/>s complete synchronously, so no
/// thread-pool thread is started or woken for a completion and the socket engine's epoll thread has nothing to do
/// (on Unix .NET runs a blocking call on a socket that never went non-blocking as a plain system call; the engine's
/// thread itself is still started by the first <see cref="Socket"/> the process creates). The loop's thread is
/// blocked while <c>next</c> waits, which is what a single sequential long poll needs; a handler that goes async
/// still continues on the thread pool, and the loop then blocks that pool thread in <c>next</c>, which is fine for
/// one loop. Cancellation shuts the socket down so a blocked call returns, and surfaces as the
/// <see cref="OperationCanceledException"/> the asynchronous calls throw. Several loops use the asynchronous calls.
/// </remarks>
internal sealed partial class HttpConnection : IDisposable
{
    /// <summary>The largest response head (status line and header fields), and the largest trailer block.</summary>
    public const int MaxHeaderBytes = 64 * 1024;

    /// <summary>How long connecting (name resolution included) may take.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);

    // Bodies up to this size are copied behind the head and go out in one send.
    private const int InlineBodyLimit = 16 * 1024;
    private const int InitialBufferSize = 16 * 1024;

    private readonly RuntimeApiEndpoint _endpoint;
    private readonly bool _blocking;
    private Socket? _socket;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
    private byte[] _writeBuffer = ArrayPool<byte>.Shared.Rent(1024);
    private int _start;
    private int _end;
    private int _scanned;
    private bool _keepAlive;

    public HttpConnection(RuntimeApiEndpoint endpoint, bool blocking)
    {
        _endpoint = endpoint;
        _blocking = blocking;
    }

    /// <summary>Whether the socket is open (a connection that was used before, or connected by <see cref="ConnectAsync"/>).</summary>
    public bool IsConnected => _socket is not null;

    /// <summary>Whether any byte of the current response arrived: if not, a failure may be a stale keep-alive connection.</summary>
    public bool ResponseStarted { get; private set; }

    /// <summary>The current response's status code.</summary>
    public int StatusCode { get; private set; }

    /// <summary>The current response's header fields.</summary>
    public ResponseHeaders Headers { get; } = new();

    /// <summary>The current response's <c>Content-Length</c>, or <see langword="null"/> when it is chunked or delimited by the end of the connection.</summary>
    public long? ContentLength { get; private set; }

    /// <summary>Whether the current response's body has been read to its end.</summary>
    public bool IsBodyComplete => _state == BodyState.Complete;

    /// <summary>Whether another request may follow on this connection (not when bytes came after the response).</summary>
    public bool CanReuse => _socket is not null && _keepAlive && _state == BodyState.Complete && _start == _end;

    /// <summary>Opens the connection; gives up after <see cref="ConnectTimeout"/>.</summary>
    public async ValueTask ConnectAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        // A blocking connection to an IP address needs no timer: its connect is bounded by a send timeout.
        CancellationTokenSource? timeout = null;
        try
        {
            IPAddress[] addresses;
            if (_endpoint.Address is { } address)
            {
                addresses = [address];
            }
            else
            {
                timeout = Timeout(cancellationToken);
                addresses = await Dns.GetHostAddressesAsync(_endpoint.Host, timeout.Token).ConfigureAwait(false);
            }

            SocketException? last = null;
            foreach (var candidate in addresses)
            {
                var socket = new Socket(candidate.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    var endPoint = new IPEndPoint(candidate, _endpoint.Port);
                    if (_blocking)
                    {
                        ConnectBlocking(socket, endPoint, started, cancellationToken);
                    }
                    else
                    {
                        timeout ??= Timeout(cancellationToken);
                        await socket.ConnectAsync(endPoint, timeout.Token).ConfigureAwait(false);
                    }

                    _socket = socket;
                    return;
                }
                catch (SocketException ex) when (ex.SocketErrorCode != SocketError.TimedOut || !_blocking)
                {
                    socket.Dispose();
                    last = ex;
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            }

            throw new IOException(last is null ? $"{_endpoint.Host} has no address" : $"{last.Message} ({_endpoint.Authority})", last);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw TimedOut(ex);
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.TimedOut && _blocking)
        {
            throw TimedOut(ex);
        }
        catch (SocketException ex)
        {
            // Name resolution failed.
            throw new IOException($"{ex.Message} ({_endpoint.Authority})", ex);
        }
        finally
        {
            timeout?.Dispose();
        }
    }

    private static CancellationTokenSource Timeout(CancellationToken cancellationToken)
    {
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        return timeout;
    }

    private IOException TimedOut(Exception inner) =>
        new($"Connecting to {_endpoint.Authority} timed out after {ConnectTimeout.TotalSeconds:0} s", inner);

    // A blocking connect bounded by SO_SNDTIMEO (Linux ends connect() with EINPROGRESS, a SocketError.TimedOut here,
    // when it elapses). Switching the socket to non-blocking for a connect + poll would not do: .NET never puts a
    // socket back into blocking mode, and blocking calls on a non-blocking socket wait through the epoll engine.
    private static void ConnectBlocking(Socket socket, IPEndPoint endPoint, long started, CancellationToken cancellationToken)
    {
        var left = ConnectTimeout - Stopwatch.GetElapsedTime(started);
        if (left <= TimeSpan.Zero)
        {
            throw new SocketException((int)SocketError.TimedOut);
        }

        cancellationToken.ThrowIfCancellationRequested();
        socket.SendTimeout = Math.Max(1, (int)left.TotalMilliseconds);
        try
        {
            using (AbortOn(socket, cancellationToken))
            {
                socket.Connect(endPoint);
            }
        }
        catch (SocketException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        socket.SendTimeout = 0;
    }

    // Shuts the socket down when the token fires, so that a blocking call on it returns.
    private static CancellationTokenRegistration AbortOn(Socket socket, CancellationToken cancellationToken) =>
        cancellationToken.CanBeCanceled ? cancellationToken.UnsafeRegister(static s => Abort((Socket)s!), socket) : default;

    private static void Abort(Socket socket)
    {
        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Not connected yet, or already closed: the blocked call fails or returns anyway.
        }
    }

    /// <summary>Writes <paramref name="request"/>: the head and a small body in one send, a large body in a second.</summary>
    public async ValueTask SendAsync(RuntimeApiRequest request, CancellationToken cancellationToken)
    {
        ResponseStarted = false;
        StatusCode = 0;
        ContentLength = null;
        Headers.Clear();
        var length = request.WriteHead(ref _writeBuffer, _endpoint.Authority);
        var body = request.Body;
        if (body.Length <= InlineBodyLimit)
        {
            if (length + body.Length > _writeBuffer.Length)
            {
                var bigger = ArrayPool<byte>.Shared.Rent(length + body.Length);
                _writeBuffer.AsSpan(0, length).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(_writeBuffer);
                _writeBuffer = bigger;
            }

            body.Span.CopyTo(_writeBuffer.AsSpan(length));
            await SendAllAsync(_writeBuffer.AsMemory(0, length + body.Length), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await SendAllAsync(_writeBuffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
            await SendAllAsync(body, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads the response's status line and header fields (skipping interim 1xx responses).</summary>
    public async ValueTask ReadHeadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var end = FindHeadEnd();
            if (end - _start > MaxHeaderBytes || (end < 0 && _end - _start >= MaxHeaderBytes))
            {
                throw Protocol($"sent a response head larger than {MaxHeaderBytes / 1024} KB");
            }

            if (end >= 0)
            {
                var final = ParseHead(_buffer.AsSpan(_start, end - _start));
                _start = end;
                _scanned = end;
                if (final)
                {
                    return;
                }

                continue;
            }

            if (!await FillAsync(MaxHeaderBytes, cancellationToken).ConfigureAwait(false))
            {
                throw new IOException(_end == _start && !ResponseStarted
                    ? "The connection closed before a response arrived"
                    : "The connection closed in the middle of the response head");
            }
        }
    }

    public void Dispose()
    {
        _socket?.Dispose();
        _socket = null;
        _state = BodyState.Complete;
        _keepAlive = false;
        ReturnBuffer(ref _buffer);
        ReturnBuffer(ref _writeBuffer);
    }

    private static void ReturnBuffer(ref byte[] buffer)
    {
        var returned = buffer;
        buffer = [];
        if (returned.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(returned);
        }
    }

    // The index just past the CRLF CRLF that ends the head, or -1; resumes where the last search stopped.
    private int FindHeadEnd()
    {
        var from = Math.Max(_start, _scanned - 3);
        var found = _buffer.AsSpan(from, _end - from).IndexOf("\r\n\r\n"u8);
        if (found < 0)
        {
            _scanned = _end;
            return -1;
        }

        return from + found + 4;
    }

    // Parses a head that ends with CRLF CRLF; returns false for an interim (1xx) response to skip.
    private bool ParseHead(ReadOnlySpan<byte> head)
    {
        var lineEnd = head.IndexOf("\r\n"u8);
        var statusLine = head[..lineEnd];
        // HTTP/1.x SP 3DIGIT [SP reason]
        if (statusLine.Length < 12
            || !statusLine.StartsWith("HTTP/1."u8)
            || statusLine[7] is not ((byte)'0' or (byte)'1')
            || statusLine[8] != ' '
            || !char.IsAsciiDigit((char)statusLine[9]) || statusLine[9] == '0'
            || !char.IsAsciiDigit((char)statusLine[10])
            || !char.IsAsciiDigit((char)statusLine[11])
            || (statusLine.Length > 12 && statusLine[12] != ' '))
        {
            throw Protocol($"sent a malformed status line: '{Printable(statusLine)}'");
        }

        StatusCode = ((statusLine[9] - '0') * 100) + ((statusLine[10] - '0') * 10) + (statusLine[11] - '0');
        var http10 = statusLine[7] == '0';
        Headers.Clear();
        var rest = head[(lineEnd + 2)..];
        while (true)
        {
            lineEnd = rest.IndexOf("\r\n"u8);
            var line = rest[..lineEnd];
            rest = rest[(lineEnd + 2)..];
            if (line.IsEmpty)
            {
                break;
            }

            var colon = line.IndexOf((byte)':');
            if (colon <= 0 || !IsToken(line[..colon]))
            {
                throw Protocol($"sent a malformed header line: '{Printable(line)}'");
            }

            Headers.Add(line[..colon], line[(colon + 1)..].Trim(" \t"u8));
        }

        if (StatusCode is >= 100 and < 200 && StatusCode != 101)
        {
            return false;
        }

        _keepAlive = http10 ? Headers.HasToken("Connection", "keep-alive") : !Headers.HasToken("Connection", "close");
        ContentLength = null;
        if (Headers.Contains("Transfer-Encoding"))
        {
            if (!EndsWithChunked(Headers.Get("Transfer-Encoding")!))
            {
                throw Protocol($"sent an unsupported Transfer-Encoding: '{Headers.Get("Transfer-Encoding")}'");
            }

            _state = BodyState.ChunkSize;
        }
        else if (Headers.Contains("Content-Length"))
        {
            ContentLength = ParseContentLength();
            _remaining = ContentLength.Value;
            _state = _remaining == 0 ? BodyState.Complete : BodyState.ContentLength;
        }
        else if (StatusCode is 204 or 304)
        {
            _state = BodyState.Complete;
        }
        else
        {
            _state = BodyState.UntilClose;
            _keepAlive = false;
        }

        return true;
    }

    private long ParseContentLength()
    {
        long? length = null;
        for (var i = 0; i < Headers.Count; i++)
        {
            if (!Ascii.EqualsIgnoreCase(Headers.NameAt(i), "Content-Length"))
            {
                continue;
            }

            var value = Headers.ValueAt(i);
            if (value.IsEmpty
                || value.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0
                || !Utf8Parser.TryParse(value, out long parsed, out var consumed)
                || consumed != value.Length
                || (length is { } seen && seen != parsed))
            {
                throw Protocol($"sent an invalid Content-Length: '{Headers.Get("Content-Length")}'");
            }

            length = parsed;
        }

        return length!.Value;
    }

    private static bool EndsWithChunked(string transferEncoding)
    {
        var last = transferEncoding.AsSpan();
        var comma = last.LastIndexOf(',');
        return (comma < 0 ? last : last[(comma + 1)..]).Trim(" \t").Equals("chunked", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsToken(ReadOnlySpan<byte> name)
    {
        foreach (var b in name)
        {
            if (b <= 0x20 || b >= 0x7F || "\"(),/:;<=>?@[\\]{}"u8.Contains(b))
            {
                return false;
            }
        }

        return true;
    }

    // Reads more bytes into the buffer, compacting and growing it up to limit + a margin; false at the end of the stream.
    private async ValueTask<bool> FillAsync(int limit, CancellationToken cancellationToken)
    {
        if (_start == _end)
        {
            _start = _end = _scanned = 0;
        }
        else if (_end == _buffer.Length)
        {
            if (_start > 0)
            {
                var kept = _end - _start;
                _buffer.AsSpan(_start, kept).CopyTo(_buffer);
                _scanned -= _start;
                _start = 0;
                _end = kept;
            }
            else
            {
                var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(_buffer.Length * 2, limit + 1024));
                _buffer.AsSpan(0, _end).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = bigger;
            }
        }

        var read = await ReceiveAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            return false;
        }

        _end += read;
        ResponseStarted = true;
        return true;
    }

    private async ValueTask<int> ReceiveAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        var socket = _socket ?? throw new ObjectDisposedException(nameof(HttpConnection));
        try
        {
            if (!_blocking)
            {
                return await socket.ReceiveAsync(destination, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            int read;
            using (AbortOn(socket, cancellationToken))
            {
                read = socket.Receive(destination.Span);
            }

            // A socket shut down by the token reads as the end of the stream.
            cancellationToken.ThrowIfCancellationRequested();
            return read;
        }
        catch (SocketException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (SocketException ex)
        {
            throw new IOException(ex.Message, ex);
        }
    }

    private async ValueTask SendAllAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var socket = _socket ?? throw new ObjectDisposedException(nameof(HttpConnection));
        try
        {
            if (_blocking)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using (AbortOn(socket, cancellationToken))
                {
                    var rest = data.Span;
                    while (!rest.IsEmpty)
                    {
                        rest = rest[socket.Send(rest)..];
                    }
                }

                cancellationToken.ThrowIfCancellationRequested();
                return;
            }

            while (!data.IsEmpty)
            {
                var sent = await socket.SendAsync(data, SocketFlags.None, cancellationToken).ConfigureAwait(false);
                data = data[sent..];
            }
        }
        catch (SocketException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (SocketException ex)
        {
            throw new IOException(ex.Message, ex);
        }
    }

    private RuntimeApiException Protocol(string problem) =>
        new($"The Lambda Runtime API at {_endpoint.Authority} {problem}. The function process stops.");

    // At most 100 characters of protocol text, control characters shown as '?', for error messages.
    private static string Printable(ReadOnlySpan<byte> text)
    {
        var shown = text[..Math.Min(text.Length, 100)];
        var chars = new char[shown.Length];
        for (var i = 0; i < shown.Length; i++)
        {
            chars[i] = shown[i] is >= 0x20 and < 0x7F ? (char)shown[i] : '?';
        }

        return text.Length > shown.Length ? new string(chars) + "..." : new string(chars);
    }
}
