// A hello function on AWS's runtime client, for the cold-start comparison of issue 14 (see run.sh).
using System.Text.Json.Serialization;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

// AWS's runtime client, a hello handler: the same event in, the same fixed response out as the floor.
Func<Request, ILambdaContext, Response> handler = static (request, context) => new Response
{
    StatusCode = 200,
    Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json; charset=utf-8" },
    Body = "{\"id\":42,\"status\":\"shipped\"}",
    IsBase64Encoded = false,
};
await LambdaBootstrapBuilder.Create(handler, new SourceGeneratorLambdaJsonSerializer<HelloJsonContext>()).Build().RunAsync();

public sealed class Request
{
    [JsonPropertyName("path")] public string? Path { get; set; }
    [JsonPropertyName("httpMethod")] public string? HttpMethod { get; set; }
}

public sealed class Response
{
    [JsonPropertyName("statusCode")] public int StatusCode { get; set; }
    [JsonPropertyName("headers")] public Dictionary<string, string>? Headers { get; set; }
    [JsonPropertyName("body")] public string? Body { get; set; }
    [JsonPropertyName("isBase64Encoded")] public bool IsBase64Encoded { get; set; }
}

[JsonSerializable(typeof(Request))]
[JsonSerializable(typeof(Response))]
public partial class HelloJsonContext : JsonSerializerContext;
