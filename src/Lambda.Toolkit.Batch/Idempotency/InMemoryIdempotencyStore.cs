namespace Lambda.Toolkit.Batch.Idempotency;

/// <summary>
/// An <see cref="IIdempotencyStore"/> in this process's memory: for tests and local runs, or for a function
/// whose duplicates only matter within one warm execution environment. Lambda runs many environments at
/// once and recycles them, so production functions want a shared store (DynamoDB, in <c>Lambda.Toolkit.Aws</c>).
/// Register it as a singleton. Thread-safe.
/// </summary>
public sealed class InMemoryIdempotencyStore : IIdempotencyStore
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private int _pruneAt = 1024;

    /// <summary>Creates a store on the system clock.</summary>
    public InMemoryIdempotencyStore()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Creates a store on <paramref name="timeProvider"/>'s clock.</summary>
    /// <param name="timeProvider">The clock that expires claims and completed keys.</param>
    public InMemoryIdempotencyStore(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _time = timeProvider;
    }

    /// <inheritdoc />
    public ValueTask<IdempotencyClaim> TryClaimAsync(string key, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = _time.GetUtcNow();
        lock (_entries)
        {
            if (_entries.TryGetValue(key, out var entry) && entry.Expires > now)
            {
                return ValueTask.FromResult(entry.Completed ? IdempotencyClaim.AlreadyCompleted : IdempotencyClaim.InProgress);
            }

            _entries[key] = new Entry(Completed: false, now + lease);
            return ValueTask.FromResult(IdempotencyClaim.Claimed);
        }
    }

    /// <inheritdoc />
    public ValueTask CompleteAsync(string key, TimeSpan retention, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = _time.GetUtcNow();
        lock (_entries)
        {
            _entries[key] = new Entry(Completed: true, now + retention);
            if (_entries.Count > _pruneAt)
            {
                // Keep a long-lived warm process from growing without bound; scan again only once the live
                // entries have doubled, so completing a record stays O(1) amortised.
                foreach (var expired in _entries.Where(e => e.Value.Expires <= now).Select(e => e.Key).ToList())
                {
                    _entries.Remove(expired);
                }

                _pruneAt = Math.Max(1024, _entries.Count * 2);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_entries)
        {
            if (_entries.TryGetValue(key, out var entry) && !entry.Completed)
            {
                _entries.Remove(key);
            }
        }

        return ValueTask.CompletedTask;
    }

    private readonly record struct Entry(bool Completed, DateTimeOffset Expires);
}
