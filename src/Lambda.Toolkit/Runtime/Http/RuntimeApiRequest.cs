using System.Buffers;
using System.Globalization;
using System.Text;

namespace Lambda.Toolkit.Runtime.Http;

/// <summary>
/// One Runtime API request: <c>GET</c> or <c>POST</c> of <c>/2018-06-01/runtime/{path}</c> (with the request id,
/// percent-encoded, between <see cref="Path"/> and <see cref="PathTail"/>), a body and the Runtime API's headers.
/// Written as an HTTP/1.1 message without <c>Expect: 100-continue</c>.
/// </summary>
internal readonly struct RuntimeApiRequest
{
    private const string Prefix = "/2018-06-01/runtime/";
    private const string ErrorTypeHeader = RuntimeApiHeaders.FunctionErrorType + ": ";

    public RuntimeApiRequest(bool isPost, string path, string? requestId = null, string? pathTail = null, ReadOnlyMemory<byte> body = default, string? errorType = null)
    {
        IsPost = isPost;
        Path = path;
        RequestId = requestId;
        PathTail = pathTail;
        Body = body;
        ErrorType = errorType;
    }

    /// <summary><c>POST</c> when set, else <c>GET</c>.</summary>
    public bool IsPost { get; }

    /// <summary>The path after <c>/2018-06-01/runtime/</c>, up to the request id if there is one.</summary>
    public string Path { get; }

    /// <summary>The invocation's request id, percent-encoded into the path.</summary>
    public string? RequestId { get; }

    /// <summary>The path after the request id.</summary>
    public string? PathTail { get; }

    /// <summary>The body (posts only).</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>Whether the body is sent as <c>application/json</c>: the error calls' payload; a response is sent as the handler wrote it.</summary>
    public bool IsJson => ErrorType is not null;

    /// <summary>The <c>Lambda-Runtime-Function-Error-Type</c> header, printable ASCII only.</summary>
    public string? ErrorType { get; }

    /// <summary>
    /// Writes the request line and headers into <paramref name="buffer"/> (a pooled array, replaced by a larger
    /// one when needed) and returns their length.
    /// </summary>
    public int WriteHead(ref byte[] buffer, string host)
    {
        // Upper bound: a request id char takes at most 9 bytes percent-encoded (3 UTF-8 bytes as %XX).
        var bound = 64 + Prefix.Length + Path.Length + (9 * (RequestId?.Length ?? 0)) + (PathTail?.Length ?? 0) + host.Length
            + (IsJson ? 48 : 0) + (ErrorType is null ? 0 : ErrorTypeHeader.Length + ErrorType.Length + 2);
        if (bound > buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(bound);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = bigger;
        }

        var span = buffer.AsSpan();
        var at = Append(span, 0, IsPost ? "POST "u8 : "GET "u8);
        at = AppendAscii(span, at, Prefix);
        at = AppendAscii(span, at, Path);
        if (RequestId is not null)
        {
            at = AppendEscaped(span, at, RequestId);
        }

        if (PathTail is not null)
        {
            at = AppendAscii(span, at, PathTail);
        }

        at = Append(span, at, " HTTP/1.1\r\nHost: "u8);
        at = AppendAscii(span, at, host);
        if (IsPost)
        {
            at = Append(span, at, "\r\nContent-Length: "u8);
            Body.Length.TryFormat(span[at..], out var written, provider: CultureInfo.InvariantCulture);
            at += written;
        }

        if (IsJson)
        {
            at = Append(span, at, "\r\nContent-Type: application/json"u8);
        }

        if (ErrorType is not null)
        {
            at = Append(span, at, "\r\n"u8);
            at = AppendAscii(span, at, ErrorTypeHeader);
            at = AppendAscii(span, at, ErrorType);
        }

        return Append(span, at, "\r\n\r\n"u8);
    }

    private static int Append(Span<byte> span, int at, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(span[at..]);
        return at + bytes.Length;
    }

    private static int AppendAscii(Span<byte> span, int at, string text)
    {
        if (Ascii.FromUtf16(text, span[at..], out var written) != OperationStatus.Done)
        {
            throw new ArgumentException($"'{text}' is not ASCII and cannot go into a request head.", nameof(text));
        }

        return at + written;
    }

    // As Uri.EscapeDataString: RFC 3986 unreserved characters stay, every other UTF-8 byte becomes %XX.
    private static int AppendEscaped(Span<byte> span, int at, string text)
    {
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsAscii && IsUnreserved((char)rune.Value))
            {
                span[at++] = (byte)rune.Value;
                continue;
            }

            var length = rune.EncodeToUtf8(utf8);
            for (var i = 0; i < length; i++)
            {
                span[at] = (byte)'%';
                span[at + 1] = (byte)"0123456789ABCDEF"[utf8[i] >> 4];
                span[at + 2] = (byte)"0123456789ABCDEF"[utf8[i] & 0xF];
                at += 3;
            }
        }

        return at;
    }

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';
}
