using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Tests;

public sealed record Order([property: JsonPropertyName("id")] int Id, [property: JsonPropertyName("item")] string Item);

public sealed record Receipt([property: JsonPropertyName("orderId")] int OrderId, [property: JsonPropertyName("requestId")] string RequestId);

[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(Receipt))]
[JsonSerializable(typeof(string))]
public sealed partial class TestJsonContext : JsonSerializerContext;
