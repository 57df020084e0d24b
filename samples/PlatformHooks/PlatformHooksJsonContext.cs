using System.Text.Json.Serialization;

namespace PlatformHooks;

/// <summary>Source-generated JSON metadata for the sample's own types: no reflection, Native-AOT safe.</summary>
[JsonSerializable(typeof(TenantProperties))]
[JsonSerializable(typeof(TenantOutputs))]
[JsonSerializable(typeof(ReleaseParameters))]
[JsonSerializable(typeof(string))]
public sealed partial class PlatformHooksJsonContext : JsonSerializerContext;
