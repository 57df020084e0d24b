using System.Buffers;
using System.Text;

namespace Lambda.Toolkit.Runtime.Http;

internal sealed partial class HttpConnection
{
    // The longest chunk-size line (size and extensions) accepted.
    private const int MaxChunkLineBytes = 8 * 1024;

    private static readonly string ChunkLineTooLong = $"sent a chunk-size line longer than {MaxChunkLineBytes} bytes";
    private static readonly string TrailersTooLarge = $"sent a trailer block larger than {MaxHeaderBytes / 1024} KB";

    private BodyState _state;
    private long _remaining;

    /// <summary>
    /// Reads the next bytes of the body into <paramref name="destination"/> (not empty); 0 at the end of the body.
    /// Bytes already buffered are copied, the rest is received straight into <paramref name="destination"/>.
    /// </summary>
    public async ValueTask<int> ReadBodyAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        while (true)
        {
            switch (_state)
            {
                case BodyState.Complete:
                    return 0;

                case BodyState.ContentLength:
                {
                    var read = await ReadRawAsync(destination[..(int)Math.Min(destination.Length, _remaining)], cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        throw new IOException($"The connection closed after {ContentLength - _remaining} of the body's {ContentLength} bytes");
                    }

                    _remaining -= read;
                    if (_remaining == 0)
                    {
                        _state = BodyState.Complete;
                    }

                    return read;
                }

                case BodyState.UntilClose:
                {
                    var read = await ReadRawAsync(destination, cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        _state = BodyState.Complete;
                    }

                    return read;
                }

                case BodyState.ChunkData:
                {
                    var read = await ReadRawAsync(destination[..(int)Math.Min(destination.Length, _remaining)], cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        throw new IOException($"The connection closed with {_remaining} bytes of a chunk still to come");
                    }

                    _remaining -= read;
                    if (_remaining == 0)
                    {
                        _state = BodyState.ChunkDataEnd;
                    }

                    return read;
                }

                case BodyState.ChunkDataEnd:
                    while (_end - _start < 2)
                    {
                        if (!await FillAsync(MaxChunkLineBytes, cancellationToken).ConfigureAwait(false))
                        {
                            throw new IOException("The connection closed after a chunk's data");
                        }
                    }

                    if (_buffer[_start] != '\r' || _buffer[_start + 1] != '\n')
                    {
                        throw Protocol($"sent chunk data longer than its size: '{Printable(_buffer.AsSpan(_start, Math.Min(_end - _start, 20)))}' follows it");
                    }

                    _start += 2;
                    _state = BodyState.ChunkSize;
                    break;

                default:
                {
                    var length = await ReadLineAsync(MaxChunkLineBytes, "chunk-size line", ChunkLineTooLong, cancellationToken).ConfigureAwait(false);
                    var size = ParseChunkSize(_buffer.AsSpan(_start - length - 2, length));
                    if (size > 0)
                    {
                        _remaining = size;
                        _state = BodyState.ChunkData;
                        break;
                    }

                    // The last chunk: trailer fields (ignored) up to an empty line.
                    var trailers = 0;
                    while ((length = await ReadLineAsync(MaxHeaderBytes - trailers, "trailer block", TrailersTooLarge, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        trailers += length + 2;
                        if (trailers >= MaxHeaderBytes)
                        {
                            throw Protocol(TrailersTooLarge);
                        }
                    }

                    _state = BodyState.Complete;
                    return 0;
                }
            }
        }
    }

    /// <summary>Reads the rest of the body and throws it away, so the connection can serve the next request.</summary>
    public async ValueTask DrainAsync(CancellationToken cancellationToken)
    {
        if (_state == BodyState.Complete)
        {
            return;
        }

        var scratch = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            while (await ReadBodyAsync(scratch, cancellationToken).ConfigureAwait(false) > 0)
            {
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    /// <summary>The start of the body as text (UTF-8, at most <paramref name="maxChars"/> characters), for error messages.</summary>
    public async ValueTask<string> ReadTextAsync(int maxChars, CancellationToken cancellationToken)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(maxChars * 4);
        try
        {
            var total = 0;
            int read;
            while (total < maxChars * 4 && (read = await ReadBodyAsync(bytes.AsMemory(total, (maxChars * 4) - total), cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
            }

            var text = Encoding.UTF8.GetString(bytes, 0, total);
            return text.Length > maxChars ? text[..maxChars] : text;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    // Copies buffered bytes, or receives straight into destination when none are buffered.
    private ValueTask<int> ReadRawAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        var buffered = _end - _start;
        if (buffered > 0)
        {
            var count = Math.Min(buffered, destination.Length);
            _buffer.AsSpan(_start, count).CopyTo(destination.Span);
            _start += count;
            return new ValueTask<int>(count);
        }

        return ReceiveAsync(destination, cancellationToken);
    }

    // Reads one CRLF-terminated line of at most limit bytes (else the protocol error tooLong) and consumes it; returns
    // its length without the CRLF (the line is then the length bytes before _start - 2).
    private async ValueTask<int> ReadLineAsync(int limit, string what, string tooLong, CancellationToken cancellationToken)
    {
        while (true)
        {
            var found = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n"u8);
            if (found >= 0)
            {
                if (found > limit)
                {
                    throw Protocol(tooLong);
                }

                _start += found + 2;
                return found;
            }

            if (_end - _start > limit)
            {
                throw Protocol(tooLong);
            }

            if (!await FillAsync(limit, cancellationToken).ConfigureAwait(false))
            {
                throw new IOException($"The connection closed in the middle of a {what}");
            }
        }
    }


    // chunk-size = 1*HEXDIG, then optional whitespace and ;extensions (ignored).
    private long ParseChunkSize(ReadOnlySpan<byte> line)
    {
        long size = 0;
        var digits = 0;
        for (; digits < line.Length; digits++)
        {
            var value = HexValue(line[digits]);
            if (value < 0)
            {
                break;
            }

            if (size > (int.MaxValue >> 4))
            {
                throw Protocol($"sent a chunk size that is too large: '{Printable(line)}'");
            }

            size = (size << 4) | (uint)value;
        }

        var rest = line[digits..].TrimStart(" \t"u8);
        if (digits == 0 || (!rest.IsEmpty && rest[0] != ';'))
        {
            throw Protocol($"sent an invalid chunk size: '{Printable(line)}'");
        }

        return size;
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
