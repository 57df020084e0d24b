using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lambda.Toolkit.Local.Simulation;

/// <summary>A record read from the input, before the stream gives it a shard, a sequence number and an arrival time.</summary>
/// <param name="Line">Its line in the input.</param>
/// <param name="PartitionKey">What decides its shard.</param>
/// <param name="Text">The line, as the format reads it back when it builds the record.</param>
internal sealed record StreamInput(int Line, string PartitionKey, string Text);

/// <summary>A record in a simulated shard.</summary>
/// <param name="Input">What was read.</param>
/// <param name="Fate">Its row of the fate table.</param>
/// <param name="ShardId">Its shard.</param>
/// <param name="SequenceNumber">Its sequence number in the shard.</param>
/// <param name="ArrivedAt">When it arrived in the stream.</param>
internal sealed record StreamRecord(StreamInput Input, RecordFate Fate, string ShardId, string SequenceNumber, DateTimeOffset ArrivedAt);

/// <summary>What differs between Kinesis and DynamoDB Streams: the input lines, the record shape, the names.</summary>
internal interface IStreamFormat
{
    /// <summary>The source's name (<c>kinesis</c>, <c>dynamodb</c>).</summary>
    string Source { get; }

    /// <summary>The batch info's name in an on-failure record (<c>KinesisBatchInfo</c>, <c>DDBStreamBatchInfo</c>).</summary>
    string BatchInfoName { get; }

    /// <summary>What a line of the input is, for errors.</summary>
    string Expected { get; }

    /// <summary>The stream's ARN for a function.</summary>
    string StreamArn(string functionName);

    /// <summary>The sequence number of the <paramref name="index"/>-th record of shard <paramref name="shard"/>: same length, increasing.</summary>
    string SequenceNumber(int shard, long index);

    /// <summary>Reads a line.</summary>
    /// <exception cref="FormatException">The line is not a record of this stream; the message names it.</exception>
    StreamInput Read(int line, string text, JsonNode? json, string fileName);

    /// <summary>The event for a batch, built with the toolkit's event models; with a tumbling window, its fields too.</summary>
    byte[] Event(IReadOnlyList<StreamRecord> batch, string streamArn, StreamWindow? window);
}

/// <summary>The tumbling window fields of a stream event.</summary>
/// <param name="Start">The window's start.</param>
/// <param name="End">The window's end.</param>
/// <param name="State">The state the last invocation of the window returned (empty at the start of a window).</param>
/// <param name="ShardId">The shard.</param>
/// <param name="IsFinal">Whether this is the window's final invocation (<c>isFinalInvokeForWindow</c>).</param>
internal sealed record StreamWindow(DateTimeOffset Start, DateTimeOffset End, Dictionary<string, JsonElement> State, string ShardId, bool IsFinal)
{
    /// <summary>The window as the event carries it (ISO 8601 times).</summary>
    public Lambda.Toolkit.Events.Batch.TimeWindow Range => new()
    {
        Start = SimulatedClock.Iso(Start),
        End = SimulatedClock.Iso(End),
    };
}
