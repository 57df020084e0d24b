using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.CodePipeline;

/// <summary>
/// Source-generated JSON metadata for CodePipeline job events and the results a job reports: what a function of this source reads and writes, and nothing else.
/// A function that uses only this context carries only these models in its Native AOT binary, where
/// <see cref="LambdaEventsJsonContext"/> carries every source's. The options are those of
/// <see cref="LambdaEventsJsonContext"/> (nulls not written, explicit wire names), so both write the same JSON.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, GenerationMode = JsonSourceGenerationMode.Metadata | JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(CodePipelineJobEvent))]
[JsonSerializable(typeof(CodePipelineJobResult))]
public sealed partial class CodePipelineJsonContext : JsonSerializerContext;
