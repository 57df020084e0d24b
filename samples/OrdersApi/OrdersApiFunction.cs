using System.Globalization;
using Lambda.Toolkit;
using Lambda.Toolkit.Http;
using Lambda.Toolkit.Metrics;
using Lambda.Toolkit.Tracing;
using Microsoft.Extensions.DependencyInjection;

namespace OrdersApi;

/// <summary>
/// An orders service over API Gateway (REST or HTTP API), a Function URL or an ALB: one route table serves all.
/// The endpoints answer without waiting, so they return their <see cref="HttpResult"/> directly; a body that is not
/// JSON is answered 415 by the adapter, a malformed one 400. Metrics go to CloudWatch (namespace Orders) as EMF lines on
/// stdout: the HTTP built-ins (requests and latency by method, route and status class) and OrdersPlaced and ItemsOrdered.
/// </summary>
public static class OrdersApiFunction
{
    public const int MaxPageSize = 100;

    public static LambdaApplication Build(string[] args, Action<IServiceCollection>? services = null)
    {
        var builder = LambdaApplication.CreateBuilder(args);
        builder.Services.AddSingleton<IOrderStore, InMemoryOrderStore>();   // reused by warm invocations
        builder.Services.AddXRayTracing();   // X-Ray subsegments when AWS_XRAY_DAEMON_ADDRESS is set (active tracing); inert otherwise
        builder.Services.AddLambdaMetrics(o => o.Namespace = "Orders");     // LambdaMetrics__Namespace overrides it
        services?.Invoke(builder.Services);

        var app = builder.Build();
        var orders = app.MapHttpApi(o => o.CompressionThreshold = 4096).MapGroup("/orders");

        orders.MapPost<OrderRequest, IOrderStore>("/", OrdersJsonContext.Default.OrderRequest, (request, body, store) =>
        {
            var errors = OrderValidation.Validate(body);
            if (errors.Count > 0)
            {
                return HttpResult.ValidationProblem(errors);
            }

            var now = DateTimeOffset.UtcNow;
            var order = new Order(Guid.NewGuid().ToString("N"), body.Customer!.Trim(), [.. body.Lines!.OfType<OrderLine>()], now, now);
            store.Put(order);
            var metrics = request.Invocation.Services.GetRequiredService<ILambdaMetrics>();
            metrics.AddMetric("OrdersPlaced", MetricUnit.Count, 1);
            metrics.AddMetric("ItemsOrdered", MetricUnit.Count, order.Lines.Sum(static l => l.Quantity));
            metrics.AddMetadata("orderId", order.Id);
            return HttpResult.Created($"/orders/{order.Id}", order, OrdersJsonContext.Default.Order);
        });

        orders.MapGet<IOrderStore>("/{id}", (request, store) =>
            store.Get(request.RouteValue("id")!) is { } order
                ? HttpResult.Ok(order, OrdersJsonContext.Default.Order)
                : HttpResult.NotFound($"Order {request.RouteValue("id")} does not exist."));

        orders.MapGet<IOrderStore>("/", (request, store) =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            var page = Number(request.Query("page"), 1, "page", 1, int.MaxValue, errors);
            var pageSize = Number(request.Query("pageSize"), 20, "pageSize", 1, MaxPageSize, errors);
            if (errors.Count > 0)
            {
                return HttpResult.ValidationProblem(errors);
            }

            var (items, total) = store.List(page, pageSize);
            return HttpResult.Ok(new OrderPage(items, page, pageSize, total), OrdersJsonContext.Default.OrderPage);
        });

        orders.MapPut<OrderRequest, IOrderStore>("/{id}", OrdersJsonContext.Default.OrderRequest, (request, body, store) =>
        {
            if (store.Get(request.RouteValue("id")!) is not { } existing)
            {
                return HttpResult.NotFound($"Order {request.RouteValue("id")} does not exist.");
            }

            var errors = OrderValidation.Validate(body);
            if (errors.Count > 0)
            {
                return HttpResult.ValidationProblem(errors);
            }

            var updated = existing with { Customer = body.Customer!.Trim(), Lines = [.. body.Lines!.OfType<OrderLine>()], UpdatedAt = DateTimeOffset.UtcNow };
            store.Put(updated);
            return HttpResult.Ok(updated, OrdersJsonContext.Default.Order);
        });

        orders.MapDelete<IOrderStore>("/{id}", (request, store) =>
            store.Delete(request.RouteValue("id")!) ? HttpResult.NoContent() : HttpResult.NotFound($"Order {request.RouteValue("id")} does not exist."));

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
