using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.EventBridge;
using Lambda.Toolkit.Events.EventBridge.S3;

namespace Lambda.Toolkit.Testing.Events;

/// <summary>
/// Builds an EventBridge event as a rule delivers it to Lambda: version <c>0</c>, a UUID id, the account and region,
/// an ISO 8601 time to the second, resources and a JSON <c>detail</c>.
/// </summary>
/// <example>
/// <code>
/// var e = new EventBridgeEventBuilder("com.example.orders", "Order Placed")
///     .WithDetail(new OrderPlaced(42), MyJson.Default.OrderPlaced)
///     .ToJson();
/// var tick = EventBridgeEventBuilder.Scheduled("nightly-report").ToJson();
/// var upload = EventBridgeEventBuilder.S3ObjectCreated("photos", "cats/tom.jpg", 2048).Build(EventBridgeJsonContext.Default.S3ObjectCreatedDetail);
/// await handler(upload, ...);   // call a typed MapEventBridge handler directly
/// </code>
/// </example>
public sealed class EventBridgeEventBuilder
{
    private readonly string _source;
    private readonly string _detailType;
    private readonly List<string> _resources = [];
    private string _detailJson = "{}";
    private string _region = EventDefaults.Region;
    private string _accountId = EventDefaults.AccountId;
    private DateTimeOffset? _time;
    private string _service = "events";
    private bool _detailAsString;

    /// <summary>Starts an event.</summary>
    /// <param name="source">The event source, such as <c>com.example.orders</c> or <c>aws.s3</c>.</param>
    /// <param name="detailType">The detail type, such as <c>Order Placed</c>.</param>
    public EventBridgeEventBuilder(string source, string detailType)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentException.ThrowIfNullOrEmpty(detailType);
        _source = source;
        _detailType = detailType;
    }

    /// <summary>Starts the event a schedule rule sends: source <c>aws.events</c>, detail type <c>Scheduled Event</c>, the rule as its resource.</summary>
    /// <param name="ruleName">The rule's name.</param>
    /// <returns>A new builder.</returns>
    public static EventBridgeEventBuilder Scheduled(string ruleName)
    {
        ArgumentException.ThrowIfNullOrEmpty(ruleName);
        var builder = new EventBridgeEventBuilder("aws.events", "Scheduled Event");
        builder._resources.Add("rule/" + ruleName);
        return builder;
    }

    /// <summary>
    /// Starts the event an EventBridge Scheduler schedule sends a Lambda target that has no input: source
    /// <c>aws.scheduler</c>, detail type <c>Scheduled Event</c>, the schedule as its resource, and the detail as the
    /// JSON string <c>"{}"</c> (not an object), as Scheduler sends it.
    /// </summary>
    /// <param name="scheduleName">The schedule's name.</param>
    /// <param name="groupName">The schedule group. Default: <c>default</c>.</param>
    /// <returns>A new builder.</returns>
    public static EventBridgeEventBuilder FromScheduler(string scheduleName, string groupName = "default")
    {
        ArgumentException.ThrowIfNullOrEmpty(scheduleName);
        ArgumentException.ThrowIfNullOrEmpty(groupName);
        var builder = new EventBridgeEventBuilder("aws.scheduler", "Scheduled Event") { _service = "scheduler", _detailAsString = true };
        builder._resources.Add($"schedule/{groupName}/{scheduleName}");
        return builder;
    }

    /// <summary>Starts S3's <c>Object Created</c> event (a <c>PutObject</c>), with the bucket as its resource and an <see cref="S3ObjectCreatedDetail"/>.</summary>
    /// <param name="bucket">The bucket's name.</param>
    /// <param name="key">The object's key.</param>
    /// <param name="size">The object's size in bytes.</param>
    /// <returns>A new builder.</returns>
    public static EventBridgeEventBuilder S3ObjectCreated(string bucket, string key, long size)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var detail = new S3ObjectCreatedDetail
        {
            Version = "0",
            Bucket = new S3EventBridgeBucket { Name = bucket },
            Object = new S3EventBridgeObject { Key = key, Size = size, ETag = EventIds.Hex32(), Sequencer = EventIds.UpperHex(16) },
            RequestId = EventIds.UpperHex(16),
            Requester = EventDefaults.AccountId,
            SourceIpAddress = "198.51.100.7",
            Reason = "PutObject",
        };
        return new EventBridgeEventBuilder("aws.s3", "Object Created").WithResource("arn:aws:s3:::" + bucket).WithDetail(detail, EventBridgeJsonContext.Default.S3ObjectCreatedDetail);
    }

    /// <summary>Starts S3's <c>Object Deleted</c> event (a <c>DeleteObject</c>), with the bucket as its resource and an <see cref="S3ObjectDeletedDetail"/>.</summary>
    /// <param name="bucket">The bucket's name.</param>
    /// <param name="key">The object's key.</param>
    /// <param name="deletionType"><c>Permanently Deleted</c> (the default), or <c>Delete Marker Created</c> on a versioned bucket.</param>
    /// <returns>A new builder.</returns>
    public static EventBridgeEventBuilder S3ObjectDeleted(string bucket, string key, string deletionType = "Permanently Deleted")
    {
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentException.ThrowIfNullOrEmpty(deletionType);
        var detail = new S3ObjectDeletedDetail
        {
            Version = "0",
            Bucket = new S3EventBridgeBucket { Name = bucket },
            Object = new S3EventBridgeObject { Key = key, ETag = "d41d8cd98f00b204e9800998ecf8427e", Sequencer = EventIds.UpperHex(16) },
            RequestId = EventIds.UpperHex(16),
            Requester = EventDefaults.AccountId,
            SourceIpAddress = "198.51.100.7",
            Reason = "DeleteObject",
            DeletionType = deletionType,
        };
        return new EventBridgeEventBuilder("aws.s3", "Object Deleted").WithResource("arn:aws:s3:::" + bucket).WithDetail(detail, EventBridgeJsonContext.Default.S3ObjectDeletedDetail);
    }

    /// <summary>
    /// Adds a resource. A full ARN is kept as is; anything else, such as <c>rule/nightly</c>, becomes an EventBridge
    /// ARN of the builder's account and region (<c>arn:aws:events:{region}:{account}:rule/nightly</c>; <c>arn:aws:scheduler:...</c>
    /// for <see cref="FromScheduler"/>) when built.
    /// </summary>
    /// <param name="resource">A resource ARN, or an EventBridge resource path.</param>
    /// <returns>This builder.</returns>
    public EventBridgeEventBuilder WithResource(string resource)
    {
        ArgumentException.ThrowIfNullOrEmpty(resource);
        _resources.Add(resource);
        return this;
    }

    /// <summary>Sets the detail to <paramref name="value"/> serialized as JSON. Default: <c>{}</c>.</summary>
    /// <typeparam name="T">The detail type.</typeparam>
    /// <param name="value">The detail.</param>
    /// <param name="jsonTypeInfo">Source-generated JSON metadata for <typeparamref name="T"/>.</param>
    /// <returns>This builder.</returns>
    public EventBridgeEventBuilder WithDetail<T>(T value, JsonTypeInfo<T> jsonTypeInfo) => WithDetailJson(JsonSerializer.Serialize(value, jsonTypeInfo));

    /// <summary>Sets the detail from JSON text, which must be an object. Default: <c>{}</c>.</summary>
    /// <param name="json">The detail's JSON.</param>
    /// <returns>This builder.</returns>
    public EventBridgeEventBuilder WithDetailJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        _detailJson = document.RootElement.ValueKind == JsonValueKind.Object
            ? json
            : throw new ArgumentException("An EventBridge detail is a JSON object.", nameof(json));
        return this;
    }

    /// <summary>Sets the region. Default: <c>us-east-1</c>.</summary>
    /// <param name="region">The region name.</param>
    /// <returns>This builder.</returns>
    public EventBridgeEventBuilder InRegion(string region)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        _region = region;
        return this;
    }

    /// <summary>Sets the account id. Default: <c>123456789012</c>.</summary>
    /// <param name="accountId">The 12-digit account id.</param>
    /// <returns>This builder.</returns>
    public EventBridgeEventBuilder InAccount(string accountId)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        _accountId = accountId;
        return this;
    }

    /// <summary>Sets when the event happened. Default: the time <see cref="Build"/> runs.</summary>
    /// <param name="time">The time.</param>
    /// <returns>This builder.</returns>
    public EventBridgeEventBuilder At(DateTimeOffset time)
    {
        _time = time;
        return this;
    }

    /// <summary>Builds the event.</summary>
    /// <returns>A new event whose detail is a <see cref="JsonElement"/>.</returns>
    public EventBridgeEvent<JsonElement> Build()
    {
        using var detail = JsonDocument.Parse(_detailAsString ? JsonSerializer.Serialize(_detailJson, EventBridgeJsonContext.Default.String) : _detailJson);
        return new EventBridgeEvent<JsonElement>
        {
            Version = "0",
            Id = EventIds.Uuid(),
            DetailType = _detailType,
            Source = _source,
            Account = _accountId,
            Time = EventIds.IsoSeconds(_time ?? DateTimeOffset.UtcNow),
            Region = _region,
            Resources = _resources.ConvertAll(r => r.StartsWith("arn:", StringComparison.Ordinal) ? r : $"arn:aws:{_service}:{_region}:{_accountId}:{r}"),
            Detail = detail.RootElement.Clone(),
        };
    }

    /// <summary>
    /// Builds the event with its detail read as <typeparamref name="TDetail"/>, exactly as <c>MapEventBridge</c> reads it,
    /// to call a typed handler directly.
    /// </summary>
    /// <typeparam name="TDetail">The detail's type.</typeparam>
    /// <param name="detailType">Source-generated metadata for <typeparamref name="TDetail"/>.</param>
    /// <returns>A new event.</returns>
    public EventBridgeEvent<TDetail> Build<TDetail>(JsonTypeInfo<TDetail> detailType) =>
        LambdaEventSerializer.Deserialize(ToJson(), EventBridgeEventJson.Create(detailType));

    /// <summary>Builds the event and serializes it with <see cref="EventBridgeJsonContext"/>.</summary>
    /// <returns>The event as UTF-8 JSON, ready for <c>LambdaTestHost.InvokeAsync</c>.</returns>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(Build(), EventBridgeJsonContext.Default.EventBridgeEventJsonElement);
}
