using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Firehose;

/// <summary>What became of a transformed record; written as the member's name, exactly as Firehose expects it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FirehoseRecordResult>))]
public enum FirehoseRecordResult
{
    /// <summary><c>Ok</c>: the record was transformed; its data is delivered.</summary>
    Ok,

    /// <summary><c>Dropped</c>: the record is intentionally left out of the delivery.</summary>
    Dropped,

    /// <summary><c>ProcessingFailed</c>: the record could not be transformed; Firehose writes it to the error output.</summary>
    ProcessingFailed,
}
