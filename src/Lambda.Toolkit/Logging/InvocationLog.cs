namespace Lambda.Toolkit.Logging;

/// <summary>
/// What the logger keeps for one invocation while debug sampling or buffering is on: whether the invocation is
/// sampled, whether it has failed, and the suppressed lines kept for the case it fails (bounded, oldest dropped).
/// Its own lock guards the kept lines, since the invocation may end while an abandoned handler still logs.
/// </summary>
internal sealed class InvocationLog(bool sampled)
{
    private readonly object _gate = new();
    private Queue<byte[]>? _lines;
    private int _bytes;

    /// <summary>Whether the invocation was sampled: suppressed lines are written, not kept.</summary>
    public bool Sampled { get; } = sampled;

    /// <summary>Whether a line at Error or above has been logged: the kept lines were written and later ones are written directly.</summary>
    public bool Failed { get; set; }

    /// <summary>Whether the invocation has ended: lines logged later (by a handler abandoned after a timeout) are not kept.</summary>
    public bool Ended { get; set; }

    /// <summary>How many kept lines were dropped to stay within the limits.</summary>
    public int Dropped { get; private set; }

    public bool HasLines => _lines is { Count: > 0 } || Dropped > 0;

    /// <summary>Whether a line the level filter suppresses is to be written now.</summary>
    public bool WritesSuppressed => Sampled || Failed;

    public void Keep(ReadOnlySpan<byte> line, int maxLines, int maxBytes)
    {
        lock (_gate)
        {
            KeepLocked(line, maxLines, maxBytes);
        }
    }

    private void KeepLocked(ReadOnlySpan<byte> line, int maxLines, int maxBytes)
    {
        if (Ended)
        {
            return;
        }

        if (line.Length > maxBytes)
        {
            Dropped++;
            return;
        }

        var lines = _lines ??= new Queue<byte[]>();
        while (lines.Count > 0 && (lines.Count >= maxLines || _bytes + line.Length > maxBytes))
        {
            _bytes -= lines.Dequeue().Length;
            Dropped++;
        }

        lines.Enqueue(line.ToArray());
        _bytes += line.Length;
    }

    /// <summary>Writes the kept lines, oldest first, and forgets them.</summary>
    public void WriteTo(Stream output)
    {
        lock (_gate)
        {
            if (_lines is not { } lines)
            {
                return;
            }

            while (lines.TryDequeue(out var line))
            {
                output.Write(line);
            }

            _bytes = 0;
        }
    }

    public void Discard()
    {
        lock (_gate)
        {
            Ended = true;
            _lines = null;
            _bytes = 0;
        }
    }
}
