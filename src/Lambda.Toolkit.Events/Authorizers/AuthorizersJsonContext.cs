using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Authorizers;

/// <summary>
/// Source-generated JSON metadata for API Gateway (REST and WebSocket) and HTTP API Lambda authorizer requests and responses, and IAM policy documents: what a function of this source reads and writes, and nothing else.
/// A function that uses only this context carries only these models in its Native AOT binary, where
/// <see cref="LambdaEventsJsonContext"/> carries every source's. The options are those of
/// <see cref="LambdaEventsJsonContext"/> (nulls not written, explicit wire names), so both write the same JSON.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, GenerationMode = JsonSourceGenerationMode.Metadata | JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(ApiGatewayAuthorizerRequest))]
[JsonSerializable(typeof(ApiGatewayAuthorizerResponse))]
[JsonSerializable(typeof(HttpApiAuthorizerRequest))]
[JsonSerializable(typeof(HttpApiSimpleAuthorizerResponse))]
[JsonSerializable(typeof(IamPolicyDocument))]
public sealed partial class AuthorizersJsonContext : JsonSerializerContext;
