using System.Globalization;
using System.Text.Json.Nodes;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.DynamoDb;

namespace Lambda.Toolkit.Local.Simulation;

/// <summary>
/// DynamoDB Streams: a line is a stream record, an object with <c>eventName</c> and <c>dynamodb</c> (<c>Keys</c>,
/// <c>NewImage</c>, <c>OldImage</c>), read with the toolkit's <see cref="DynamoDbRecord"/> model; the stream sets
/// <c>eventID</c>, <c>SequenceNumber</c>, <c>ApproximateCreationDateTime</c> and the ARNs. The item's keys decide the shard.
/// </summary>
internal sealed class DynamoDbStreamFormat : IStreamFormat
{
    private static readonly DateTimeOffset Created = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <inheritdoc />
    public string Source => "dynamodb";

    /// <inheritdoc />
    public string BatchInfoName => "DDBStreamBatchInfo";

    /// <inheritdoc />
    public string Expected => "Each line is a DynamoDB stream record: an object with \"eventName\" and \"dynamodb\" (\"Keys\", \"NewImage\", \"OldImage\").";

    /// <inheritdoc />
    public string StreamArn(string functionName) => $"arn:aws:dynamodb:us-east-1:123456789012:table/{functionName}-table/stream/{Created:yyyy-MM-dd'T'HH:mm:ss.fff}";

    /// <inheritdoc />
    public string SequenceNumber(int shard, long index) => string.Create(CultureInfo.InvariantCulture, $"1{shard:D4}{index + 1:D16}");

    /// <inheritdoc />
    public StreamInput Read(int line, string text, JsonNode? json, string fileName)
    {
        if (json is not JsonObject record || record["dynamodb"] is not JsonObject change)
        {
            throw new FormatException($"{fileName} line {line} is not a DynamoDB stream record. {Expected}");
        }

        change["SequenceNumber"] ??= "0";
        try
        {
            LambdaEventSerializer.Deserialize(record.ToJsonString(), DynamoDbJsonContext.Default.DynamoDbRecord);
        }
        catch (EventDeserializationException ex)
        {
            throw new FormatException($"{fileName} line {line} is not a valid DynamoDB stream record: {ex.Message}");
        }

        return new StreamInput(line, change["Keys"]?.ToJsonString() ?? record.ToJsonString(), record.ToJsonString());
    }

    /// <inheritdoc />
    public byte[] Event(IReadOnlyList<StreamRecord> batch, string streamArn, StreamWindow? window)
    {
        var records = batch.Select(r =>
        {
            var record = LambdaEventSerializer.Deserialize(r.Input.Text, DynamoDbJsonContext.Default.DynamoDbRecord);
            record.EventId ??= Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(r.SequenceNumber)))[..32];
            record.EventVersion ??= "1.1";
            record.EventSource = "aws:dynamodb";
            record.AwsRegion ??= "us-east-1";
            record.EventSourceArn = streamArn;
            record.DynamoDb.SequenceNumber = r.SequenceNumber;
            record.DynamoDb.ApproximateCreationDateTime = r.ArrivedAt.ToUnixTimeSeconds();
            record.DynamoDb.StreamViewType ??= "NEW_AND_OLD_IMAGES";
            record.DynamoDb.SizeBytes ??= System.Text.Encoding.UTF8.GetByteCount(r.Input.Text);
            return record;
        }).ToList();
        var streamEvent = new DynamoDbEvent { Records = records };
        if (window is not null)
        {
            streamEvent.Window = window.Range;
            streamEvent.State = window.State;
            streamEvent.ShardId = window.ShardId;
            streamEvent.EventSourceArn = streamArn;
            streamEvent.IsFinalInvokeForWindow = window.IsFinal;
            streamEvent.IsWindowTerminatedEarly = false;
        }

        return LambdaEventSerializer.SerializeToUtf8Bytes(streamEvent, DynamoDbJsonContext.Default.DynamoDbEvent);
    }
}
