using System.Text.Json.Serialization;
using Lambda.Toolkit.Events.Alb;
using Lambda.Toolkit.Events.ApiGateway;
using Lambda.Toolkit.Events.HttpApi;

namespace Lambda.Toolkit.Events.Http;

/// <summary>
/// Source-generated JSON metadata for API Gateway REST API (v1) requests, HTTP API and Function URL (v2) requests, ALB requests, and their responses: what a function of this source reads and writes, and nothing else
/// (WebSocket requests are in <see cref="ApiGateway.ApiGatewayWebSocketJsonContext"/>).
/// A function that uses only this context carries only these models in its Native AOT binary, where
/// <see cref="LambdaEventsJsonContext"/> carries every source's. The options are those of
/// <see cref="LambdaEventsJsonContext"/> (nulls not written, explicit wire names), so both write the same JSON.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, GenerationMode = JsonSourceGenerationMode.Metadata | JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(ApiGatewayProxyRequest))]
[JsonSerializable(typeof(ApiGatewayProxyResponse))]
[JsonSerializable(typeof(HttpApiRequest))]
[JsonSerializable(typeof(HttpApiResponse))]
[JsonSerializable(typeof(AlbRequest))]
[JsonSerializable(typeof(AlbResponse))]
public sealed partial class HttpJsonContext : JsonSerializerContext;
