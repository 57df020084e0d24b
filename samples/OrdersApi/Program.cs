using OrdersApi;

await OrdersApiFunction.Build(args).RunAsync();
