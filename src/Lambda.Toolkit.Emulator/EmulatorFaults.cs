namespace Lambda.Toolkit.Emulator;

/// <summary>
/// Faults the emulator injects into the next Runtime API requests, to test a runtime's retries and
/// fatal-error handling. Each request consumes one queued fault.
/// </summary>
public sealed class EmulatorFaults
{
    private readonly Queue<int> _faults = new();
    private readonly object _gate = new();

    /// <summary>The next <paramref name="count"/> requests are answered with <paramref name="statusCode"/>.</summary>
    /// <param name="count">How many requests.</param>
    /// <param name="statusCode">The HTTP status to answer with.</param>
    public void FailNext(int count, int statusCode)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        Enqueue(count, statusCode);
    }

    /// <summary>The next <paramref name="count"/> requests have their connection aborted without an answer.</summary>
    /// <param name="count">How many requests.</param>
    public void AbortNext(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Enqueue(count, Abort);
    }

    internal const int Abort = -1;

    /// <summary>Takes the next fault: a status, <see cref="Abort"/>, or 0 for none.</summary>
    internal int Take()
    {
        lock (_gate)
        {
            return _faults.Count > 0 ? _faults.Dequeue() : 0;
        }
    }

    private void Enqueue(int count, int fault)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _faults.Enqueue(fault);
            }
        }
    }
}
