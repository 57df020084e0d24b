using System.Diagnostics;
using Lambda.Toolkit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HelloWorld;

/// <summary>Composes the function: services, middleware and the handler. Tests build it the same way.</summary>
public static partial class HelloFunction
{
    public static LambdaApplication Build(string[] args)
    {
        var builder = LambdaApplication.CreateBuilder(args);
        builder.Services.AddSingleton<IGreeter, Greeter>();   // built once, reused by warm invocations
        builder.Services.AddScoped<HelloHandler>();           // one per invocation

        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            await next(context);
            var elapsed = Stopwatch.GetElapsedTime(started);
            LogHandled(app.Logger, context.RequestId, elapsed.TotalMilliseconds);
        });
        app.MapHandler<HelloRequest, HelloResponse, HelloHandler>(HelloJsonContext.Default.HelloRequest, HelloJsonContext.Default.HelloResponse);
        return app;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Handled {RequestId} in {ElapsedMs} ms")]
    private static partial void LogHandled(ILogger logger, string requestId, double elapsedMs);
}
