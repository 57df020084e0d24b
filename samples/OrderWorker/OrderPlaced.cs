using System.Text.Json.Serialization;

namespace OrderWorker;

/// <summary>The message body: an order to fulfil.</summary>
public sealed record OrderPlaced(
    [property: JsonPropertyName("orderId")] string OrderId,
    [property: JsonPropertyName("customerId")] string CustomerId,
    [property: JsonPropertyName("sku")] string Sku,
    [property: JsonPropertyName("quantity")] int Quantity);

/// <summary>Source-generated JSON metadata: no reflection, Native-AOT safe.</summary>
[JsonSerializable(typeof(OrderPlaced))]
public sealed partial class OrderJsonContext : JsonSerializerContext;
