using System.Collections.Concurrent;
using System.Text.Json.Serialization;
using JobQueue.Adapter;

namespace JobQueue;

/// <summary>A thumbnail job's payload.</summary>
public sealed record ThumbnailJob([property: JsonPropertyName("imageKey")] string ImageKey, [property: JsonPropertyName("width")] int Width);

[JsonSerializable(typeof(ThumbnailJob))]
public sealed partial class ThumbnailJsonContext : JsonSerializerContext;

/// <summary>Where rendered thumbnails are recorded (in memory here; S3 in a real function).</summary>
public interface IThumbnailStore
{
    void Save(string key, int width);

    IReadOnlyCollection<string> Keys { get; }
}

public sealed class InMemoryThumbnailStore : IThumbnailStore
{
    private readonly ConcurrentDictionary<string, int> _saved = new();

    public IReadOnlyCollection<string> Keys => [.. _saved.Keys.Order(StringComparer.Ordinal)];

    public void Save(string key, int width) => _saved[key] = width;
}

/// <summary>Renders one thumbnail; a width outside 1–4096 fails the job (it comes back, and is parked after MaxAttempts).</summary>
public sealed class ThumbnailJobHandler(IThumbnailStore store) : IJobHandler<ThumbnailJob>
{
    public ValueTask HandleAsync(ThumbnailJob payload, JobContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(payload.ImageKey))
        {
            throw new ArgumentException($"Job {context.Job.JobId} has no imageKey.", nameof(payload));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(payload.Width, 1, nameof(payload));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(payload.Width, 4096, nameof(payload));
        store.Save($"thumbnails/{payload.Width}/{payload.ImageKey}", payload.Width);
        return ValueTask.CompletedTask;
    }
}
