using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Lambda.Toolkit.Events.Config;

/// <summary>
/// The event AWS Config sends a custom Lambda rule's function. <see cref="InvokingEvent"/> and
/// <see cref="RuleParameters"/> are JSON documents inside strings, kept exactly as sent (so the event round-trips);
/// read them with <see cref="ParseInvokingEvent"/> and <see cref="ParseRuleParameters()"/>. The function reports
/// its results to Config with <c>PutEvaluations</c> and <see cref="ResultToken"/>.
/// </summary>
public sealed class ConfigRuleEvent
{
    private const int MaxQuotedLength = 64;

    /// <summary>What triggered the rule, a JSON document in a string (see <see cref="ParseInvokingEvent"/>).</summary>
    [JsonPropertyName("invokingEvent")]
    [JsonRequired]
    public required string InvokingEvent { get; set; }

    /// <summary>The rule's input parameters, a JSON object in a string (see <see cref="ParseRuleParameters()"/>).</summary>
    [JsonPropertyName("ruleParameters")]
    public string? RuleParameters { get; set; }

    /// <summary>The token <c>PutEvaluations</c> takes with this event's evaluations.</summary>
    [JsonPropertyName("resultToken")]
    public string? ResultToken { get; set; }

    /// <summary>Whether the resource to evaluate has left the rule's scope; AWS's guidance answers <c>NOT_APPLICABLE</c> for it.</summary>
    [JsonPropertyName("eventLeftScope")]
    public bool? EventLeftScope { get; set; }

    /// <summary>The role Config assumed for the rule.</summary>
    [JsonPropertyName("executionRoleArn")]
    public string? ExecutionRoleArn { get; set; }

    /// <summary>The rule's ARN.</summary>
    [JsonPropertyName("configRuleArn")]
    public string? ConfigRuleArn { get; set; }

    /// <summary>The rule's name.</summary>
    [JsonPropertyName("configRuleName")]
    public string? ConfigRuleName { get; set; }

    /// <summary>The rule's id.</summary>
    [JsonPropertyName("configRuleId")]
    public string? ConfigRuleId { get; set; }

    /// <summary>The account that owns the rule.</summary>
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    /// <summary>The event format's version, for example <c>1.0</c>.</summary>
    [JsonPropertyName("version")]
    public string? Version { get; set; }

    /// <summary>How the rule evaluates: <c>DETECTIVE</c> (recorded resources) or <c>PROACTIVE</c> (before deployment), when Config says.</summary>
    [JsonPropertyName("evaluationMode")]
    public string? EvaluationMode { get; set; }

    /// <summary>
    /// Parses <see cref="InvokingEvent"/> by its <c>messageType</c> into a <see cref="ConfigurationItemChangeNotification"/>,
    /// <see cref="OversizedConfigurationItemChangeNotification"/>, <see cref="ScheduledNotification"/> or
    /// <see cref="ConfigurationSnapshotDeliveryCompleted"/>.
    /// </summary>
    /// <returns>The invoking event.</returns>
    /// <exception cref="EventDeserializationException">
    /// At <c>$.invokingEvent</c>: the string is empty, not valid JSON, not an object, has no <c>messageType</c>, has a
    /// <c>messageType</c> this model does not know, or is not that message's shape (the message names the path inside it).
    /// </exception>
    public ConfigInvokingEvent ParseInvokingEvent()
    {
        const string path = "$.invokingEvent";
        if (string.IsNullOrEmpty(InvokingEvent))
        {
            throw Error(path, "the invokingEvent is missing or empty.");
        }

        var json = Encoding.UTF8.GetBytes(InvokingEvent);
        var messageType = ReadMessageType(json, path);
        var context = ConfigJsonContext.Default;
        return messageType switch
        {
            ConfigMessageType.ConfigurationItemChangeNotification => Parse(json, context.ConfigurationItemChangeNotification),
            ConfigMessageType.OversizedConfigurationItemChangeNotification => Parse(json, context.OversizedConfigurationItemChangeNotification),
            ConfigMessageType.ScheduledNotification => Parse(json, context.ScheduledNotification),
            ConfigMessageType.ConfigurationSnapshotDeliveryCompleted => Parse(json, context.ConfigurationSnapshotDeliveryCompleted),
            _ => throw Error(
                path,
                $"the invokingEvent's messageType \"{Quote(messageType)}\" is not one this toolkit reads ({ConfigMessageType.ConfigurationItemChangeNotification}, {ConfigMessageType.OversizedConfigurationItemChangeNotification}, {ConfigMessageType.ScheduledNotification} or {ConfigMessageType.ConfigurationSnapshotDeliveryCompleted})."),
        };

        static T Parse<T>(byte[] json, JsonTypeInfo<T> type)
            where T : ConfigInvokingEvent
        {
            try
            {
                return LambdaEventSerializer.Deserialize(json, type);
            }
            catch (EventDeserializationException ex)
            {
                throw Error(path, $"the invokingEvent is not a valid {typeof(T).Name} at {ex.JsonPath}: {ex.Reason}", ex);
            }
        }
    }

    /// <summary>
    /// Parses <see cref="RuleParameters"/> into a dictionary: string values as they are, numbers and booleans as their
    /// JSON text, <c>null</c> values left out. No parameters (absent or empty) is an empty dictionary.
    /// </summary>
    /// <returns>The parameters by name (ordinal).</returns>
    /// <exception cref="EventDeserializationException">
    /// At <c>$.ruleParameters</c>: the string is not valid JSON, not an object, or a value is an object or array
    /// (read those with <see cref="ParseRuleParameters{T}(JsonTypeInfo{T})"/>).
    /// </exception>
    public IReadOnlyDictionary<string, string> ParseRuleParameters()
    {
        const string path = "$.ruleParameters";
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(RuleParameters))
        {
            return parameters;
        }

        using var document = ParseDocument(RuleParameters, path, "ruleParameters");
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw Error(path, $"the ruleParameters is a JSON {Kind(document.RootElement.ValueKind)}, not an object of parameters.");
        }

        foreach (var parameter in document.RootElement.EnumerateObject())
        {
            var value = parameter.Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    parameters[parameter.Name] = value.GetString()!;
                    break;
                case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                    parameters[parameter.Name] = value.GetRawText();
                    break;
                case JsonValueKind.Null:
                    break;
                default:
                    throw Error(path, $"the rule parameter \"{Quote(parameter.Name)}\" is a JSON {Kind(value.ValueKind)}; read structured parameters with ParseRuleParameters<T>(JsonTypeInfo<T>).");
            }
        }

        return parameters;
    }

    /// <summary>Parses <see cref="RuleParameters"/> as <typeparamref name="T"/>; no parameters (absent or empty) reads as <c>{}</c>.</summary>
    /// <typeparam name="T">The parameters' type.</typeparam>
    /// <param name="parametersType">Source-generated metadata for <typeparamref name="T"/>.</param>
    /// <returns>The parameters.</returns>
    /// <exception cref="EventDeserializationException">At <c>$.ruleParameters</c>: not valid JSON, or not a <typeparamref name="T"/> (the message names the path inside it).</exception>
    public T ParseRuleParameters<T>(JsonTypeInfo<T> parametersType)
    {
        ArgumentNullException.ThrowIfNull(parametersType);
        const string path = "$.ruleParameters";
        var json = string.IsNullOrWhiteSpace(RuleParameters) ? "{}" : RuleParameters;
        using (ParseDocument(json, path, "ruleParameters"))
        {
            // Valid JSON: a shape problem below is reported with its path inside the parameters.
        }

        try
        {
            return LambdaEventSerializer.Deserialize(json, parametersType);
        }
        catch (EventDeserializationException ex)
        {
            throw Error(path, $"the ruleParameters is not a valid {typeof(T).Name} at {ex.JsonPath}: {ex.Reason}", ex);
        }
    }

    private static string ReadMessageType(byte[] json, string path)
    {
        string? messageType = null;
        var reader = new Utf8JsonReader(json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw Error(path, $"the invokingEvent is a JSON {Kind(reader.TokenType)}, not an object.");
            }

            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("messageType"u8))
                {
                    reader.Read();
                    messageType = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
            }
        }
        catch (JsonException ex)
        {
            throw Error(path, $"the invokingEvent is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).", ex);
        }

        return string.IsNullOrEmpty(messageType)
            ? throw Error(path, "the invokingEvent has no messageType string, so its kind is unknown.")
            : messageType;
    }

    private static JsonDocument ParseDocument(string json, string path, string field)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw Error(path, $"the {field} is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).", ex);
        }
    }

    private static EventDeserializationException Error(string path, string reason, Exception? inner = null) =>
        new(typeof(ConfigRuleEvent), path, reason, inner);

    private static string Quote(string value) => value.Length <= MaxQuotedLength ? value : value[..MaxQuotedLength] + "…";

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "object",
    };

    private static string Kind(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "array",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        JsonTokenType.Null => "null",
        _ => "value",
    };
}
