using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.DynamoDb;

namespace Lambda.Toolkit.Testing.Events;

/// <summary>
/// Builds a DynamoDB Streams batch as Lambda delivers it: <c>INSERT</c>/<c>MODIFY</c>/<c>REMOVE</c> records with
/// keys, <c>NewImage</c>/<c>OldImage</c> as the stream view type allows, increasing sequence numbers, 32-hex event
/// ids, the stream ARN (with its label) and creation times in epoch seconds.
/// </summary>
/// <example>
/// <code>
/// var batch = new DynamoDbStreamEventBuilder("products")
///     .AddInsert(new Product("p1", 9.5m), MyJson.Default.Product)
///     .AddModify(new Product("p1", 9.5m), new Product("p1", 8m), MyJson.Default.Product)
///     .ToJson();
/// </code>
/// </example>
public sealed class DynamoDbStreamEventBuilder
{
    private readonly string _tableName;
    private readonly List<(string EventName, Dictionary<string, AttributeValue>? NewImage, Dictionary<string, AttributeValue>? OldImage, bool Ttl)> _records = [];
    private string[] _keyAttributes = ["id"];
    private string _viewType = "NEW_AND_OLD_IMAGES";
    private string _region = EventDefaults.Region;
    private string _accountId = EventDefaults.AccountId;
    private DateTimeOffset? _time;

    /// <summary>Starts a batch from the named table's stream.</summary>
    /// <param name="tableName">The table name. Default: <c>test-table</c>.</param>
    public DynamoDbStreamEventBuilder(string tableName = "test-table")
    {
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        _tableName = tableName;
    }

    /// <summary>Sets the table's key attributes, copied from each image into <c>Keys</c>. Default: <c>id</c>.</summary>
    /// <param name="keyAttributes">The partition key name, then the sort key name if the table has one.</param>
    /// <returns>This builder.</returns>
    public DynamoDbStreamEventBuilder WithKeys(params string[] keyAttributes)
    {
        ArgumentNullException.ThrowIfNull(keyAttributes);
        if (keyAttributes.Length is < 1 or > 2)
        {
            throw new ArgumentException("A table has a partition key and at most one sort key.", nameof(keyAttributes));
        }

        _keyAttributes = keyAttributes;
        return this;
    }

    /// <summary>
    /// Sets the stream view type: <c>KEYS_ONLY</c>, <c>NEW_IMAGE</c>, <c>OLD_IMAGE</c> or <c>NEW_AND_OLD_IMAGES</c>
    /// (the default). Images the view type leaves out are left out of the records.
    /// </summary>
    /// <param name="viewType">The view type.</param>
    /// <returns>This builder.</returns>
    public DynamoDbStreamEventBuilder WithViewType(string viewType)
    {
        _viewType = viewType is "KEYS_ONLY" or "NEW_IMAGE" or "OLD_IMAGE" or "NEW_AND_OLD_IMAGES"
            ? viewType
            : throw new ArgumentException($"'{viewType}' is not a stream view type.", nameof(viewType));
        return this;
    }

    /// <summary>Sets the table's region. Default: <c>us-east-1</c>.</summary>
    /// <param name="region">The region name.</param>
    /// <returns>This builder.</returns>
    public DynamoDbStreamEventBuilder InRegion(string region)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        _region = region;
        return this;
    }

    /// <summary>Sets the table's account id. Default: <c>123456789012</c>.</summary>
    /// <param name="accountId">The 12-digit account id.</param>
    /// <returns>This builder.</returns>
    public DynamoDbStreamEventBuilder InAccount(string accountId)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        _accountId = accountId;
        return this;
    }

    /// <summary>Sets when the changes were made. Default: the time <see cref="Build"/> runs.</summary>
    /// <param name="time">The time.</param>
    /// <returns>This builder.</returns>
    public DynamoDbStreamEventBuilder At(DateTimeOffset time)
    {
        _time = time;
        return this;
    }

    /// <summary>Adds an <c>INSERT</c> of <paramref name="newItem"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="newItem">The item written.</param>
    /// <param name="jsonTypeInfo">Source-generated JSON metadata for <typeparamref name="T"/>.</param>
    /// <returns>This builder.</returns>
    public DynamoDbStreamEventBuilder AddInsert<T>(T newItem, JsonTypeInfo<T> jsonTypeInfo) =>
        AddChange(DynamoDbChange.Insert, DynamoDbImage.Serialize(newItem, jsonTypeInfo), null);

    /// <summary>Adds a <c>MODIFY</c> from <paramref name="oldItem"/> to <paramref name="newItem"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="oldItem">The item before.</param>
    /// <param name="newItem">The item after.</param>
    /// <param name="jsonTypeInfo">Source-generated JSON metadata for <typeparamref name="T"/>.</param>
    /// <returns>This builder.</returns>
    public DynamoDbStreamEventBuilder AddModify<T>(T oldItem, T newItem, JsonTypeInfo<T> jsonTypeInfo) =>
        AddChange(DynamoDbChange.Modify, DynamoDbImage.Serialize(newItem, jsonTypeInfo), DynamoDbImage.Serialize(oldItem, jsonTypeInfo));

    /// <summary>Adds a <c>REMOVE</c> of <paramref name="oldItem"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="oldItem">The item deleted.</param>
    /// <param name="jsonTypeInfo">Source-generated JSON metadata for <typeparamref name="T"/>.</param>
    /// <param name="expiredByTimeToLive">Whether DynamoDB's TTL deleted it (the record then names the service as <c>userIdentity</c>).</param>
    /// <returns>This builder.</returns>
    public DynamoDbStreamEventBuilder AddRemove<T>(T oldItem, JsonTypeInfo<T> jsonTypeInfo, bool expiredByTimeToLive = false) =>
        AddChange(DynamoDbChange.Remove, null, DynamoDbImage.Serialize(oldItem, jsonTypeInfo), expiredByTimeToLive);

    /// <summary>Adds a change given as DynamoDB attribute maps.</summary>
    /// <param name="change">Insert, modify or remove.</param>
    /// <param name="newImage">The item after the change (insert, modify).</param>
    /// <param name="oldImage">The item before the change (modify, remove).</param>
    /// <param name="expiredByTimeToLive">For a remove: whether DynamoDB's TTL deleted it.</param>
    /// <returns>This builder.</returns>
    public DynamoDbStreamEventBuilder AddChange(DynamoDbChange change, IDictionary<string, AttributeValue>? newImage, IDictionary<string, AttributeValue>? oldImage, bool expiredByTimeToLive = false)
    {
        var eventName = change switch
        {
            DynamoDbChange.Insert when newImage is not null && oldImage is null => "INSERT",
            DynamoDbChange.Modify when newImage is not null && oldImage is not null => "MODIFY",
            DynamoDbChange.Remove when newImage is null && oldImage is not null => "REMOVE",
            _ => throw new ArgumentException("An insert has only a new image, a modify both, a remove only an old image.", nameof(change)),
        };
        foreach (var key in _keyAttributes)
        {
            if (!(newImage ?? oldImage!).ContainsKey(key))
            {
                throw new ArgumentException($"The item has no key attribute '{key}'; set the table's keys with WithKeys.", nameof(change));
            }
        }

        _records.Add((eventName, newImage is null ? null : new(newImage, StringComparer.Ordinal), oldImage is null ? null : new(oldImage, StringComparer.Ordinal), expiredByTimeToLive && change == DynamoDbChange.Remove));
        return this;
    }

    /// <summary>Builds the batch.</summary>
    /// <returns>A new <see cref="DynamoDbEvent"/>, one record per added change, in order.</returns>
    public DynamoDbEvent Build()
    {
        var time = _time ?? DateTimeOffset.UtcNow;
        var streamArn = $"arn:aws:dynamodb:{_region}:{_accountId}:table/{_tableName}/stream/{time.UtcDateTime.AddDays(-30).ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture)}";
        var sequence = BigInteger.Parse(EventIds.DecimalDigits(21), CultureInfo.InvariantCulture);
        var records = new List<DynamoDbRecord>(_records.Count);
        foreach (var (eventName, newImage, oldImage, ttl) in _records)
        {
            var image = newImage ?? oldImage!;
            var keys = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
            foreach (var key in _keyAttributes)
            {
                keys[key] = image[key];
            }

            var keepNew = _viewType is "NEW_IMAGE" or "NEW_AND_OLD_IMAGES";
            var keepOld = _viewType is "OLD_IMAGE" or "NEW_AND_OLD_IMAGES";
            var stream = new DynamoDbStreamRecord
            {
                ApproximateCreationDateTime = time.ToUnixTimeSeconds(),
                Keys = keys,
                NewImage = keepNew ? newImage : null,
                OldImage = keepOld ? oldImage : null,
                SequenceNumber = sequence.ToString(CultureInfo.InvariantCulture),
                StreamViewType = _viewType,
            };
            stream.SizeBytes = SizeOf(stream.Keys) + SizeOf(stream.NewImage) + SizeOf(stream.OldImage);
            records.Add(new DynamoDbRecord
            {
                EventId = EventIds.Hex32(),
                EventName = eventName,
                EventVersion = "1.1",
                EventSource = "aws:dynamodb",
                AwsRegion = _region,
                DynamoDb = stream,
                EventSourceArn = streamArn,
                UserIdentity = ttl ? new DynamoDbUserIdentity { Type = "Service", PrincipalId = "dynamodb.amazonaws.com" } : null,
            });
            sequence += 100;
        }

        return new DynamoDbEvent { Records = records };
    }

    /// <summary>An approximation of DynamoDB's item size: the UTF-8 length of the map's JSON less its type markers.</summary>
    private static long SizeOf(Dictionary<string, AttributeValue>? image) =>
        image is null ? 0 : JsonSerializer.SerializeToUtf8Bytes(image, DynamoDbJsonContext.Default.DictionaryStringAttributeValue).Length - (6L * image.Count);

    /// <summary>Builds the batch and serializes it with <see cref="DynamoDbJsonContext"/>.</summary>
    /// <returns>The event as UTF-8 JSON, ready for <c>LambdaTestHost.InvokeAsync</c>.</returns>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(Build(), DynamoDbJsonContext.Default.DynamoDbEvent);
}
