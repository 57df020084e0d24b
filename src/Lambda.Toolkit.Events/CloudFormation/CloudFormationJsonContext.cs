using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.CloudFormation;

/// <summary>
/// Source-generated JSON metadata for CloudFormation custom resource requests and responses, and their data (<c>JsonElement</c>, <c>DictionaryStringString</c>): what a function of this source reads and writes, and nothing else.
/// A function that uses only this context carries only these models in its Native AOT binary, where
/// <see cref="LambdaEventsJsonContext"/> carries every source's. The options are those of
/// <see cref="LambdaEventsJsonContext"/> (nulls not written, explicit wire names), so both write the same JSON.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, GenerationMode = JsonSourceGenerationMode.Metadata | JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(CloudFormationCustomResourceRequest))]
[JsonSerializable(typeof(CloudFormationCustomResourceResponse))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(Dictionary<string, string>))]
public sealed partial class CloudFormationJsonContext : JsonSerializerContext;
