using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Lambda.Toolkit.Testing.Events;

/// <summary>Random ids, hashes and time formats in the shapes each AWS source uses.</summary>
internal static class EventIds
{
    private const string Base64Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// <summary>A lower-case UUID, as SQS message ids, SNS message ids and EventBridge event ids are.</summary>
    public static string Uuid() => Guid.NewGuid().ToString("D");

    /// <summary>32 lower-case hex digits, as DynamoDB Streams event ids are.</summary>
    public static string Hex32() => Guid.NewGuid().ToString("N");

    /// <summary>Upper-case hex digits of a given length, as S3 sequencers and API Gateway resource ids are.</summary>
    public static string UpperHex(int length)
    {
        var bytes = RandomNumberGenerator.GetBytes((length + 1) / 2);
        return Convert.ToHexString(bytes)[..length];
    }

    /// <summary>Random characters from the given alphabet.</summary>
    public static string Random(string alphabet, int length) => RandomNumberGenerator.GetString(alphabet, length);

    /// <summary>An SQS receipt handle: an opaque base64 token that starts <c>AQEB</c>.</summary>
    public static string ReceiptHandle() => "AQEB" + Random(Base64Alphabet, 152) + "==";

    /// <summary>Lower-case hex of the MD5 of <paramref name="bytes"/>, as SQS's <c>md5OfBody</c> is.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5351", Justification = "SQS defines md5OfBody as MD5; it is a checksum here, not security.")]
    public static string Md5Hex(ReadOnlySpan<byte> bytes) => Hex(MD5.HashData(bytes));

    /// <summary>Lower-case hex of the SHA-256 of a UTF-8 string, as SQS's content-based deduplication id is.</summary>
    public static string Sha256Hex(string text) => Hex(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Unix milliseconds as a decimal string, as SQS attributes carry times.</summary>
    public static string EpochMillisecondsText(DateTimeOffset time) => time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>Unix seconds with millisecond fractions, as Kinesis's <c>approximateArrivalTimestamp</c> is.</summary>
    public static decimal EpochSecondsWithMilliseconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000m;

    /// <summary>ISO 8601 UTC with milliseconds and <c>Z</c>, as S3 and SNS write times.</summary>
    public static string IsoMilliseconds(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 UTC to the second with <c>Z</c>, as EventBridge writes <c>time</c>.</summary>
    public static string IsoSeconds(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>API Gateway's <c>requestTime</c>/<c>time</c>: <c>12/Mar/2020:19:03:58 +0000</c>.</summary>
    public static string ApiGatewayTime(DateTimeOffset time) => time.UtcDateTime.ToString("dd'/'MMM'/'yyyy':'HH':'mm':'ss '+0000'", CultureInfo.InvariantCulture);

    /// <summary>A decimal sequence number of a given length with no leading zero, as Kinesis and DynamoDB Streams use.</summary>
    public static string DecimalDigits(int length) => Random("123456789", 1) + Random("0123456789", length - 1);

    /// <summary>Lower-case hex of <paramref name="bytes"/>.</summary>
    public static string Hex(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length * 2);
        foreach (var b in bytes)
        {
            text.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
