using Lambda.Toolkit.Local.Commands;

namespace Lambda.Toolkit.Local.Tests;

/// <summary>The hand-written argument parser of <c>invoke</c>.</summary>
public sealed class InvokeOptionsTests
{
    [Fact]
    public void Every_option_is_read()
    {
        var (options, error) = InvokeOptions.Parse(["fn", "-e", "e.json", "--timeout", "2.5", "--init-timeout", "3", "--memory", "512", "--name", "orders", "--count", "4", "--env", "A=1", "--env", "B=x=y", "--env", "EMPTY="]);

        Assert.Null(error);
        Assert.NotNull(options);
        Assert.Equal("fn", options.Function);
        Assert.Equal("e.json", options.EventPath);
        Assert.Equal(TimeSpan.FromSeconds(2.5), options.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(3), options.InitTimeout);
        Assert.Equal(512, options.MemorySizeMb);
        Assert.Equal("orders", options.Name);
        Assert.Equal(4, options.Count);
        Assert.Equal(new Dictionary<string, string?> { ["A"] = "1", ["B"] = "x=y", ["EMPTY"] = "" }, options.Environment);
    }

    [Fact]
    public void Defaults_are_Lambda_defaults_except_memory()
    {
        var (options, _) = InvokeOptions.Parse(["fn", "--event", "e.json"]);

        Assert.NotNull(options);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(10), options.InitTimeout);

        // Enforced as a limit, so 512 rather than Lambda's 128: a JIT-run .NET function needs more than its AOT build.
        Assert.Equal(512, options.MemorySizeMb);
        Assert.False(options.IsEvent);
        Assert.Equal(6_291_456, options.MaxPayloadBytes);
        Assert.Equal(1, options.Count);
        Assert.Null(options.Name);
        Assert.Empty(options.Environment);
    }

    [Theory]
    [InlineData(new string[] { }, "Name the function")]
    [InlineData(new[] { "fn" }, "--event <file.json>")]
    [InlineData(new[] { "fn", "--event" }, "--event needs a value")]
    [InlineData(new[] { "fn", "--event", "e", "--timeout", "0" }, "--timeout must be between 1 and 900 seconds")]
    [InlineData(new[] { "fn", "--event", "e", "--timeout", "0.5" }, "--timeout must be between 1 and 900 seconds")]
    [InlineData(new[] { "fn", "--event", "e", "--timeout", "901" }, "--timeout must be between 1 and 900 seconds")]
    [InlineData(new[] { "fn", "--event", "e", "--invocation-type", "DryRun" }, "--invocation-type must be RequestResponse or Event")]
    [InlineData(new[] { "fn", "--event", "e", "--timeout", "soon" }, "--timeout expects a number of seconds, got 'soon'")]
    [InlineData(new[] { "fn", "--event", "e", "--init-timeout", "-1" }, "--init-timeout must be between")]
    [InlineData(new[] { "fn", "--event", "e", "--memory", "64" }, "--memory must be between 128 and 10240")]
    [InlineData(new[] { "fn", "--event", "e", "--memory", "99999999999" }, "--memory expects a whole number, got '99999999999'")]
    [InlineData(new[] { "fn", "--event", "e", "--count", "-2" }, "--count expects a whole number, got '-2'")]
    [InlineData(new[] { "fn", "--event", "e", "--count", "0" }, "--count must be at least 1")]
    [InlineData(new[] { "fn", "--event", "e", "--env", "NOVALUE" }, "--env expects KEY=VALUE")]
    [InlineData(new[] { "fn", "--event", "e", "--env", "=x" }, "--env expects KEY=VALUE")]
    [InlineData(new[] { "fn", "other", "--event", "e" }, "'other' is extra")]
    [InlineData(new[] { "fn", "--event", "e", "--verbose" }, "Unknown option '--verbose'")]
    public void Bad_arguments_say_what_is_wrong(string[] args, string message)
    {
        var (options, error) = InvokeOptions.Parse(args);

        Assert.Null(options);
        Assert.NotNull(error);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1", 1.0)]
    [InlineData("900", 900.0)]
    public void Timeout_accepts_Lambdas_range_from_1_to_900_seconds(string value, double seconds)
    {
        var (options, error) = InvokeOptions.Parse(["fn", "--event", "e", "--timeout", value]);

        Assert.True(error is null, error);
        Assert.Equal(TimeSpan.FromSeconds(seconds), options!.Timeout);
    }

    [Fact]
    public void Event_invocations_have_the_1_MB_payload_limit()
    {
        var (options, _) = InvokeOptions.Parse(["fn", "--event", "e", "--invocation-type", "Event"]);

        Assert.True(options!.IsEvent);
        Assert.Equal(1_048_576, options.MaxPayloadBytes);
    }

    [Fact]
    public void Help_stops_parsing_where_it_appears()
    {
        var (options, error) = InvokeOptions.Parse(["--bogus-is-not-reached", "--help"]);

        Assert.Null(options);
        Assert.Contains("Unknown option", error, StringComparison.Ordinal);
        Assert.True(InvokeOptions.Parse(["-h", "--bogus"]).Options?.ShowHelp);
    }
}
