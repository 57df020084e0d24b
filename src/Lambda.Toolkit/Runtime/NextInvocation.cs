using System.Buffers;
using System.Globalization;
using Lambda.Toolkit.Runtime.Http;

namespace Lambda.Toolkit.Runtime;

/// <summary>
/// One event received from <c>invocation/next</c>: the headers Lambda sent and the payload, read into a
/// buffer that the loop reuses for the next event.
/// </summary>
internal sealed class NextInvocation : IDisposable
{
    private const long MaxPresize = 256L * 1024 * 1024;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);

    public string RequestId { get; private set; } = string.Empty;

    public DateTimeOffset Deadline { get; private set; }

    public string InvokedFunctionArn { get; private set; } = string.Empty;

    public string? TraceId { get; private set; }

    public string? ClientContext { get; private set; }

    public string? CognitoIdentity { get; private set; }

    public int Length { get; private set; }

    public ReadOnlyMemory<byte> Payload => _buffer.AsMemory(0, Length);

    public void ReadHeaders(ResponseHeaders headers)
    {
        RequestId = Single(headers, RuntimeApiHeaders.RequestId)
            ?? throw new RuntimeApiException($"The Runtime API sent an event without the {RuntimeApiHeaders.RequestId} header.");
        var deadline = Single(headers, RuntimeApiHeaders.DeadlineMs);
        Deadline = long.TryParse(deadline, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
            ? FromUnixTimeMilliseconds(ms)
            : throw new RuntimeApiException($"The Runtime API sent an invalid {RuntimeApiHeaders.DeadlineMs} header: '{deadline}'.");
        InvokedFunctionArn = Single(headers, RuntimeApiHeaders.InvokedFunctionArn) ?? string.Empty;
        TraceId = Single(headers, RuntimeApiHeaders.TraceId);
        ClientContext = Single(headers, RuntimeApiHeaders.ClientContext);
        CognitoIdentity = Single(headers, RuntimeApiHeaders.CognitoIdentity);
    }

    public async ValueTask ReadBodyAsync(HttpConnection connection, CancellationToken cancellationToken)
    {
        // Size the buffer from Content-Length up front (a chunked body grows it as it comes); an absurd length
        // is not trusted with memory before its bytes arrive.
        if (connection.ContentLength is > 0 and <= MaxPresize and var expected && expected > _buffer.Length)
        {
            Grow((int)expected);
        }

        var total = 0;
        while (!connection.IsBodyComplete)
        {
            if (total == _buffer.Length)
            {
                Grow(_buffer.Length * 2);
            }

            var read = await connection.ReadBodyAsync(_buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        Length = total;
    }

    /// <summary>
    /// The deadline, held within what a <see cref="DateTimeOffset"/> can hold: a header beyond it (a deadline thousands of
    /// years away, or before year 1) is read as the farthest or earliest instant, never an exception that stops the process.
    /// </summary>
    private static DateTimeOffset FromUnixTimeMilliseconds(long ms) =>
        ms >= MaxUnixMilliseconds ? DateTimeOffset.MaxValue
        : ms <= MinUnixMilliseconds ? DateTimeOffset.MinValue
        : DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private const long MaxUnixMilliseconds = 253_402_300_799_999; // DateTimeOffset.MaxValue

    private const long MinUnixMilliseconds = -62_135_596_800_000; // DateTimeOffset.MinValue

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Grow(int size)
    {
        var bigger = ArrayPool<byte>.Shared.Rent(size);
        _buffer.AsSpan(0, Math.Min(_buffer.Length, bigger.Length)).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }

    private static string? Single(ResponseHeaders headers, string name) => headers.Get(name);
}
