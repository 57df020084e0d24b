using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Sns;

namespace Lambda.Toolkit.Testing.Events;

/// <summary>
/// Builds an SNS notification as SNS delivers it to a Lambda subscription: message ids, the topic and subscription
/// ARNs, signature fields, the signing-certificate and unsubscribe URLs of the topic's region, and ISO 8601 times.
/// </summary>
/// <example>
/// <code>
/// var notification = new SnsEventBuilder("alarms")
///     .AddMessage(new Alarm("high"), MyJson.Default.Alarm, subject: "CPU")
///     .ToJson();
/// </code>
/// </example>
public sealed class SnsEventBuilder
{
    private readonly string _topicName;
    private readonly List<(string Message, string? Subject, Dictionary<string, SnsMessageAttribute> Attributes)> _messages = [];
    private string _region = EventDefaults.Region;
    private string _accountId = EventDefaults.AccountId;
    private DateTimeOffset? _time;

    /// <summary>Starts a notification from the named topic.</summary>
    /// <param name="topicName">The topic name. Default: <c>test-topic</c>.</param>
    public SnsEventBuilder(string topicName = "test-topic")
    {
        ArgumentException.ThrowIfNullOrEmpty(topicName);
        _topicName = topicName;
    }

    /// <summary>The topic ARN every record carries.</summary>
    public string TopicArn => $"arn:aws:sns:{_region}:{_accountId}:{_topicName}";

    /// <summary>Sets the topic's region. Default: <c>us-east-1</c>.</summary>
    /// <param name="region">The region name.</param>
    /// <returns>This builder.</returns>
    public SnsEventBuilder InRegion(string region)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        _region = region;
        return this;
    }

    /// <summary>Sets the topic's account id. Default: <c>123456789012</c>.</summary>
    /// <param name="accountId">The 12-digit account id.</param>
    /// <returns>This builder.</returns>
    public SnsEventBuilder InAccount(string accountId)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        _accountId = accountId;
        return this;
    }

    /// <summary>Sets when the messages were published. Default: the time <see cref="Build"/> runs.</summary>
    /// <param name="time">The time.</param>
    /// <returns>This builder.</returns>
    public SnsEventBuilder At(DateTimeOffset time)
    {
        _time = time;
        return this;
    }

    /// <summary>Adds a message.</summary>
    /// <param name="message">The message text.</param>
    /// <param name="subject">The subject, if the publisher set one.</param>
    /// <param name="attributes">String message attributes, by name.</param>
    /// <returns>This builder.</returns>
    public SnsEventBuilder AddMessage(string message, string? subject = null, IEnumerable<KeyValuePair<string, string>>? attributes = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var map = new Dictionary<string, SnsMessageAttribute>(StringComparer.Ordinal);
        foreach (var (name, value) in attributes ?? [])
        {
            map[name] = new SnsMessageAttribute { Type = "String", Value = value };
        }

        _messages.Add((message, subject, map));
        return this;
    }

    /// <summary>Adds a message whose text is <paramref name="value"/> serialized as JSON.</summary>
    /// <typeparam name="T">The message type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="jsonTypeInfo">Source-generated JSON metadata for <typeparamref name="T"/>.</param>
    /// <param name="subject">The subject, if the publisher set one.</param>
    /// <returns>This builder.</returns>
    public SnsEventBuilder AddMessage<T>(T value, JsonTypeInfo<T> jsonTypeInfo, string? subject = null) =>
        AddMessage(JsonSerializer.Serialize(value, jsonTypeInfo), subject);

    /// <summary>Builds the notification.</summary>
    /// <returns>A new <see cref="SnsEvent"/>, one record per added message, in order.</returns>
    public SnsEvent Build()
    {
        var time = _time ?? DateTimeOffset.UtcNow;
        var subscriptionArn = TopicArn + ":" + EventIds.Uuid();
        var records = new List<SnsRecord>(_messages.Count);
        foreach (var (message, subject, attributes) in _messages)
        {
            records.Add(new SnsRecord
            {
                EventVersion = "1.0",
                EventSubscriptionArn = subscriptionArn,
                EventSource = "aws:sns",
                Sns = new SnsMessage
                {
                    SignatureVersion = "1",
                    Timestamp = EventIds.IsoMilliseconds(time),
                    Signature = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(256)),
                    SigningCertUrl = $"https://sns.{_region}.amazonaws.com/SimpleNotificationService-{EventIds.Hex32()}.pem",
                    MessageId = EventIds.Uuid(),
                    Message = message,
                    MessageAttributes = new Dictionary<string, SnsMessageAttribute>(attributes, StringComparer.Ordinal),
                    Type = "Notification",
                    UnsubscribeUrl = $"https://sns.{_region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn={subscriptionArn}",
                    TopicArn = TopicArn,
                    Subject = subject,
                },
            });
        }

        return new SnsEvent { Records = records };
    }

    /// <summary>Builds the notification and serializes it with <see cref="SnsJsonContext"/>.</summary>
    /// <returns>The event as UTF-8 JSON, ready for <c>LambdaTestHost.InvokeAsync</c>.</returns>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(Build(), SnsJsonContext.Default.SnsEvent);
}
