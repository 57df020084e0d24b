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
}
