using System.IO.Compression;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.CloudWatchLogs;

/// <summary>
/// A CloudWatch Logs subscription filter's event (delivered asynchronously): <c>{"awslogs":{"data":"..."}}</c>,
/// whose data is the base64 of the gzip of a <see cref="CloudWatchLogsData"/>. Read it with <see cref="Decode"/>.
/// </summary>
public sealed class CloudWatchLogsEvent
{
    /// <summary>The compressed log data.</summary>
    [JsonPropertyName("awslogs")]
    [JsonRequired]
    public required CloudWatchLogsEventData AwsLogs { get; set; }

    /// <summary>Decodes the log data: base64, then gzip, then JSON through the source-generated context.</summary>
    /// <returns>The log data.</returns>
    /// <exception cref="EventDeserializationException">
    /// The data is not valid base64, not valid gzip, or not a <see cref="CloudWatchLogsData"/> once decompressed.
    /// </exception>
    public CloudWatchLogsData Decode()
    {
        const string path = "$.awslogs.data";
        var data = AwsLogs?.Data;
        if (string.IsNullOrEmpty(data))
        {
            throw new EventDeserializationException(typeof(CloudWatchLogsEvent), path, "the data is missing or empty.");
        }

        byte[] compressed;
        try
        {
            compressed = Convert.FromBase64String(data);
        }
        catch (FormatException ex)
        {
            throw new EventDeserializationException(typeof(CloudWatchLogsEvent), path, "the data is not valid base64.", ex);
        }

        byte[] json;
        try
        {
            using var input = new MemoryStream(compressed, writable: false);
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream(compressed.Length * 4);
            gzip.CopyTo(output);
            json = output.ToArray();
        }
        catch (InvalidDataException ex)
        {
            throw new EventDeserializationException(typeof(CloudWatchLogsEvent), path, "the data is base64 but not valid gzip.", ex);
        }

        if (json.Length == 0)
        {
            throw new EventDeserializationException(typeof(CloudWatchLogsEvent), path, "the data is base64 but not valid gzip (it decompresses to nothing).");
        }

        try
        {
            return LambdaEventSerializer.Deserialize(json, CloudWatchLogsJsonContext.Default.CloudWatchLogsData);
        }
        catch (EventDeserializationException ex)
        {
            throw new EventDeserializationException(
                typeof(CloudWatchLogsEvent), path, $"the decompressed data is not a valid {nameof(CloudWatchLogsData)} at {ex.JsonPath}: {ex.Reason}", ex);
        }
    }
}
