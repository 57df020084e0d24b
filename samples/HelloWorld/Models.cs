using System.Text.Json.Serialization;

namespace HelloWorld;

/// <summary>The event: who to greet.</summary>
public sealed record HelloRequest([property: JsonPropertyName("name")] string? Name);

/// <summary>The result: the greeting and the request that made it.</summary>
public sealed record HelloResponse(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("requestId")] string RequestId);

/// <summary>Source-generated JSON metadata: no reflection, Native-AOT safe.</summary>
[JsonSerializable(typeof(HelloRequest))]
[JsonSerializable(typeof(HelloResponse))]
public sealed partial class HelloJsonContext : JsonSerializerContext;
