using System.Globalization;
using Lambda.Toolkit;
using Lambda.Toolkit.Http;
using Microsoft.Extensions.DependencyInjection;

namespace OrdersApi;

/// <summary>An orders service over API Gateway (REST or HTTP API), a Function URL or an ALB: one route table serves all.</summary>
public static class OrdersApiFunction
{
    public const int MaxPageSize = 100;

    public static LambdaApplication Build(string[] args)
    {
        var builder = LambdaApplication.CreateBuilder(args);
        builder.Services.AddSingleton<IOrderStore, InMemoryOrderStore>();   // reused by warm invocations

        var app = builder.Build();
        var orders = app.MapHttpApi(o => o.CompressionThreshold = 4096).MapGroup("/orders");

        orders.MapPost<OrderRequest, IOrderStore>("/", OrdersJsonContext.Default.OrderRequest, (request, body, store, _) =>
        {
            var errors = OrderValidation.Validate(body);
            if (errors.Count > 0)
            {
                return ValueTask.FromResult(HttpResult.ValidationProblem(errors));
            }

            var now = DateTimeOffset.UtcNow;
            var order = new Order(Guid.NewGuid().ToString("N"), body.Customer!.Trim(), body.Lines!, now, now);
            store.Put(order);
            return ValueTask.FromResult(HttpResult.Created($"/orders/{order.Id}", order, OrdersJsonContext.Default.Order));
        });

        orders.MapGet<IOrderStore>("/{id}", (request, store, _) =>
            ValueTask.FromResult(store.Get(request.RouteValue("id")!) is { } order
                ? HttpResult.Ok(order, OrdersJsonContext.Default.Order)
                : HttpResult.NotFound($"Order {request.RouteValue("id")} does not exist.")));

        orders.MapGet<IOrderStore>("/", (request, store, _) =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            var page = Number(request.Query("page"), 1, "page", 1, int.MaxValue, errors);
            var pageSize = Number(request.Query("pageSize"), 20, "pageSize", 1, MaxPageSize, errors);
            if (errors.Count > 0)
            {
                return ValueTask.FromResult(HttpResult.ValidationProblem(errors));
            }

            var (items, total) = store.List(page, pageSize);
            return ValueTask.FromResult(HttpResult.Ok(new OrderPage(items, page, pageSize, total), OrdersJsonContext.Default.OrderPage));
        });

        orders.MapPut<OrderRequest, IOrderStore>("/{id}", OrdersJsonContext.Default.OrderRequest, (request, body, store, _) =>
        {
            if (store.Get(request.RouteValue("id")!) is not { } existing)
            {
                return ValueTask.FromResult(HttpResult.NotFound($"Order {request.RouteValue("id")} does not exist."));
            }

            var errors = OrderValidation.Validate(body);
            if (errors.Count > 0)
            {
                return ValueTask.FromResult(HttpResult.ValidationProblem(errors));
            }

            var updated = existing with { Customer = body.Customer!.Trim(), Lines = body.Lines!, UpdatedAt = DateTimeOffset.UtcNow };
            store.Put(updated);
            return ValueTask.FromResult(HttpResult.Ok(updated, OrdersJsonContext.Default.Order));
        });

        orders.MapDelete<IOrderStore>("/{id}", (request, store, _) =>
            ValueTask.FromResult(store.Delete(request.RouteValue("id")!) ? HttpResult.NoContent() : HttpResult.NotFound($"Order {request.RouteValue("id")} does not exist.")));

        return app;
    }

    private static int Number(string? text, int fallback, string name, int min, int max, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors[name] = [$"{name} must be a whole number between {min} and {max}."];
        return fallback;
    }
}
