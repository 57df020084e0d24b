using System.Net;
using System.Text.Json;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.S3;

namespace Lambda.Toolkit.Testing.Events;

/// <summary>
/// Builds an S3 event notification as S3 sends it to Lambda: URL-encoded object keys (spaces as <c>+</c>), ETags,
/// sequencers, the bucket ARN, request ids in <c>responseElements</c> and ISO 8601 event times with milliseconds.
/// </summary>
/// <example>
/// <code>
/// var notification = new S3EventBuilder("uploads")
///     .AddObjectCreated("reports/march 2026.csv", size: 2048)
///     .ToJson();
/// </code>
/// </example>
public sealed class S3EventBuilder
{
    private readonly string _bucketName;
    private readonly List<(string EventName, string Key, long? Size)> _records = [];
    private string _region = EventDefaults.Region;
    private string _sourceIp = "203.0.113.17";
    private DateTimeOffset? _time;

    /// <summary>Starts a notification from the named bucket.</summary>
    /// <param name="bucketName">The bucket name. Default: <c>test-bucket</c>.</param>
    public S3EventBuilder(string bucketName = "test-bucket")
    {
        ArgumentException.ThrowIfNullOrEmpty(bucketName);
        _bucketName = bucketName;
    }

    /// <summary>Sets the bucket's region. Default: <c>us-east-1</c>.</summary>
    /// <param name="region">The region name.</param>
    /// <returns>This builder.</returns>
    public S3EventBuilder InRegion(string region)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        _region = region;
        return this;
    }

    /// <summary>Sets the address of the client that made the request. Default: <c>203.0.113.17</c>.</summary>
    /// <param name="sourceIp">The IP address.</param>
    /// <returns>This builder.</returns>
    public S3EventBuilder FromSourceIp(string sourceIp)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceIp);
        _sourceIp = sourceIp;
        return this;
    }

    /// <summary>Sets when the events happened. Default: the time <see cref="Build"/> runs.</summary>
    /// <param name="time">The time.</param>
    /// <returns>This builder.</returns>
    public S3EventBuilder At(DateTimeOffset time)
    {
        _time = time;
        return this;
    }

    /// <summary>Adds an object-created record.</summary>
    /// <param name="key">The object key, not encoded (the builder encodes it as S3 does).</param>
    /// <param name="size">The object size in bytes. Default: <c>1024</c>.</param>
    /// <param name="eventName">The event name. Default: <c>ObjectCreated:Put</c>; also <c>ObjectCreated:Post</c>, <c>ObjectCreated:Copy</c>, <c>ObjectCreated:CompleteMultipartUpload</c>.</param>
    /// <returns>This builder.</returns>
    public S3EventBuilder AddObjectCreated(string key, long size = 1024, string eventName = "ObjectCreated:Put")
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (!eventName.StartsWith("ObjectCreated:", StringComparison.Ordinal))
        {
            throw new ArgumentException("An object-created event name starts 'ObjectCreated:'.", nameof(eventName));
        }

        _records.Add((eventName, key, size));
        return this;
    }

    /// <summary>Adds an object-removed record (no size or ETag, as S3 sends it).</summary>
    /// <param name="key">The object key, not encoded.</param>
    /// <param name="eventName">The event name. Default: <c>ObjectRemoved:Delete</c>; also <c>ObjectRemoved:DeleteMarkerCreated</c>.</param>
    /// <returns>This builder.</returns>
    public S3EventBuilder AddObjectRemoved(string key, string eventName = "ObjectRemoved:Delete")
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (!eventName.StartsWith("ObjectRemoved:", StringComparison.Ordinal))
        {
            throw new ArgumentException("An object-removed event name starts 'ObjectRemoved:'.", nameof(eventName));
        }

        _records.Add((eventName, key, null));
        return this;
    }

    /// <summary>Builds the notification.</summary>
    /// <returns>A new <see cref="S3Event"/>, one record per added object, in order.</returns>
    public S3Event Build()
    {
        var time = _time ?? DateTimeOffset.UtcNow;
        var records = new List<S3EventRecord>(_records.Count);
        foreach (var (eventName, key, size) in _records)
        {
            records.Add(new S3EventRecord
            {
                EventVersion = "2.1",
                EventSource = "aws:s3",
                AwsRegion = _region,
                EventTime = EventIds.IsoMilliseconds(time),
                EventName = eventName,
                UserIdentity = new S3UserIdentity { PrincipalId = "AWS:AIDAINPONIXQXHT3IKHL2" },
                RequestParameters = new S3RequestParameters { SourceIpAddress = _sourceIp },
                ResponseElements = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["x-amz-request-id"] = EventIds.UpperHex(16),
                    ["x-amz-id-2"] = EventIds.Random("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+", 76),
                },
                S3 = new S3Entity
                {
                    S3SchemaVersion = "1.0",
                    ConfigurationId = "lambda-notification",
                    Bucket = new S3Bucket
                    {
                        Name = _bucketName,
                        OwnerIdentity = new S3UserIdentity { PrincipalId = "A3NL1KOZZKExample" },
                        Arn = "arn:aws:s3:::" + _bucketName,
                    },
                    Object = new S3Object
                    {
                        Key = EncodeKey(key),
                        Size = size,
                        ETag = size is null ? null : EventIds.Hex32(),
                        Sequencer = "00" + EventIds.UpperHex(16),
                    },
                },
            });
        }

        return new S3Event { Records = records };
    }

    /// <summary>Builds the notification and serializes it with <see cref="S3JsonContext"/>.</summary>
    /// <returns>The event as UTF-8 JSON, ready for <c>LambdaTestHost.InvokeAsync</c>.</returns>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(Build(), S3JsonContext.Default.S3Event);

    /// <summary>S3 form-encodes each segment of the key (a space becomes <c>+</c>) and keeps the <c>/</c> separators.</summary>
    internal static string EncodeKey(string key) => string.Join('/', key.Split('/').Select(WebUtility.UrlEncode));
}
