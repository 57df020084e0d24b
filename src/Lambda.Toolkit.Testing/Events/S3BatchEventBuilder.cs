using System.Security.Cryptography;
using System.Text.Json;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.S3Batch;

namespace Lambda.Toolkit.Testing.Events;

/// <summary>
/// Builds an Amazon S3 Batch Operations invocation as S3 sends it to Lambda: schema <c>1.0</c> (the default) names the
/// bucket by ARN, schema <c>2.0</c> by name and carries the job's user arguments; keys are URL-encoded, and the
/// invocation and task ids are opaque base64 tokens.
/// </summary>
/// <example>
/// <code>
/// var invocation = new S3BatchEventBuilder("photos")
///     .WithSchemaVersion("2.0")
///     .WithUserArgument("size", "256")
///     .AddTask("2026/march trip.jpg")
///     .ToJson();
/// </code>
/// </example>
public sealed class S3BatchEventBuilder
{
    private readonly string _bucketName;
    private readonly List<(string Key, string? VersionId)> _tasks = [];
    private readonly Dictionary<string, string> _userArguments = new(StringComparer.Ordinal);
    private string _schemaVersion = "1.0";
    private string? _jobId;

    /// <summary>Starts an invocation for objects of the named bucket.</summary>
    /// <param name="bucketName">The bucket name. Default: <c>test-bucket</c>.</param>
    public S3BatchEventBuilder(string bucketName = "test-bucket")
    {
        ArgumentException.ThrowIfNullOrEmpty(bucketName);
        _bucketName = bucketName;
    }

    /// <summary>Sets the schema version. Default: <c>1.0</c>, S3's default; <c>2.0</c> is what directory buckets and user arguments need.</summary>
    /// <param name="version"><c>1.0</c> or <c>2.0</c>.</param>
    /// <returns>This builder.</returns>
    public S3BatchEventBuilder WithSchemaVersion(string version)
    {
        _schemaVersion = version is "1.0" or "2.0"
            ? version
            : throw new ArgumentException("S3 Batch Operations invokes Lambda with schema version 1.0 or 2.0.", nameof(version));
        return this;
    }

    /// <summary>Sets the job's id. Default: a new UUID.</summary>
    /// <param name="jobId">The job id.</param>
    /// <returns>This builder.</returns>
    public S3BatchEventBuilder WithJobId(string jobId)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        _jobId = jobId;
        return this;
    }

    /// <summary>Adds a user argument of the job (schema <c>2.0</c> only: <see cref="Build"/> refuses them in <c>1.0</c>, as S3 does). Without any, the job has no <c>userArguments</c>.</summary>
    /// <param name="key">The argument's name.</param>
    /// <param name="value">Its value.</param>
    /// <returns>This builder.</returns>
    public S3BatchEventBuilder WithUserArgument(string key, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        _userArguments[key] = value;
        return this;
    }

    /// <summary>Adds a task.</summary>
    /// <param name="key">The object key, not encoded (the builder URL-encodes it as S3 does).</param>
    /// <param name="versionId">The object's version id, when the manifest names one. Default: none.</param>
    /// <returns>This builder.</returns>
    public S3BatchEventBuilder AddTask(string key, string? versionId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        _tasks.Add((key, versionId));
        return this;
    }

    /// <summary>Builds the invocation.</summary>
    /// <returns>A new <see cref="S3BatchEvent"/>, one task per added object, in order.</returns>
    /// <exception cref="InvalidOperationException">User arguments were added to a schema <c>1.0</c> invocation.</exception>
    public S3BatchEvent Build()
    {
        var v2 = _schemaVersion == "2.0";
        if (!v2 && _userArguments.Count > 0)
        {
            throw new InvalidOperationException("User arguments need schema version 2.0: call WithSchemaVersion(\"2.0\").");
        }

        var tasks = new List<S3BatchTask>(_tasks.Count);
        foreach (var (key, versionId) in _tasks)
        {
            tasks.Add(new S3BatchTask
            {
                TaskId = OpaqueId(15),
                S3Key = S3EventBuilder.EncodeKey(key),
                S3VersionId = versionId,
                S3BucketArn = v2 ? null : "arn:aws:s3:::" + _bucketName,
                S3Bucket = v2 ? _bucketName : null,
            });
        }

        return new S3BatchEvent
        {
            InvocationSchemaVersion = _schemaVersion,
            InvocationId = OpaqueId(38),
            Job = new S3BatchJob
            {
                Id = _jobId ?? EventIds.Uuid(),
                UserArguments = _userArguments.Count > 0 ? new Dictionary<string, string>(_userArguments, StringComparer.Ordinal) : null,
            },
            Tasks = tasks,
        };
    }

    /// <summary>Builds the invocation and serializes it with <see cref="S3BatchJsonContext"/>.</summary>
    /// <returns>The event as UTF-8 JSON, ready for <c>LambdaTestHost.InvokeAsync</c>.</returns>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(Build(), S3BatchJsonContext.Default.S3BatchEvent);

    /// <summary>Base64 of random bytes without padding, the form of S3 Batch Operations' invocation and task ids.</summary>
    private static string OpaqueId(int bytes) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=');
}
