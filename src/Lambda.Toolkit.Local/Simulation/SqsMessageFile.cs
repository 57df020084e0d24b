using System.Globalization;
using System.Text.Json.Nodes;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Sqs;

namespace Lambda.Toolkit.Local.Simulation;

/// <summary>
/// Reads a messages file: JSON lines, each a message body (a JSON string is the body's text; any other JSON value is
/// the body as written) or a full SQS message object (an object with a string <c>body</c>, read with the toolkit's
/// <see cref="SqsMessage"/> model, whose <c>messageId</c>, <c>attributes</c> and <c>messageAttributes</c> are kept).
/// Blank lines are skipped; a line that is not JSON is an error naming the line.
/// </summary>
internal static class SqsMessageFile
{
    /// <summary>Parses the file's text; <paramref name="name"/> names it in errors.</summary>
    /// <exception cref="FormatException">A line is not JSON, or is a message object the model cannot read.</exception>
    public static IReadOnlyList<(int Line, SqsMessage Message)> Parse(string text, string name)
    {
        var messages = new List<(int, SqsMessage)>();
        foreach (var (number, line, node) in JsonLines.Parse(text, name, "Each line is a message body (a JSON string or any JSON value) or an SQS message object with a \"body\"."))
        {
            messages.Add((number, node switch
            {
                JsonValue value when value.TryGetValue(out string? body) => new SqsMessage { MessageId = DefaultId(number), Body = body },
                JsonObject message when message["body"] is not null => ReadMessage(message, name, number),
                _ => new SqsMessage { MessageId = DefaultId(number), Body = line },
            }));
        }

        return messages;
    }

    /// <summary>The message id of line <paramref name="line"/> when it gives none: stable, so runs can be compared.</summary>
    public static string DefaultId(int line) => string.Create(CultureInfo.InvariantCulture, $"00000000-0000-4000-8000-{line:D12}");

    private static SqsMessage ReadMessage(JsonObject message, string name, int number)
    {
        message["messageId"] ??= DefaultId(number);
        try
        {
            return LambdaEventSerializer.Deserialize(message.ToJsonString(), SqsJsonContext.Default.SqsMessage);
        }
        catch (EventDeserializationException ex)
        {
            throw new FormatException($"{name} line {number} is not a valid SQS message: {ex.Message}");
        }
    }
}
