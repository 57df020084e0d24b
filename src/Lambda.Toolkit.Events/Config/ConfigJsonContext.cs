using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Config;

/// <summary>
/// Source-generated JSON metadata for AWS Config rule events, the invoking events they carry, and rule responses: what a function of this source reads and writes, and nothing else.
/// A function that uses only this context carries only these models in its Native AOT binary, where
/// <see cref="LambdaEventsJsonContext"/> carries every source's. The options are those of
/// <see cref="LambdaEventsJsonContext"/> (nulls not written, explicit wire names), so both write the same JSON.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, GenerationMode = JsonSourceGenerationMode.Metadata | JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(ConfigRuleEvent))]
[JsonSerializable(typeof(ConfigurationItemChangeNotification))]
[JsonSerializable(typeof(OversizedConfigurationItemChangeNotification))]
[JsonSerializable(typeof(ScheduledNotification))]
[JsonSerializable(typeof(ConfigurationSnapshotDeliveryCompleted))]
[JsonSerializable(typeof(ConfigRuleResponse))]
public sealed partial class ConfigJsonContext : JsonSerializerContext;
