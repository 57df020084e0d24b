using System.Net;
using System.Text.Json;
using Lambda.Toolkit.Local.Commands;

namespace Lambda.Toolkit.Local.Tests;

/// <summary><c>lambda-toolkit serve</c> in process, with script functions for what the samples never do (crash).</summary>
public sealed class ServeCommandTests
{
    [Fact]
    public async Task A_function_process_that_dies_is_replaced_and_its_request_gets_a_502()
    {
        // The first process takes the event and dies; its replacement answers.
        using var script = ScriptFunction.Create("""
            if [ ! -e "${0%/*}/crashed" ]; then : > "${0%/*}/crashed"; next; echo 'dying' >&2; exit 1; fi
            while true; do next; respond '{"statusCode":200,"body":"ok"}'; done
            """);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var address = new TaskCompletionSource<string>();
        var serve = ServeCommand.RunAsync([script.Path, "--port", "0"], stdout, stderr, stop.Token, a => address.TrySetResult(a));
        var url = await address.Task.WaitAsync(TimeSpan.FromMinutes(2));
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(1) };

        using var crashed = await http.GetAsync("/orders");
        var crashedBody = await crashed.Content.ReadAsStringAsync();
        using var answered = await http.GetAsync("/orders");
        var answeredBody = await answered.Content.ReadAsStringAsync();
        await stop.CancelAsync();
        var exitCode = await serve.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.BadGateway, crashed.StatusCode);
        Assert.Equal("application/json", crashed.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Internal Server Error", JsonDocument.Parse(crashedBody).RootElement.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal("ok", answeredBody);
        var reports = stdout.ToString().Split('\n').Where(l => l.StartsWith("REPORT RequestId:", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, reports.Length);
        Assert.Matches(@"\tInit Duration: \d+\.\d\d ms\tStatus: error\tError Type: Runtime.ExitError\r?$", reports[0]);
        Assert.Matches(@"\tInit Duration: \d+\.\d\d ms\r?$", reports[1]);
        Assert.Contains("starting a new one", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Cancelled, exitCode);
    }

    [Fact]
    public async Task A_request_whose_event_is_over_6_MB_gets_a_413_and_never_reaches_the_function()
    {
        using var script = ScriptFunction.Create("""
            while true; do next; respond '{"statusCode":200,"body":"ok"}'; done
            """);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var stdout = new StringWriter();
        var address = new TaskCompletionSource<string>();
        var serve = ServeCommand.RunAsync([script.Path, "--port", "0"], stdout, new StringWriter(), stop.Token, a => address.TrySetResult(a));
        var url = await address.Task.WaitAsync(TimeSpan.FromMinutes(2));
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(1) };

        using var tooBig = await http.PostAsync("/upload", new ByteArrayContent(new byte[6 * 1024 * 1024]));
        var tooBigBody = await tooBig.Content.ReadAsStringAsync();
        using var small = await http.GetAsync("/orders");
        await stop.CancelAsync();
        await serve.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        Assert.Equal("Request Entity Too Large", JsonDocument.Parse(tooBigBody).RootElement.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        Assert.Single(stdout.ToString().Split('\n'), l => l.StartsWith("REPORT RequestId:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--timeout", "0", "--timeout must be between 1 and 900 seconds")]
    [InlineData("--memory", "64", "--memory must be between 128 and 10240 MB")]
    public async Task Out_of_range_limits_are_usage_errors(string option, string value, string message)
    {
        var stderr = new StringWriter();

        var exitCode = await ServeCommand.RunAsync(["fn", option, value], new StringWriter(), stderr, CancellationToken.None);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains(message, stderr.ToString(), StringComparison.Ordinal);
    }
}
