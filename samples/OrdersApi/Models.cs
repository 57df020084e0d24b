using System.Text.Json.Serialization;

namespace OrdersApi;

/// <summary>One line of an order.</summary>
public sealed record OrderLine(
    [property: JsonPropertyName("sku")] string Sku,
    [property: JsonPropertyName("quantity")] int Quantity);

/// <summary>The body of POST /orders and PUT /orders/{id}.</summary>
public sealed record OrderRequest(
    [property: JsonPropertyName("customer")] string? Customer,
    [property: JsonPropertyName("lines")] List<OrderLine?>? Lines);

/// <summary>A stored order.</summary>
public sealed record Order(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("customer")] string Customer,
    [property: JsonPropertyName("lines")] List<OrderLine> Lines,
    [property: JsonPropertyName("createdAt")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("updatedAt")] DateTimeOffset UpdatedAt);

/// <summary>A page of orders.</summary>
public sealed record OrderPage(
    [property: JsonPropertyName("items")] List<Order> Items,
    [property: JsonPropertyName("page")] int Page,
    [property: JsonPropertyName("pageSize")] int PageSize,
    [property: JsonPropertyName("total")] int Total);

/// <summary>Source-generated JSON metadata: no reflection, Native-AOT safe.</summary>
[JsonSerializable(typeof(OrderRequest))]
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(OrderPage))]
public sealed partial class OrdersJsonContext : JsonSerializerContext;
