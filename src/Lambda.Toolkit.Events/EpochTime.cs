using System.Globalization;

namespace Lambda.Toolkit.Events;

/// <summary>
/// The time forms event sources use: epoch seconds (with a fraction: Kinesis, DynamoDB Streams), epoch
/// milliseconds (API Gateway, SQS attributes) and ISO 8601 strings (S3, SNS, EventBridge). Models keep
/// each source's wire form; these helpers turn it into a <see cref="DateTimeOffset"/>.
/// </summary>
public static class EpochTime
{
    /// <summary>Converts epoch seconds, with an optional fraction, keeping millisecond precision.</summary>
    /// <param name="seconds">Seconds since 1970-01-01T00:00:00Z.</param>
    /// <returns>The instant, in UTC.</returns>
    public static DateTimeOffset FromSeconds(decimal seconds) =>
        DateTimeOffset.UnixEpoch.AddTicks((long)decimal.Round(seconds * TimeSpan.TicksPerSecond));

    /// <summary>Converts epoch milliseconds.</summary>
    /// <param name="milliseconds">Milliseconds since 1970-01-01T00:00:00Z.</param>
    /// <returns>The instant, in UTC.</returns>
    public static DateTimeOffset FromMilliseconds(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);

    /// <summary>Converts epoch milliseconds written as a string (SQS attributes), or returns <see langword="null"/>.</summary>
    /// <param name="milliseconds">Milliseconds since the epoch, as digits.</param>
    /// <returns>The instant, or <see langword="null"/> when the text is absent or not a number.</returns>
    public static DateTimeOffset? FromMilliseconds(string? milliseconds) =>
        long.TryParse(milliseconds, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) ? FromMilliseconds(ms) : null;

    /// <summary>Parses an ISO 8601 timestamp such as <c>1970-01-01T00:00:00.000Z</c>.</summary>
    /// <param name="iso8601">The timestamp.</param>
    /// <returns>The instant, or <see langword="null"/> when the text is absent or not a timestamp.</returns>
    public static DateTimeOffset? ParseIso8601(string? iso8601) =>
        DateTimeOffset.TryParse(iso8601, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value) ? value : null;

    /// <summary>Parses API Gateway's request time, such as <c>12/Mar/2020:19:03:58 +0000</c>.</summary>
    /// <param name="requestTime">The request time.</param>
    /// <returns>The instant, or <see langword="null"/> when the text is absent or in another form.</returns>
    public static DateTimeOffset? ParseApiGatewayTime(string? requestTime) =>
        DateTimeOffset.TryParseExact(requestTime, ["dd/MMM/yyyy:HH:mm:ss zzz", "dd/MMM/yyyy:HH:mm:sszzz"], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var value) ? value : null;
}
