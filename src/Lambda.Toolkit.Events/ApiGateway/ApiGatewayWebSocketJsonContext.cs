using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.ApiGateway;

/// <summary>
/// Source-generated JSON metadata for API Gateway WebSocket requests: what a WebSocket function reads, and nothing else.
/// It is apart from <see cref="Http.HttpJsonContext"/> so that an HTTP function does not carry the WebSocket models.
/// The options are those of <see cref="LambdaEventsJsonContext"/> (nulls not written, explicit wire names), so both
/// write the same JSON.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, GenerationMode = JsonSourceGenerationMode.Metadata | JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(ApiGatewayWebSocketRequest))]
public sealed partial class ApiGatewayWebSocketJsonContext : JsonSerializerContext;
