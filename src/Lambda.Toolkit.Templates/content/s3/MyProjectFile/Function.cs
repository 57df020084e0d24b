using Lambda.Toolkit;
using Lambda.Toolkit.Batch.S3;
using Microsoft.Extensions.DependencyInjection;

namespace MyFunction;

/// <summary>
/// Handles S3 event notifications. Keys arrive URL-encoded; DecodedKey is the real key. S3 invokes the
/// function asynchronously: a failure is rethrown, so Lambda retries the event and then sends it to the
/// function's on-failure destination.
/// </summary>
public static class Function
{
    public static LambdaApplication Build(string[] args)
    {
        var builder = LambdaApplication.CreateBuilder(args);
        builder.Services.AddSingleton<IUploadIndex, UploadIndex>();   // built once, reused warm

        var app = builder.Build();
        app.MapS3((record, context, _) =>
        {
            var key = record.S3.Object.DecodedKey;
            if (key.EndsWith('/'))
            {
                return ValueTask.CompletedTask; // a "folder" marker: nothing to index
            }

            context.Services.GetRequiredService<IUploadIndex>().Add(record.S3.Bucket.Name, key, record.S3.Object.Size ?? 0);
            return ValueTask.CompletedTask;
        });
        return app;
    }
}

/// <summary>What was uploaded.</summary>
public interface IUploadIndex
{
    void Add(string bucket, string key, long size);

    IReadOnlyDictionary<string, long> Sizes { get; }
}

/// <summary>An in-memory index; a singleton shared by warm invocations.</summary>
public sealed class UploadIndex : IUploadIndex
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _sizes = new();

    public IReadOnlyDictionary<string, long> Sizes => _sizes;

    public void Add(string bucket, string key, long size) => _sizes[$"{bucket}/{key}"] = size;
}
