using System.Text;

namespace Lambda.Toolkit.Tests.Pipeline;

/// <summary>Bad input is the caller's mistake: one ERROR line that names the type and the JSON path, and a precise error.</summary>
public class BadInputTests
{
    [Fact]
    public async Task A_bad_event_logs_one_error_line_with_the_json_path_and_no_parser_stack()
    {
        using var logs = new MemoryStream();
        var app = TestApps.Builder(logs).Build();
        app.MapHandler((Order order, InvocationContext _, CancellationToken _) => ValueTask.FromResult(new Receipt(order.Id, "r")), TestJsonContext.Default.Order, TestJsonContext.Default.Receipt);
        await using var host = await TestApps.StartAsync(app);

        var result = await host.InvokeAsync("""{"id":"seven","item":"book"}""");

        Assert.Equal(LambdaErrorTypes.InvalidEvent, result.Error!.ErrorType);
        var lines = Encoding.UTF8.GetString(logs.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.Contains("ERROR", line, StringComparison.Ordinal);
        Assert.Contains("The event is not a valid Order at $.id", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("seven", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json at all", "the payload is not valid JSON (line 1, byte ")]
    [InlineData("", "the payload is empty")]
    [InlineData("""{"a":1""", "the payload is not valid JSON")]
    public async Task An_event_no_adapter_accepts_because_it_is_not_json_says_so(string payload, string reason)
    {
        var app = TestApps.Builder().Build();
        app.MapEvent(static _ => false, static _ => ValueTask.CompletedTask);
        await using var host = await TestApps.StartAsync(app);

        var result = await host.InvokeAsync(payload);

        Assert.Equal(LambdaErrorTypes.InvalidEvent, result.Error!.ErrorType);
        Assert.Contains("The event cannot be routed: " + reason, result.Error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_json_event_no_adapter_accepts_names_the_adapters()
    {
        var app = TestApps.Builder().Build();
        app.MapEvent(static _ => false, static _ => ValueTask.CompletedTask);
        await using var host = await TestApps.StartAsync(app);

        var result = await host.InvokeAsync("""{"Records":[]}""");

        Assert.Equal(LambdaErrorTypes.NoHandler, result.Error!.ErrorType);
        Assert.Equal("None of the 1 mapped handlers accepts this event (Event handler).", result.Error.ErrorMessage);
    }

    [Fact]
    public void The_one_reader_skips_a_byte_order_mark_and_names_the_path()
    {
        var order = EventReader.Read("\uFEFF{\"id\":3,\"item\":\"pen\"}"u8, TestJsonContext.Default.Order);
        var error = Assert.Throws<InvalidEventException>(() => EventReader.Read("""{"id":[1]}""", TestJsonContext.Default.Order));
        var empty = Assert.Throws<InvalidEventException>(() => EventReader.Read(ReadOnlySpan<byte>.Empty, TestJsonContext.Default.Order));

        Assert.Equal(new Order(3, "pen"), order);
        Assert.Equal("$.id", error.JsonPath);
        Assert.Equal(typeof(Order), error.EventType);
        Assert.Equal(LambdaErrorTypes.InvalidEvent, error.ErrorType);
        Assert.Contains("the payload is empty", empty.Message, StringComparison.Ordinal);
    }
}
