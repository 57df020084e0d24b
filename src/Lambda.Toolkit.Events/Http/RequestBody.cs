using System.Text;

namespace Lambda.Toolkit.Events.Http;

/// <summary>Decodes the <c>body</c> of HTTP events, which is base64 when <c>isBase64Encoded</c> is true.</summary>
internal static class RequestBody
{
    public static byte[] Decode(string? body, bool? isBase64Encoded, Type eventType)
    {
        if (string.IsNullOrEmpty(body))
        {
            return [];
        }

        if (isBase64Encoded != true)
        {
            return Encoding.UTF8.GetBytes(body);
        }

        try
        {
            return Convert.FromBase64String(body);
        }
        catch (FormatException ex)
        {
            throw new EventDeserializationException(eventType, "$.body", "isBase64Encoded is true but the body is not valid base64.", ex);
        }
    }

    public static string DecodeText(string? body, bool? isBase64Encoded, Type eventType) =>
        isBase64Encoded == true ? Encoding.UTF8.GetString(Decode(body, isBase64Encoded, eventType)) : body ?? string.Empty;
}
