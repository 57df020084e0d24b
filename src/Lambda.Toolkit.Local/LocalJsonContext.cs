using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Local;

/// <summary>JSON metadata the tool needs.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class LocalJsonContext : JsonSerializerContext;
