using System.Text.Json;
using System.Text.Json.Serialization;
using Lambda.Toolkit.Events.EventBridge.S3;

namespace Lambda.Toolkit.Events.EventBridge;

/// <summary>
/// Source-generated JSON metadata for EventBridge events with any detail (<c>EventBridgeEventJsonElement</c>, <c>JsonElement</c>) and the details this package models (scheduled events, S3 object created and deleted): what a function of this source reads and writes, and nothing else.
/// A function that uses only this context carries only these models in its Native AOT binary, where
/// <see cref="LambdaEventsJsonContext"/> carries every source's. The options are those of
/// <see cref="LambdaEventsJsonContext"/> (nulls not written, explicit wire names), so both write the same JSON.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, GenerationMode = JsonSourceGenerationMode.Metadata | JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(EventBridgeEvent<JsonElement>))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(ScheduledEventDetail))]
[JsonSerializable(typeof(S3ObjectCreatedDetail))]
[JsonSerializable(typeof(S3ObjectDeletedDetail))]
[JsonSerializable(typeof(S3EventBridgeBucket))]
[JsonSerializable(typeof(S3EventBridgeObject))]
public sealed partial class EventBridgeJsonContext : JsonSerializerContext;
