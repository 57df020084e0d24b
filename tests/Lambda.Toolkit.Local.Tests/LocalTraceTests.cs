using System.Net.Sockets;
using System.Text;
using Lambda.Toolkit.Local.Commands;
using Lambda.Toolkit.Local.Tracing;

namespace Lambda.Toolkit.Local.Tests;

/// <summary><c>--trace</c>: sampled headers, the tool's own daemon socket, and the printed tree.</summary>
public sealed class LocalTraceTests
{
    [Fact]
    public void Trace_is_an_invoke_option()
    {
        var (options, error) = InvokeOptions.Parse(["fn", "-e", "e.json", "--trace"]);
        Assert.Null(error);
        Assert.True(options!.Trace);
        Assert.False(InvokeOptions.Parse(["fn", "-e", "e.json"]).Options!.Trace);
    }

    [Fact]
    public async Task Each_invocation_gets_a_sampled_header_and_its_subsegments_print_as_a_tree()
    {
        await using var trace = LocalTrace.Start(new Dictionary<string, string?>());
        Assert.NotNull(trace.DaemonAddress);
        var first = trace.Next("req-1");
        var second = trace.Next("req-2");
        Assert.NotEqual(first.Root, second.Root);
        Assert.Matches("^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=1$", first.Invocation.TraceId);
        Assert.Equal($"Root={first.Root};Parent={first.Segment};Sampled=1", first.Invocation.TraceId);
        Assert.Equal("req-1", first.Invocation.RequestId);

        using var function = new UdpClient();
        var port = int.Parse(trace.DaemonAddress.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
        void Send(string json) => function.Send(Encoding.UTF8.GetBytes("{\"format\": \"json\", \"version\": 1}\n" + json), "127.0.0.1", port);
        Send($$$"""{"name":"SQS record","id":"00000000000000b1","trace_id":"{{{second.Root}}}","parent_id":"00000000000000a1","type":"subsegment","start_time":100.001,"end_time":100.003}""");
        Send($$$"""{"name":"SQS record","id":"00000000000000c1","trace_id":"{{{first.Root}}}","parent_id":"00000000000000a0","type":"subsegment","start_time":100.002,"end_time":100.0045,"fault":true,"annotations":{"messaging_message_id":"m2","lambda_toolkit_batch_retries":2},"cause":{"exceptions":[{"id":"1","type":"System.InvalidOperationException","message":"out of stock"}]}}""");
        Send($$$"""{"name":"SQS record","id":"00000000000000c0","trace_id":"{{{first.Root}}}","parent_id":"00000000000000a0","type":"subsegment","start_time":100.001,"end_time":100.002,"annotations":{"messaging_message_id":"m1"}}""");
        Send($$$"""{"name":"orders","id":"00000000000000a0","trace_id":"{{{first.Root}}}","parent_id":"{{{first.Segment}}}","type":"subsegment","start_time":100.0,"end_time":100.005,"annotations":{"faas_invocation_id":"req-1","faas_coldstart":true}}""");

        var output = new StringWriter();
        await trace.WriteAsync(first, "orders", TimeSpan.FromMilliseconds(6.5), output);

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
        [
            $"TRACE {first.Root}",
            $"  orders (function segment {first.Segment})  6.50 ms",
            "    orders  5.00 ms  faas_coldstart=true",
            "      SQS record  1.00 ms  messaging_message_id=m1",
            "      SQS record  2.50 ms  [fault]  messaging_message_id=m2  lambda_toolkit_batch_retries=2  (System.InvalidOperationException: out of stock)",
        ], lines);
    }

    [Fact]
    public async Task A_function_that_sends_nothing_is_told_how_to_fix_it_and_an_own_daemon_is_left_alone()
    {
        await using var own = LocalTrace.Start(new Dictionary<string, string?> { ["AWS_XRAY_DAEMON_ADDRESS"] = "127.0.0.1:2000" });
        Assert.Null(own.DaemonAddress);
        var traced = own.Next(null);
        var output = new StringWriter();
        await own.WriteAsync(traced, "fn", TimeSpan.FromMilliseconds(1), output);
        Assert.Contains("sent to the function's own AWS_XRAY_DAEMON_ADDRESS", output.ToString(), StringComparison.Ordinal);

        Assert.Contains("AddXRayTracing()", TraceTree.Format("1-00000000-000000000000000000000000", "0000000000000001", "fn", TimeSpan.FromMilliseconds(1), []), StringComparison.Ordinal);
    }

    /// <summary>A script function that sends one faulted subsegment of its invocation to the daemon it was given, as the X-Ray exporter would.</summary>
    private const string TracingScript = """
        while true; do
          response=$(request GET invocation/next)
          id=$(printf '%s' "$response" | tr -d '\r' | sed -n 's/^Lambda-Runtime-Aws-Request-Id: //Ip')
          trace=$(printf '%s' "$response" | tr -d '\r' | sed -n 's/^Lambda-Runtime-Trace-Id: //Ip')
          root=$(printf '%s' "$trace" | sed -n 's/.*Root=\([^;]*\).*/\1/p')
          parent=$(printf '%s' "$trace" | sed -n 's/.*Parent=\([^;]*\).*/\1/p')
          sampled=$(printf '%s' "$trace" | sed -n 's/.*Sampled=\([01]\).*/\1/p')
          printf '{"format": "json", "version": 1}\n{"name":"script %s","id":"00000000000000a1","trace_id":"%s","parent_id":"%s","type":"subsegment","start_time":1.0,"end_time":1.25,"fault":true}' "$sampled" "$root" "$parent" > "/dev/udp/${AWS_XRAY_DAEMON_ADDRESS%:*}/${AWS_XRAY_DAEMON_ADDRESS##*:}"
          respond '{"statusCode":200,"body":"ok"}'
        done
        """;

    [Fact]
    public async Task Invoke_with_trace_prints_each_invocations_tree_after_its_report()
    {
        using var script = ScriptFunction.Create(TracingScript);
        var eventFile = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"trace-event-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(eventFile, "{}");
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exitCode = await InvokeCommand.RunAsync([script.Path, "--event", eventFile, "--trace", "--count", "2"], stdout, stderr, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(3));
        File.Delete(eventFile);

        Assert.True(exitCode == ExitCodes.Success, stderr.ToString());
        var lines = stdout.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var reports = lines.Select((l, i) => (l, i)).Where(x => x.l.StartsWith("REPORT RequestId:", StringComparison.Ordinal)).Select(x => x.i).ToList();
        Assert.Equal(2, reports.Count);
        var roots = new List<string>();
        foreach (var report in reports)
        {
            Assert.Matches("^TRACE 1-[0-9a-f]{8}-[0-9a-f]{24}$", lines[report + 1]);
            roots.Add(lines[report + 1]);
            Assert.Matches("^  bootstrap \\(function segment [0-9a-f]{16}\\)  \\d+\\.\\d\\d ms$", lines[report + 2]);
            Assert.Equal("    script 1  250.00 ms  [fault]", lines[report + 3]);
        }

        Assert.NotEqual(roots[0], roots[1]);
    }

    [Fact]
    public async Task Serve_with_trace_prints_the_tree_of_each_request()
    {
        using var script = ScriptFunction.Create(TracingScript);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var stdout = new StringWriter();
        var address = new TaskCompletionSource<string>();
        var serve = ServeCommand.RunAsync([script.Path, "--port", "0", "--trace"], stdout, new StringWriter(), stop.Token, a => address.TrySetResult(a));
        var url = await address.Task.WaitAsync(TimeSpan.FromMinutes(2));
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(1) };

        using var response = await http.GetAsync("/orders");
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        await stop.CancelAsync();
        await serve.WaitAsync(TimeSpan.FromSeconds(30));

        var lines = stdout.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var report = lines.FindIndex(l => l.StartsWith("REPORT RequestId:", StringComparison.Ordinal));
        Assert.True(report >= 0, stdout.ToString());
        Assert.StartsWith("TRACE 1-", lines[report + 1], StringComparison.Ordinal);
        Assert.Equal("    script 1  250.00 ms  [fault]", lines[report + 3]);
    }
}
