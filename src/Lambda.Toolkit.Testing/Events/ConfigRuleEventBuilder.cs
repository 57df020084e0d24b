using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Config;

namespace Lambda.Toolkit.Testing.Events;

/// <summary>
/// Builds the event AWS Config sends a custom Lambda rule: the rule's name, id and ARN, a result token, the execution
/// role, the rule parameters and the invoking event, both serialized into strings as Config sends them. The invoking
/// event is a <see cref="ScheduledNotification"/> unless <see cref="ForChange"/> or <see cref="ForOversizedChange"/> says
/// otherwise.
/// </summary>
/// <example>
/// <code>
/// var change = new ConfigRuleEventBuilder("tagged-instances")
///     .WithParameter("requiredTag", "owner")
///     .ForChange("AWS::EC2::Instance", "i-0123456789abcdef0", configurationJson: """{"instanceType":"t3.micro"}""", tags: new() { ["env"] = "prod" })
///     .ToJson();
/// </code>
/// </example>
public sealed class ConfigRuleEventBuilder
{
    private readonly string _ruleName;
    private readonly Dictionary<string, string> _parameters = new(StringComparer.Ordinal);
    private string? _parametersJson;
    private (string Kind, string ResourceType, string ResourceId, string Status, string? ConfigurationJson, Dictionary<string, string>? Tags)? _change;
    private bool _leftScope;
    private string _region = EventDefaults.Region;
    private string _accountId = EventDefaults.AccountId;
    private DateTimeOffset? _time;

    /// <summary>Starts an event for the named rule.</summary>
    /// <param name="ruleName">The rule's name. Default: <c>test-config-rule</c>.</param>
    public ConfigRuleEventBuilder(string ruleName = "test-config-rule")
    {
        ArgumentException.ThrowIfNullOrEmpty(ruleName);
        _ruleName = ruleName;
    }

    /// <summary>Adds a rule parameter (string-valued, as the console and most rules set them).</summary>
    /// <param name="name">The parameter's name.</param>
    /// <param name="value">Its value.</param>
    /// <returns>This builder.</returns>
    public ConfigRuleEventBuilder WithParameter(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        _parameters[name] = value;
        _parametersJson = null;
        return this;
    }

    /// <summary>Sets the rule parameters to <paramref name="value"/> serialized as JSON, replacing any added one by one.</summary>
    /// <typeparam name="T">The parameters' type.</typeparam>
    /// <param name="value">The parameters.</param>
    /// <param name="jsonTypeInfo">Source-generated metadata for <typeparamref name="T"/>.</param>
    /// <returns>This builder.</returns>
    public ConfigRuleEventBuilder WithParameters<T>(T value, JsonTypeInfo<T> jsonTypeInfo)
    {
        ArgumentNullException.ThrowIfNull(jsonTypeInfo);
        _parameters.Clear();
        _parametersJson = JsonSerializer.Serialize(value, jsonTypeInfo);
        return this;
    }

    /// <summary>Makes the invoking event a <see cref="ConfigurationItemChangeNotification"/> for one resource.</summary>
    /// <param name="resourceType">The resource's type, for example <c>AWS::EC2::Instance</c>.</param>
    /// <param name="resourceId">The resource's id.</param>
    /// <param name="status">The item's status (see <see cref="ConfigurationItemStatus"/>). Default: <c>OK</c>.</param>
    /// <param name="configurationJson">The resource's configuration as JSON. Default: <c>{}</c>.</param>
    /// <param name="tags">The resource's tags. Default: none.</param>
    /// <returns>This builder.</returns>
    public ConfigRuleEventBuilder ForChange(string resourceType, string resourceId, string status = ConfigurationItemStatus.Ok, string? configurationJson = null, Dictionary<string, string>? tags = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(resourceType);
        ArgumentException.ThrowIfNullOrEmpty(resourceId);
        ArgumentException.ThrowIfNullOrEmpty(status);
        if (configurationJson is not null)
        {
            using var check = JsonDocument.Parse(configurationJson);
        }

        _change = (ConfigMessageType.ConfigurationItemChangeNotification, resourceType, resourceId, status, configurationJson, tags is null ? null : new Dictionary<string, string>(tags, StringComparer.Ordinal));
        return this;
    }

    /// <summary>Makes the invoking event an <see cref="OversizedConfigurationItemChangeNotification"/> (a summary without configuration).</summary>
    /// <param name="resourceType">The resource's type.</param>
    /// <param name="resourceId">The resource's id.</param>
    /// <param name="status">The item's status. Default: <c>OK</c>.</param>
    /// <returns>This builder.</returns>
    public ConfigRuleEventBuilder ForOversizedChange(string resourceType, string resourceId, string status = ConfigurationItemStatus.Ok)
    {
        ArgumentException.ThrowIfNullOrEmpty(resourceType);
        ArgumentException.ThrowIfNullOrEmpty(resourceId);
        ArgumentException.ThrowIfNullOrEmpty(status);
        _change = (ConfigMessageType.OversizedConfigurationItemChangeNotification, resourceType, resourceId, status, null, null);
        return this;
    }

    /// <summary>Marks the resource as having left the rule's scope (<c>eventLeftScope: true</c>).</summary>
    /// <returns>This builder.</returns>
    public ConfigRuleEventBuilder LeftScope()
    {
        _leftScope = true;
        return this;
    }

    /// <summary>Sets the region. Default: <c>us-east-1</c>.</summary>
    /// <param name="region">The region name.</param>
    /// <returns>This builder.</returns>
    public ConfigRuleEventBuilder InRegion(string region)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        _region = region;
        return this;
    }

    /// <summary>Sets the account id. Default: <c>123456789012</c>.</summary>
    /// <param name="accountId">The 12-digit account id.</param>
    /// <returns>This builder.</returns>
    public ConfigRuleEventBuilder InAccount(string accountId)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        _accountId = accountId;
        return this;
    }

    /// <summary>Sets when Config captured the item or created the notification. Default: the time <see cref="Build"/> runs.</summary>
    /// <param name="time">The time.</param>
    /// <returns>This builder.</returns>
    public ConfigRuleEventBuilder At(DateTimeOffset time)
    {
        _time = time;
        return this;
    }

    /// <summary>Builds the event.</summary>
    /// <returns>A new <see cref="ConfigRuleEvent"/>.</returns>
    public ConfigRuleEvent Build()
    {
        var time = EventIds.IsoMilliseconds(_time ?? DateTimeOffset.UtcNow);
        var ruleId = "config-rule-" + EventIds.Random("abcdefghijklmnopqrstuvwxyz0123456789", 6);
        var context = ConfigJsonContext.Default;
        var invokingEvent = _change switch
        {
            { Kind: ConfigMessageType.ConfigurationItemChangeNotification } c => JsonSerializer.Serialize(
                new ConfigurationItemChangeNotification
                {
                    MessageType = c.Kind,
                    NotificationCreationTime = time,
                    RecordVersion = "1.3",
                    ConfigurationItemDiff = new ConfigurationItemDiff { ChangeType = ConfigurationItemStatus.IsDeleted(c.Status) ? "DELETE" : "UPDATE", ChangedProperties = new Dictionary<string, ConfigPropertyChange>(StringComparer.Ordinal) },
                    ConfigurationItem = new ConfigurationItem
                    {
                        ConfigurationItemVersion = "1.3",
                        ConfigurationItemCaptureTime = time,
                        ConfigurationStateId = (_time ?? DateTimeOffset.UtcNow).ToUnixTimeMilliseconds(),
                        AwsAccountId = _accountId,
                        ConfigurationItemStatus = c.Status,
                        ResourceType = c.ResourceType,
                        ResourceId = c.ResourceId,
                        AwsRegion = _region,
                        ConfigurationStateMd5Hash = string.Empty,
                        Tags = c.Tags ?? new Dictionary<string, string>(StringComparer.Ordinal),
                        RelatedEvents = [],
                        Relationships = [],
                        Configuration = Json(c.ConfigurationJson ?? "{}"),
                        SupplementaryConfiguration = Json("{}"),
                    },
                },
                context.ConfigurationItemChangeNotification),
            { Kind: ConfigMessageType.OversizedConfigurationItemChangeNotification } c => JsonSerializer.Serialize(
                new OversizedConfigurationItemChangeNotification
                {
                    MessageType = c.Kind,
                    NotificationCreationTime = time,
                    RecordVersion = "1.0",
                    ConfigurationItemSummary = new ConfigurationItemSummary
                    {
                        ChangeType = ConfigurationItemStatus.IsDeleted(c.Status) ? "DELETE" : "UPDATE",
                        ConfigurationItemVersion = "1.3",
                        ConfigurationItemCaptureTime = time,
                        ConfigurationStateId = (_time ?? DateTimeOffset.UtcNow).ToUnixTimeMilliseconds(),
                        AwsAccountId = _accountId,
                        ConfigurationItemStatus = c.Status,
                        ResourceType = c.ResourceType,
                        ResourceId = c.ResourceId,
                        AwsRegion = _region,
                        ConfigurationStateMd5Hash = EventIds.Hex32(),
                    },
                },
                context.OversizedConfigurationItemChangeNotification),
            _ => JsonSerializer.Serialize(
                new ScheduledNotification { MessageType = ConfigMessageType.ScheduledNotification, AwsAccountId = _accountId, NotificationCreationTime = time, RecordVersion = "1.0" },
                context.ScheduledNotification),
        };

        return new ConfigRuleEvent
        {
            InvokingEvent = invokingEvent,
            RuleParameters = _parametersJson ?? JsonSerializer.Serialize(_parameters, ConfigBuilderJson.Default.DictionaryStringString),
            ResultToken = EventIds.Random("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 64),
            EventLeftScope = _leftScope,
            ExecutionRoleArn = $"arn:aws:iam::{_accountId}:role/config-role",
            ConfigRuleArn = $"arn:aws:config:{_region}:{_accountId}:config-rule/{ruleId}",
            ConfigRuleName = _ruleName,
            ConfigRuleId = ruleId,
            AccountId = _accountId,
            Version = "1.0",
        };
    }

    /// <summary>Builds the event and serializes it with <see cref="ConfigJsonContext"/>.</summary>
    /// <returns>The event as UTF-8 JSON, ready for <c>LambdaTestHost.InvokeAsync</c>.</returns>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(Build(), ConfigJsonContext.Default.ConfigRuleEvent);

    private static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
