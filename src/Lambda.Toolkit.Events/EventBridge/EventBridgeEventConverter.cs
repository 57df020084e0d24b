using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Lambda.Toolkit.Events.EventBridge;

/// <summary>
/// Reads and writes the EventBridge envelope by hand and the detail through the user's metadata, in the same
/// pass over the payload (see <see cref="EventBridgeEventJson"/>). Property names and order are those of
/// <see cref="EventBridgeEvent{TDetail}"/>; unknown properties are skipped, nulls are not written.
/// </summary>
internal sealed class EventBridgeEventConverter<TDetail>(JsonTypeInfo<TDetail> detailType) : JsonConverter<EventBridgeEvent<TDetail>>
{
    public override EventBridgeEvent<TDetail> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"An EventBridge event is a JSON object, not {Describe(reader.TokenType)}.");
        }

        string? version = null, id = null, type = null, source = null, account = null, time = null, region = null, replayName = null;
        List<string>? resources = null;
        TDetail? detail = default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("version"u8))
            {
                version = ReadString(ref reader, "version");
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                id = ReadString(ref reader, "id");
            }
            else if (reader.ValueTextEquals("detail-type"u8))
            {
                type = ReadString(ref reader, "['detail-type']");
            }
            else if (reader.ValueTextEquals("source"u8))
            {
                source = ReadString(ref reader, "source");
            }
            else if (reader.ValueTextEquals("account"u8))
            {
                account = ReadString(ref reader, "account");
            }
            else if (reader.ValueTextEquals("time"u8))
            {
                time = ReadString(ref reader, "time");
            }
            else if (reader.ValueTextEquals("region"u8))
            {
                region = ReadString(ref reader, "region");
            }
            else if (reader.ValueTextEquals("replay-name"u8))
            {
                replayName = ReadString(ref reader, "['replay-name']");
            }
            else if (reader.ValueTextEquals("resources"u8))
            {
                resources = ReadResources(ref reader);
            }
            else if (reader.ValueTextEquals("detail"u8))
            {
                reader.Read();
                detail = ReadDetail(ref reader, id);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        var missing = id is null ? "id" : type is null ? "detail-type" : source is null ? "source" : null;
        if (missing is not null)
        {
            throw new JsonException($"The EventBridge event has no '{missing}'.", "$", null, null);
        }

        return new EventBridgeEvent<TDetail>
        {
            Version = version,
            Id = id!,
            DetailType = type!,
            Source = source!,
            Account = account,
            Time = time,
            Region = region,
            Resources = resources,
            ReplayName = replayName,
            Detail = detail,
        };
    }

    public override void Write(Utf8JsonWriter writer, EventBridgeEvent<TDetail> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        WriteString(writer, "version"u8, value.Version);
        WriteString(writer, "id"u8, value.Id);
        WriteString(writer, "detail-type"u8, value.DetailType);
        WriteString(writer, "source"u8, value.Source);
        WriteString(writer, "account"u8, value.Account);
        WriteString(writer, "time"u8, value.Time);
        WriteString(writer, "region"u8, value.Region);
        if (value.Resources is { } resources)
        {
            writer.WriteStartArray("resources"u8);
            foreach (var resource in resources)
            {
                writer.WriteStringValue(resource);
            }

            writer.WriteEndArray();
        }

        WriteString(writer, "replay-name"u8, value.ReplayName);
        if (value.Detail is { } detail && !(detail is JsonElement { ValueKind: JsonValueKind.Undefined }))
        {
            writer.WritePropertyName("detail"u8);
            JsonSerializer.Serialize(writer, detail, detailType);
        }

        writer.WriteEndObject();
    }

    private static string? ReadString(ref Utf8JsonReader reader, string name)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw new JsonException($"'{name.Trim('[', ']', '\'')}' is a string, not {Describe(reader.TokenType)}.", Path(name), null, null),
        };
    }

    private static List<string>? ReadResources(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"'resources' is an array of strings, not {Describe(reader.TokenType)}.", "$.resources", null, null);
        }

        var resources = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException($"'resources[{resources.Count}]' is a string, not {Describe(reader.TokenType)}.", $"$.resources[{resources.Count}]", null, null);
            }

            resources.Add(reader.GetString()!);
        }

        return resources;
    }

    private TDetail? ReadDetail(ref Utf8JsonReader reader, string? id)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return default;
        }

        try
        {
            return reader.TokenType == JsonTokenType.String && typeof(TDetail) != typeof(string)
                ? ReadEmbedded(ref reader)
                : JsonSerializer.Deserialize(ref reader, detailType);
        }
        catch (JsonException ex)
        {
            var of = id is null ? string.Empty : $" of event {id}";
            var path = ex.Path is { Length: > 1 } inner ? "$.detail" + inner[1..] : "$.detail";
            throw new JsonException($"The detail{of} is not a valid {typeof(TDetail).Name}: {Reason(ex)}", path, ex.LineNumber, ex.BytePositionInLine, ex);
        }
    }

    /// <summary>A detail sent as a string of JSON (EventBridge Scheduler's <c>"{}"</c>): the string's text is the detail.</summary>
    private TDetail? ReadEmbedded(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            return JsonSerializer.Deserialize(reader.ValueSpan, detailType);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length);
        try
        {
            var length = reader.CopyString(buffer);
            return JsonSerializer.Deserialize(buffer.AsSpan(0, length), detailType);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void WriteString(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static string Path(string name) => name.StartsWith('[') ? "$" + name : "$." + name;

    /// <summary>The serializer's message without the path and position it appends (the path is reported on its own).</summary>
    private static string Reason(JsonException exception)
    {
        var message = exception.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        return (cut > 0 ? message[..cut] : message).Trim();
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
