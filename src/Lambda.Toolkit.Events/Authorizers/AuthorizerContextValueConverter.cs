using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Authorizers;

/// <summary>Reads and writes an <see cref="AuthorizerContextValue"/>; an object, array or <c>null</c> is refused.</summary>
internal sealed class AuthorizerContextValueConverter : JsonConverter<AuthorizerContextValue>
{
    public override AuthorizerContextValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => AuthorizerContextValue.FromString(reader.GetString()!),
        JsonTokenType.True => AuthorizerContextValue.FromBoolean(true),
        JsonTokenType.False => AuthorizerContextValue.FromBoolean(false),
        JsonTokenType.Number => AuthorizerContextValue.FromRawNumber(Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan)),
        var token => throw new JsonException($"An authorizer context value must be a string, a number or a boolean, not {token}."),
    };

    public override void Write(Utf8JsonWriter writer, AuthorizerContextValue value, JsonSerializerOptions options)
    {
        switch (value.Kind)
        {
            case AuthorizerContextValueKind.Number:
                writer.WriteRawValue(value.ToString(), skipInputValidation: false);
                break;
            case AuthorizerContextValueKind.Boolean:
                writer.WriteBooleanValue(value.GetBoolean() == true);
                break;
            default:
                writer.WriteStringValue(value.ToString());
                break;
        }
    }
}
