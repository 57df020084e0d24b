using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Testing.Tests.Events;

public sealed record Item([property: JsonPropertyName("id")] string Id, [property: JsonPropertyName("price")] decimal Price);

public sealed record Order([property: JsonPropertyName("orderId")] int OrderId, [property: JsonPropertyName("item")] string Item);

[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(Item))]
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(Dictionary<string, string>))]
public sealed partial class JsonContext : JsonSerializerContext;
