using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.DynamoDb;

/// <summary>
/// A DynamoDB attribute value as DynamoDB Streams sends it: exactly one of S, N, B, SS, NS, BS, M, L, NULL
/// or BOOL is set, nested to any depth through M and L. Numbers stay strings and binaries stay base64, so
/// nothing is lost; <see cref="ToObject"/>, <see cref="FromObject"/> and <see cref="DynamoDbImage"/> convert.
/// </summary>
public sealed class AttributeValue
{
    /// <summary>A string.</summary>
    [JsonPropertyName("S")]
    public string? S { get; set; }

    /// <summary>A number, as DynamoDB's decimal text.</summary>
    [JsonPropertyName("N")]
    public string? N { get; set; }

    /// <summary>A binary, base64-encoded.</summary>
    [JsonPropertyName("B")]
    public string? B { get; set; }

    /// <summary>A string set.</summary>
    [JsonPropertyName("SS")]
    public IList<string>? SS { get; set; }

    /// <summary>A number set, as decimal texts.</summary>
    [JsonPropertyName("NS")]
    public IList<string>? NS { get; set; }

    /// <summary>A binary set, base64-encoded.</summary>
    [JsonPropertyName("BS")]
    public IList<string>? BS { get; set; }

    /// <summary>A map of attribute values.</summary>
    [JsonPropertyName("M")]
    public Dictionary<string, AttributeValue>? M { get; set; }

    /// <summary>A list of attribute values.</summary>
    [JsonPropertyName("L")]
    public IList<AttributeValue>? L { get; set; }

    /// <summary>True for a null value.</summary>
    [JsonPropertyName("NULL")]
    public bool? Null { get; set; }

    /// <summary>A boolean.</summary>
    [JsonPropertyName("BOOL")]
    public bool? Bool { get; set; }

    /// <summary>
    /// The value as plain .NET values: S → <see cref="string"/>, N → <see cref="decimal"/> (or
    /// <see cref="double"/> beyond decimal's range), B → <see cref="byte"/>[], SS → list of string, NS → list
    /// of decimal, BS → list of byte[], M → dictionary, L → list, NULL → <see langword="null"/>, BOOL → <see cref="bool"/>.
    /// </summary>
    /// <returns>The value.</returns>
    /// <exception cref="FormatException">A number or binary is malformed, or no type is set.</exception>
    public object? ToObject()
    {
        if (S is not null)
        {
            return S;
        }

        if (N is not null)
        {
            return ParseNumber(N);
        }

        if (B is not null)
        {
            return Convert.FromBase64String(B);
        }

        if (SS is not null)
        {
            return new List<string>(SS);
        }

        if (NS is not null)
        {
            return NS.Select(ParseNumber).ToList();
        }

        if (BS is not null)
        {
            return BS.Select(Convert.FromBase64String).ToList();
        }

        if (M is not null)
        {
            return M.ToDictionary(static kv => kv.Key, static kv => kv.Value.ToObject(), StringComparer.Ordinal);
        }

        if (L is not null)
        {
            return L.Select(static v => v.ToObject()).ToList();
        }

        if (Bool is { } b)
        {
            return b;
        }

        return Null == true ? null : throw new FormatException("The attribute value has no type: none of S, N, B, SS, NS, BS, M, L, NULL or BOOL is set.");
    }

    /// <summary>
    /// Converts a plain .NET value: string, bool, any number, byte[], a set of strings (SS), other sequences
    /// (L), dictionaries with string keys (M) and null (NULL).
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns>The attribute value.</returns>
    /// <exception cref="ArgumentException">The value's type has no DynamoDB form.</exception>
    public static AttributeValue FromObject(object? value) => value switch
    {
        null => new AttributeValue { Null = true },
        string s => new AttributeValue { S = s },
        bool b => new AttributeValue { Bool = b },
        byte[] bytes => new AttributeValue { B = Convert.ToBase64String(bytes) },
        int or long or short or byte or sbyte or uint or ulong or ushort or decimal => new AttributeValue { N = Convert.ToString(value, CultureInfo.InvariantCulture) },
        double d => new AttributeValue { N = d.ToString("R", CultureInfo.InvariantCulture) },
        float f => new AttributeValue { N = f.ToString("R", CultureInfo.InvariantCulture) },
        ISet<string> set => new AttributeValue { SS = [.. set] },
        IEnumerable<KeyValuePair<string, object?>> map => new AttributeValue { M = map.ToDictionary(static kv => kv.Key, static kv => FromObject(kv.Value), StringComparer.Ordinal) },
        IDictionary dictionary => new AttributeValue { M = FromDictionary(dictionary) },
        IEnumerable sequence => new AttributeValue { L = [.. sequence.Cast<object?>().Select(FromObject)] },
        _ => throw new ArgumentException($"A {value.GetType().Name} has no DynamoDB attribute form.", nameof(value)),
    };

    /// <summary>
    /// Writes the value as plain JSON: S → string, N → number, B → base64 string, sets and L → arrays,
    /// M → object, NULL → null, BOOL → boolean.
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <exception cref="FormatException">A number is not valid, or no type is set.</exception>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (S is not null)
        {
            writer.WriteStringValue(S);
        }
        else if (N is not null)
        {
            WriteNumber(writer, N);
        }
        else if (B is not null)
        {
            writer.WriteStringValue(B);
        }
        else if (SS is not null || BS is not null)
        {
            writer.WriteStartArray();
            foreach (var item in SS ?? BS!)
            {
                writer.WriteStringValue(item);
            }

            writer.WriteEndArray();
        }
        else if (NS is not null)
        {
            writer.WriteStartArray();
            foreach (var item in NS)
            {
                WriteNumber(writer, item);
            }

            writer.WriteEndArray();
        }
        else if (M is not null)
        {
            DynamoDbImage.WriteTo(writer, M);
        }
        else if (L is not null)
        {
            writer.WriteStartArray();
            foreach (var item in L)
            {
                item.WriteTo(writer);
            }

            writer.WriteEndArray();
        }
        else if (Bool is { } b)
        {
            writer.WriteBooleanValue(b);
        }
        else if (Null == true)
        {
            writer.WriteNullValue();
        }
        else
        {
            throw new FormatException("The attribute value has no type: none of S, N, B, SS, NS, BS, M, L, NULL or BOOL is set.");
        }
    }

    /// <summary>
    /// Converts plain JSON: string → S, number → N (its exact text), boolean → BOOL, null → NULL, array → L,
    /// object → M.
    /// </summary>
    /// <param name="element">The JSON value.</param>
    /// <returns>The attribute value.</returns>
    public static AttributeValue FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => new AttributeValue { S = element.GetString() },
        JsonValueKind.Number => new AttributeValue { N = element.GetRawText() },
        JsonValueKind.True => new AttributeValue { Bool = true },
        JsonValueKind.False => new AttributeValue { Bool = false },
        JsonValueKind.Array => new AttributeValue { L = [.. element.EnumerateArray().Select(FromJson)] },
        JsonValueKind.Object => new AttributeValue { M = DynamoDbImage.FromJson(element) },
        _ => new AttributeValue { Null = true },
    };

    private static void WriteNumber(Utf8JsonWriter writer, string number)
    {
        try
        {
            writer.WriteRawValue(number);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"The DynamoDB number '{number}' is not a valid number.", ex);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The DynamoDB number '{number}' is not a valid number.", ex);
        }
    }

    private static object ParseNumber(string number)
    {
        if (decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var wide)
            ? wide
            : throw new FormatException($"The DynamoDB number '{number}' is not a valid number.");
    }

    private static Dictionary<string, AttributeValue> FromDictionary(IDictionary dictionary)
    {
        var map = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in dictionary)
        {
            map[entry.Key as string ?? throw new ArgumentException("DynamoDB maps need string keys.", nameof(dictionary))] = FromObject(entry.Value);
        }

        return map;
    }
}
