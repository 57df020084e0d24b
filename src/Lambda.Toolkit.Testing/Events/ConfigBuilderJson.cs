using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Testing.Events;

/// <summary>Source-generated metadata for the rule parameters <see cref="ConfigRuleEventBuilder"/> writes.</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class ConfigBuilderJson : JsonSerializerContext;
