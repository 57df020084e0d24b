using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Kinesis;

namespace Lambda.Toolkit.Local.Simulation;

/// <summary>
/// Kinesis Data Streams: a line is the record's data (a JSON string is the data's text, any other JSON value the data
/// as written; the default partition key is the line number) or an object with <c>data</c> (base64) and
/// <c>partitionKey</c>.
/// </summary>
internal sealed class KinesisStreamFormat : IStreamFormat
{
    /// <inheritdoc />
    public string Source => "kinesis";

    /// <inheritdoc />
    public string BatchInfoName => "KinesisBatchInfo";

    /// <inheritdoc />
    public string Expected => "Each line is a record's data (a JSON string or any JSON value) or an object with \"data\" (base64) and \"partitionKey\".";

    /// <inheritdoc />
    public string StreamArn(string functionName) => $"arn:aws:kinesis:us-east-1:123456789012:stream/{functionName}-stream";

    /// <inheritdoc />
    public string SequenceNumber(int shard, long index) => string.Create(CultureInfo.InvariantCulture, $"49{shard:D6}{index + 1:D48}");

    /// <inheritdoc />
    public StreamInput Read(int line, string text, JsonNode? json, string fileName)
    {
        var partitionKey = line.ToString(CultureInfo.InvariantCulture);
        if (json is JsonObject record && record["data"] is not null)
        {
            if (record["data"] is not JsonValue data || !data.TryGetValue(out string? base64) || !IsBase64(base64))
            {
                throw new FormatException($"{fileName} line {line}: \"data\" must be a base64 string.");
            }

            partitionKey = record["partitionKey"] is JsonValue key && key.TryGetValue(out string? given) && given.Length > 0
                ? given
                : throw new FormatException($"{fileName} line {line}: a record object needs a non-empty \"partitionKey\".");
            return new StreamInput(line, partitionKey, base64);
        }

        var payload = json is JsonValue value && value.TryGetValue(out string? textValue) ? textValue : text;
        return new StreamInput(line, partitionKey, Convert.ToBase64String(Encoding.UTF8.GetBytes(payload)));
    }

    /// <inheritdoc />
    public byte[] Event(IReadOnlyList<StreamRecord> batch, string streamArn, StreamWindow? window)
    {
        var records = batch.Select(r => new KinesisEventRecord
        {
            Kinesis = new KinesisRecord
            {
                KinesisSchemaVersion = "1.0",
                PartitionKey = r.Input.PartitionKey,
                SequenceNumber = r.SequenceNumber,
                Data = r.Input.Text,
                ApproximateArrivalTimestamp = r.ArrivedAt.ToUnixTimeMilliseconds() / 1000m,
            },
            EventSource = "aws:kinesis",
            EventVersion = "1.0",
            EventId = $"{r.ShardId}:{r.SequenceNumber}",
            EventName = "aws:kinesis:record",
            InvokeIdentityArn = "arn:aws:iam::123456789012:role/lambda-role",
            AwsRegion = "us-east-1",
            EventSourceArn = streamArn,
        }).ToList();
        var kinesisEvent = new KinesisEvent { Records = records };
        if (window is not null)
        {
            kinesisEvent.Window = window.Range;
            kinesisEvent.State = window.State;
            kinesisEvent.ShardId = window.ShardId;
            kinesisEvent.EventSourceArn = streamArn;
            kinesisEvent.IsFinalInvokeForWindow = window.IsFinal;
            kinesisEvent.IsWindowTerminatedEarly = false;
        }

        return LambdaEventSerializer.SerializeToUtf8Bytes(kinesisEvent, KinesisJsonContext.Default.KinesisEvent);
    }

    private static bool IsBase64(string value) => Convert.TryFromBase64String(value, new byte[value.Length], out _);
}
