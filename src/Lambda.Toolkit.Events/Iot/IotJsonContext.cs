using System.Text.Json.Serialization;
using Lambda.Toolkit.Events.Authorizers;

namespace Lambda.Toolkit.Events.Iot;

/// <summary>
/// Source-generated JSON metadata for IoT Core custom authorizer requests and responses, and the IAM policy documents a response carries: what a function of this source reads and writes, and nothing else.
/// A function that uses only this context carries only these models in its Native AOT binary, where
/// <see cref="LambdaEventsJsonContext"/> carries every source's. The options are those of
/// <see cref="LambdaEventsJsonContext"/> (nulls not written, explicit wire names), so both write the same JSON.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, GenerationMode = JsonSourceGenerationMode.Metadata | JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(IotCustomAuthorizerRequest))]
[JsonSerializable(typeof(IotCustomAuthorizerResponse))]
[JsonSerializable(typeof(IamPolicyDocument))]
public sealed partial class IotJsonContext : JsonSerializerContext;
