using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Kafka;

/// <summary>How a record's key or value was serialized, when the event source mapping uses a schema registry.</summary>
public sealed class KafkaSchemaMetadata
{
    /// <summary>The data format, for example <c>AVRO</c>, <c>JSON</c> or <c>PROTOBUF</c>.</summary>
    [JsonPropertyName("dataFormat")]
    public string? DataFormat { get; set; }

    /// <summary>The schema's id in the registry.</summary>
    [JsonPropertyName("schemaId")]
    public string? SchemaId { get; set; }
}
