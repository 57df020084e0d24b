using System.Text.Json.Serialization;
using Lambda.Toolkit;
using Lambda.Toolkit.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MyFunction;

/// <summary>The function: services, routes and handlers. Tests build it the same way.</summary>
public static class Function
{
    public static LambdaApplication Build(string[] args)
    {
        var builder = LambdaApplication.CreateBuilder(args);
        builder.Services.AddSingleton<IGreetingStore, GreetingStore>();   // built once, reused warm

        var app = builder.Build();
        var api = app.MapHttpApi();
        api.MapGet<IGreetingStore>("/hello/{name}", (request, store) =>
            HttpResult.Ok(store.Greet(request.RouteValue("name")!), AppJsonContext.Default.Greeting));
        api.MapPost<Greeting, IGreetingStore>("/greetings", AppJsonContext.Default.Greeting, (_, greeting, store) =>
            string.IsNullOrWhiteSpace(greeting.Message)
                ? HttpResult.ValidationProblem(new Dictionary<string, string[]> { ["message"] = ["The message is required."] })
                : HttpResult.Created("/hello/" + Uri.EscapeDataString(greeting.Message), store.Save(greeting), AppJsonContext.Default.Greeting));
        return app;
    }
}

/// <summary>A greeting.</summary>
public sealed record Greeting([property: JsonPropertyName("message")] string Message);

/// <summary>Makes and keeps greetings.</summary>
public interface IGreetingStore
{
    Greeting Greet(string name);

    Greeting Save(Greeting greeting);
}

/// <summary>An in-memory store; a singleton shared by warm invocations.</summary>
public sealed class GreetingStore : IGreetingStore
{
    private readonly List<Greeting> _saved = [];

    public Greeting Greet(string name) => new($"Hello, {name}!");

    public Greeting Save(Greeting greeting)
    {
        lock (_saved)
        {
            _saved.Add(greeting);
        }

        return greeting;
    }
}

/// <summary>Source-generated JSON metadata: no reflection, Native-AOT safe.</summary>
[JsonSerializable(typeof(Greeting))]
public sealed partial class AppJsonContext : JsonSerializerContext;
