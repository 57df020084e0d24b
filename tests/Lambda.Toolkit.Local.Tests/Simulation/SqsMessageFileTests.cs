using Lambda.Toolkit.Local.Simulation;

namespace Lambda.Toolkit.Local.Tests.Simulation;

/// <summary>Reading a messages file (JSON lines).</summary>
public sealed class SqsMessageFileTests
{
    [Fact]
    public void Reads_bodies_values_and_full_messages_skipping_blank_lines()
    {
        var text = "\uFEFF\"plain text\"\n\n{\"orderId\":\"o-1\"}\r\n{\"messageId\":\"m-9\",\"body\":\"hi\",\"attributes\":{\"MessageGroupId\":\"g\"},\"messageAttributes\":{\"kind\":{\"stringValue\":\"x\",\"dataType\":\"String\"}}}\n42\n";

        var messages = SqsMessageFile.Parse(text, "m.jsonl");

        Assert.Equal([1, 3, 4, 5], messages.Select(m => m.Line));
        Assert.Equal("plain text", messages[0].Message.Body);
        Assert.Equal(SqsMessageFile.DefaultId(1), messages[0].Message.MessageId);
        Assert.Equal("{\"orderId\":\"o-1\"}", messages[1].Message.Body);
        Assert.Equal("m-9", messages[2].Message.MessageId);
        Assert.Equal("g", messages[2].Message.Attributes!["MessageGroupId"]);
        Assert.Equal("x", messages[2].Message.MessageAttributes!["kind"].StringValue);
        Assert.Equal("42", messages[3].Message.Body);
    }

    [Fact]
    public void A_line_that_is_not_JSON_is_named()
    {
        var ex = Assert.Throws<FormatException>(() => SqsMessageFile.Parse("\"ok\"\n\"ok\"\nnot json\n", "orders.jsonl"));

        Assert.StartsWith("orders.jsonl line 3 is not JSON (", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_object_the_model_cannot_read_is_named()
    {
        var ex = Assert.Throws<FormatException>(() => SqsMessageFile.Parse("{\"body\":5}", "orders.jsonl"));

        Assert.StartsWith("orders.jsonl line 1 is not a valid SQS message: ", ex.Message, StringComparison.Ordinal);
    }
}
