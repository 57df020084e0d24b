using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Lambda.Toolkit.Events.DynamoDb;

/// <summary>
/// Converts a DynamoDB item image (a map of <see cref="AttributeValue"/>, such as a stream record's
/// NewImage) to and from plain JSON and a user's type, through source-generated metadata (no reflection).
/// </summary>
public static class DynamoDbImage
{
    /// <summary>Reads an image as <typeparamref name="T"/>: the image becomes plain JSON, which <paramref name="jsonTypeInfo"/> reads.</summary>
    /// <typeparam name="T">The user's type.</typeparam>
    /// <param name="image">The image, for example <c>record.DynamoDb.NewImage</c>.</param>
    /// <param name="jsonTypeInfo">Source-generated metadata for <typeparamref name="T"/>.</param>
    /// <returns>The value.</returns>
    /// <exception cref="EventDeserializationException">The image does not fit <typeparamref name="T"/>.</exception>
    public static T Deserialize<T>(IDictionary<string, AttributeValue> image, JsonTypeInfo<T> jsonTypeInfo)
    {
        ArgumentNullException.ThrowIfNull(image);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            try
            {
                WriteTo(writer, image);
            }
            catch (FormatException ex)
            {
                throw new EventDeserializationException(typeof(T), "$", ex.Message, ex);
            }
        }

        return LambdaEventSerializer.Deserialize(buffer.WrittenSpan, jsonTypeInfo);
    }

    /// <summary>Writes <paramref name="value"/> as an image: <paramref name="jsonTypeInfo"/> writes JSON, which becomes attribute values.</summary>
    /// <typeparam name="T">The user's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="jsonTypeInfo">Source-generated metadata for <typeparamref name="T"/>.</param>
    /// <returns>The image.</returns>
    /// <exception cref="ArgumentException">The value does not serialize to a JSON object.</exception>
    public static Dictionary<string, AttributeValue> Serialize<T>(T value, JsonTypeInfo<T> jsonTypeInfo)
    {
        using var document = JsonSerializer.SerializeToDocument(value, jsonTypeInfo);
        return document.RootElement.ValueKind == JsonValueKind.Object
            ? FromJson(document.RootElement)
            : throw new ArgumentException($"A DynamoDB item must be a JSON object, but the value serializes to {document.RootElement.ValueKind}.", nameof(value));
    }

    /// <summary>Writes an image as a plain JSON object.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="image">The image.</param>
    public static void WriteTo(Utf8JsonWriter writer, IDictionary<string, AttributeValue> image)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(image);
        writer.WriteStartObject();
        foreach (var (name, value) in image)
        {
            writer.WritePropertyName(name);
            value.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    /// <summary>Converts a plain JSON object to an image.</summary>
    /// <param name="element">A JSON object.</param>
    /// <returns>The image.</returns>
    public static Dictionary<string, AttributeValue> FromJson(JsonElement element)
    {
        var image = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            image[property.Name] = AttributeValue.FromJson(property.Value);
        }

        return image;
    }
}
