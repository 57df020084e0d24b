using System.Text.Json.Serialization;

namespace StreamProjector;

/// <summary>A product item of the source table.</summary>
public sealed record Product(
    [property: JsonPropertyName("sku")] string Sku,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("price")] decimal Price);

/// <summary>Source-generated JSON metadata: no reflection, Native-AOT safe.</summary>
[JsonSerializable(typeof(Product))]
public sealed partial class ProductJsonContext : JsonSerializerContext;
