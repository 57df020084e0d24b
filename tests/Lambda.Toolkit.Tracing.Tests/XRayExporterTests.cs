using System.Text.Json;
using Lambda.Toolkit.Http;
using Lambda.Toolkit.Testing;
using Lambda.Toolkit.Tracing.XRay;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Tracing.Tests;

public sealed class XRayExporterTests
{
    [Fact]
    public async Task A_sampled_invocation_sends_its_subsegments_under_the_function_segment()
    {
        using var daemon = new FakeDaemon();
        await using var host = await TracingApp.StartAsync(s => s.AddXRayTracing(o => o.DaemonAddress = daemon.Address));
        var root = TracingApp.NewRoot();
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;

        var result = await host.InvokeAsync(TracingApp.Sqs("ok", "fail"), new TestInvocation { TraceId = TracingApp.Header(root, sampled: true), RequestId = "req-1" });

        Assert.Contains("m2", result.ResponseText, StringComparison.Ordinal);
        var documents = await daemon.ReceiveAsync(root, 3);
        var invocation = documents.Named("orders-fn");
        Assert.Equal("subsegment", invocation.GetProperty("type").GetString());
        Assert.Equal(TracingApp.FunctionSegment, invocation.GetProperty("parent_id").GetString());
        Assert.Matches("^[0-9a-f]{16}$", invocation.GetProperty("id").GetString());
        Assert.Equal("req-1", invocation.Annotation("faas_invocation_id").GetString());
        Assert.True(invocation.Annotation("faas_coldstart").GetBoolean());
        Assert.Equal("aws_lambda", invocation.GetProperty("metadata").GetProperty("default").GetProperty("cloud.platform").GetString());
        Assert.False(invocation.Flag("fault"));
        var start = invocation.GetProperty("start_time").GetDouble();
        Assert.InRange(start, before - 1, before + 60);
        Assert.True(invocation.GetProperty("end_time").GetDouble() >= start);

        var records = documents.Where(d => d.GetProperty("name").GetString() == "SQS record").ToList();
        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Equal(invocation.GetProperty("id").GetString(), r.GetProperty("parent_id").GetString()));
        var ok = Assert.Single(records, r => r.Annotation("messaging_message_id").GetString() == "m1");
        Assert.Equal("succeeded", ok.Annotation("lambda_toolkit_batch_outcome").GetString());
        Assert.Equal(0, ok.Annotation("lambda_toolkit_batch_retries").GetInt32());
        Assert.False(ok.Flag("fault"));
        var failed = Assert.Single(records, r => r.Annotation("messaging_message_id").GetString() == "m2");
        Assert.Equal("failed", failed.Annotation("lambda_toolkit_batch_outcome").GetString());
        Assert.True(failed.Flag("fault"));
        var exception = Assert.Single(failed.GetProperty("cause").GetProperty("exceptions").EnumerateArray());
        Assert.Equal("cannot process m2", exception.GetProperty("message").GetString());
        Assert.Equal("System.InvalidOperationException", exception.GetProperty("type").GetString());
        Assert.NotEmpty(exception.GetProperty("stack").EnumerateArray());
    }

    [Fact]
    public async Task An_unsampled_invocation_sends_nothing_and_the_cold_start_is_only_the_first()
    {
        using var daemon = new FakeDaemon();
        await using var host = await TracingApp.StartAsync(s => s.AddXRayTracing(o => o.DaemonAddress = daemon.Address));
        var unsampled = TracingApp.NewRoot();
        await host.InvokeAsync(TracingApp.Sqs("ok"), new TestInvocation { TraceId = TracingApp.Header(unsampled, sampled: false) });
        var sampled = TracingApp.NewRoot();
        await host.InvokeAsync(TracingApp.Sqs("ok"), new TestInvocation { TraceId = TracingApp.Header(sampled, sampled: true) });

        // Datagrams arrive in order on loopback: anything the unsampled invocation sent would have been read (and rejected) first.
        var exporter = host.Application.Services.GetRequiredService<XRayExporter>();
        var documents = await daemon.ReceiveAsync(sampled, 2);
        Assert.Equal(2, exporter.Sent);
        Assert.False(documents.Named("orders-fn").Annotation("faas_coldstart").GetBoolean());
    }

    [Fact]
    public async Task Http_routes_become_subsegments_with_http_facts_and_error_fault_throttle_marks()
    {
        using var daemon = new FakeDaemon();
        await using var host = await TracingApp.StartAsync(s => s.AddXRayTracing(o => o.DaemonAddress = daemon.Address));

        async Task<JsonElement> RouteAsync(string path)
        {
            var root = TracingApp.NewRoot();
            await host.InvokeAsync(TracingApp.HttpGet(path), new TestInvocation { TraceId = TracingApp.Header(root, sampled: true) });
            var documents = await daemon.ReceiveAsync(root, 2);
            var route = documents.Named("GET /orders/:id");
            Assert.Equal(documents.Named("orders-fn").GetProperty("id").GetString(), route.GetProperty("parent_id").GetString());
            return route;
        }

        var ok = await RouteAsync("/orders/7");
        Assert.Equal("GET", ok.GetProperty("http").GetProperty("request").GetProperty("method").GetString());
        Assert.Equal("/orders/7", ok.GetProperty("http").GetProperty("request").GetProperty("url").GetString());
        Assert.Equal(200, ok.GetProperty("http").GetProperty("response").GetProperty("status").GetInt32());
        Assert.Equal("/orders/{id}", ok.Annotation("http_route").GetString());
        Assert.False(ok.Flag("error") || ok.Flag("fault") || ok.Flag("throttle"));

        var busy = await RouteAsync("/orders/busy");
        Assert.True(busy.Flag("error") && busy.Flag("throttle"));
        Assert.False(busy.Flag("fault"));

        var bad = await RouteAsync("/orders/bad");
        Assert.True(bad.Flag("fault"));
        Assert.Equal(500, bad.Annotation("http_response_status_code").GetInt32());
        Assert.Equal("broken order", bad.GetProperty("cause").GetProperty("exceptions")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_failed_invocation_is_a_fault_with_its_error()
    {
        using var daemon = new FakeDaemon();
        await using var host = await TracingApp.StartAsync(
            s => s.AddXRayTracing(o => o.DaemonAddress = daemon.Address),
            app => app.Use(_ => _ => throw new TimeZoneNotFoundException("no zone")));
        var root = TracingApp.NewRoot();

        var result = await host.InvokeAsync("{}"u8.ToArray(), new TestInvocation { TraceId = TracingApp.Header(root, sampled: true) });

        Assert.NotNull(result.Error);
        var invocation = Assert.Single(await daemon.ReceiveAsync(root, 1));
        Assert.True(invocation.Flag("fault"));
        Assert.Equal(result.Error.ErrorType, invocation.Annotation("error_type").GetString());
        Assert.Equal("no zone", invocation.GetProperty("cause").GetProperty("exceptions")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_send_that_fails_is_counted_and_the_invocation_is_unaffected()
    {
        // Broadcast without SO_BROADCAST: every send fails at once with a socket error.
        await using var host = await TracingApp.StartAsync(s => s.AddXRayTracing(o => o.DaemonAddress = "255.255.255.255:2000"));
        var exporter = host.Application.Services.GetRequiredService<XRayExporter>();

        var result = await host.InvokeAsync(TracingApp.Sqs("ok", "ok"), new TestInvocation { TraceId = TracingApp.Header(TracingApp.NewRoot(), sampled: true) });

        Assert.Null(result.Error);
        Assert.Equal("{\"batchItemFailures\":[]}", result.ResponseText);
        Assert.Equal(3, exporter.Dropped);
        Assert.Equal(0, exporter.Sent);
    }

    [Fact]
    public async Task An_address_nobody_listens_on_never_fails_an_invocation()
    {
        int port;
        using (var closed = new FakeDaemon())
        {
            port = int.Parse(closed.Address.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
        }

        await using var host = await TracingApp.StartAsync(s => s.AddXRayTracing(o => o.DaemonAddress = $"127.0.0.1:{port}"));
        var exporter = host.Application.Services.GetRequiredService<XRayExporter>();
        for (var i = 0; i < 3; i++)
        {
            var result = await host.InvokeAsync(TracingApp.Sqs("ok"), new TestInvocation { TraceId = TracingApp.Header(TracingApp.NewRoot(), sampled: true) });
            Assert.Null(result.Error);
        }

        Assert.Equal(6, exporter.Sent + exporter.Dropped);
    }

    [Fact]
    public async Task A_daemon_that_never_reads_never_fails_an_invocation()
    {
        // A receiver with the smallest buffer the kernel allows, never read: its queue is full after a few datagrams.
        using var stuck = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Udp) { ReceiveBufferSize = 1 };
        stuck.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        await using var host = await TracingApp.StartAsync(s => s.AddXRayTracing(o => o.DaemonAddress = stuck.LocalEndPoint!.ToString()));
        var exporter = host.Application.Services.GetRequiredService<XRayExporter>();

        for (var i = 0; i < 200; i++)
        {
            var result = await host.InvokeAsync(TracingApp.Sqs("ok", "ok", "ok"), new TestInvocation { TraceId = TracingApp.Header(TracingApp.NewRoot(), sampled: true) });
            Assert.Null(result.Error);
        }

        Assert.Equal(800, exporter.Sent + exporter.Dropped);
        Assert.True(stuck.Available < 800 * 300, "The receiver's queue held only part of what was sent.");
    }

    [Fact]
    public void A_document_over_the_daemons_limit_drops_its_metadata_first_then_itself()
    {
        using var source = new System.Diagnostics.ActivitySource("Lambda.Toolkit.Tests.Oversize");
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = s => s == source,
            Sample = static (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        using var activity = source.StartActivity("big")!;
        activity.SetTag("messaging.message.id", "m1");
        activity.SetTag("payload.note", new string('x', 3000));
        activity.Stop();

        using var roomy = new XRaySubsegmentWriter(new HashSet<string> { "messaging.message.id" }, maxBytes: 4000);
        var full = JsonDocument.Parse(Body(roomy.Write(activity))).RootElement;
        Assert.Equal(3000, full.GetProperty("metadata").GetProperty("default").GetProperty("payload.note").GetString()!.Length);

        using var tight = new XRaySubsegmentWriter(new HashSet<string> { "messaging.message.id" }, maxBytes: 1000);
        var trimmed = JsonDocument.Parse(Body(tight.Write(activity))).RootElement;
        Assert.False(trimmed.TryGetProperty("metadata", out _));
        Assert.Equal("m1", trimmed.Annotation("messaging_message_id").GetString());
        Assert.Equal("big", trimmed.GetProperty("name").GetString());

        using var tiny = new XRaySubsegmentWriter(new HashSet<string>(), maxBytes: 50);
        Assert.True(tiny.Write(activity).IsEmpty);

        static string Body(ReadOnlyMemory<byte> datagram)
        {
            var text = System.Text.Encoding.UTF8.GetString(datagram.Span);
            return text[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..];
        }
    }

    [Fact]
    public async Task The_daemon_address_Lambda_sets_is_read_from_configuration()
    {
        using var daemon = new FakeDaemon();
        await using var host = await TracingApp.StartAsync(s => s.AddXRayTracing(), daemonVariable: $"tcp:127.0.0.1:1 udp:{daemon.Address}");
        var root = TracingApp.NewRoot();

        await host.InvokeAsync(TracingApp.Sqs("ok"), new TestInvocation { TraceId = TracingApp.Header(root, sampled: true) });

        Assert.Equal(2, (await daemon.ReceiveAsync(root, 2)).Count);
    }

    [Fact]
    public async Task A_malformed_AWS_XRAY_DAEMON_ADDRESS_fails_init_with_the_reason()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => TracingApp.StartAsync(s => s.AddXRayTracing(), daemonVariable: "udp:127.0.0.1:2000"));

        Assert.Contains("AWS_XRAY_DAEMON_ADDRESS: 'udp:127.0.0.1:2000' is not a daemon address", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_daemon_address_nothing_listens()
    {
        await using var host = await TracingApp.StartAsync(s => s.AddXRayTracing());
        var exporter = host.Application.Services.GetRequiredService<XRayExporter>();
        Assert.Null(exporter.Daemon);
        var result = await host.InvokeAsync(TracingApp.Sqs("ok"), new TestInvocation { TraceId = TracingApp.Header(TracingApp.NewRoot(), sampled: true) });
        Assert.Null(result.Error);
        Assert.Equal(0, exporter.Sent + exporter.Dropped);
    }

    [Fact]
    public async Task A_malformed_daemon_address_or_options_fail_init_with_every_problem()
    {
        var builder = LambdaApplication.CreateBuilder([]);
        builder.Services.AddXRayTracing(o =>
        {
            o.DaemonAddress = "localhost";
            o.Sources.Add("Lambda.*.Batch");
        });
        var app = builder.Build();
        app.Use(_ => _ => ValueTask.CompletedTask);
        app.MapHttpApi();

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => LambdaTestHost.StartAsync(app));

        Assert.Contains("'localhost' has no valid port", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'*' is allowed only at the end", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_options_fail_init_even_without_a_daemon_address()
    {
        // Without AWS_XRAY_DAEMON_ADDRESS nothing is exported and the exporter is never built, but the options are still checked.
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => TracingApp.StartAsync(s => s.AddXRayTracing(o =>
        {
            o.Sources.Clear();
            o.AnnotationTags.Add(string.Empty);
        })));

        Assert.Contains("X-Ray tracing: Sources is empty", failure.Message, StringComparison.Ordinal);
        Assert.Contains("X-Ray tracing: AnnotationTags contains an empty tag name.", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1:2000", "127.0.0.1", 2000)]
    [InlineData("169.254.79.129:2000", "169.254.79.129", 2000)]
    [InlineData("tcp:127.0.0.1:2000 udp:127.0.0.2:2001", "127.0.0.2", 2001)]
    [InlineData("udp:10.0.0.1:3000 tcp:10.0.0.1:2000", "10.0.0.1", 3000)]
    [InlineData("[::1]:2000", "::1", 2000)]
    [InlineData("localhost:2000", "localhost", 2000)]
    public void Daemon_addresses_are_read_in_both_forms(string value, string host, int port)
    {
        Assert.True(XRayDaemonAddress.TryParse(value, out var address, out _));
        Assert.Equal(new XRayDaemonAddress(host, port), address);
    }

    [Theory]
    [InlineData("127.0.0.1", "no valid port")]
    [InlineData("127.0.0.1:0", "no valid port")]
    [InlineData("127.0.0.1:70000", "no valid port")]
    [InlineData(":2000", "no host")]
    [InlineData("::1:2000", "no host")]
    [InlineData("udp:127.0.0.1:2000", "not a daemon address")]
    [InlineData("tcp:127.0.0.1:2000 tcp:127.0.0.1:2001", "not a daemon address")]
    public void Bad_daemon_addresses_are_named_precisely(string value, string problem)
    {
        Assert.False(XRayDaemonAddress.TryParse(value, out _, out var error));
        Assert.Contains(problem, error, StringComparison.Ordinal);
    }
}
