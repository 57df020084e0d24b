using System.Diagnostics;
using Lambda.Toolkit.Testing;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Lambda.Toolkit.Tracing.Tests;

/// <summary>An application using the OpenTelemetry SDK sees the toolkit's spans with nothing but <c>AddSource</c>.</summary>
public sealed class OpenTelemetryTests
{
    private const string CallerTrace = "0af7651916cd43dd8448eb211c80319c";
    private const string CallerSpan = "b7ad6b7169203331";

    [Fact]
    public async Task Invocation_and_record_spans_continue_the_XRay_trace()
    {
        var spans = new List<Activity>();
        using var provider = Sdk.CreateTracerProviderBuilder().AddSource("Lambda.Toolkit*").AddInMemoryExporter(spans).Build();
        await using var host = await TracingApp.StartAsync();
        var root = TracingApp.NewRoot();

        await host.InvokeAsync(TracingApp.Sqs("ok", "fail"), new TestInvocation { TraceId = TracingApp.Header(root, sampled: true), RequestId = "req-9" });

        var invocation = Assert.Single(spans, s => s.Source.Name == "Lambda.Toolkit");
        Assert.Equal(ActivityKind.Server, invocation.Kind);
        Assert.Equal(TracingApp.W3CTraceId(root), invocation.TraceId.ToHexString());
        Assert.Equal(TracingApp.FunctionSegment, invocation.ParentSpanId.ToHexString());
        Assert.True(invocation.HasRemoteParent);
        Assert.Equal("req-9", invocation.GetTagItem("faas.invocation_id"));
        Assert.Equal(true, invocation.GetTagItem("faas.coldstart"));
        Assert.Equal(ActivityStatusCode.Unset, invocation.Status);

        var records = spans.Where(s => s.Source.Name == "Lambda.Toolkit.Batch").ToList();
        Assert.Equal(2, records.Count);
        Assert.All(records, r =>
        {
            Assert.Equal(invocation.SpanId, r.ParentSpanId);
            Assert.Equal(invocation.TraceId, r.TraceId);
            Assert.Equal(ActivityKind.Consumer, r.Kind);
        });
        Assert.Equal(ActivityStatusCode.Error, Assert.Single(records, r => (string?)r.GetTagItem("messaging.message.id") == "m2").Status);
    }

    [Fact]
    public async Task An_unsampled_invocation_is_not_recorded_by_a_parent_based_sampler()
    {
        var spans = new List<Activity>();
        using var provider = Sdk.CreateTracerProviderBuilder().AddSource("Lambda.Toolkit*").AddInMemoryExporter(spans).Build();
        await using var host = await TracingApp.StartAsync();

        await host.InvokeAsync(TracingApp.Sqs("ok"), new TestInvocation { TraceId = TracingApp.Header(TracingApp.NewRoot(), sampled: false) });

        Assert.Empty(spans);
    }

    [Fact]
    public async Task A_route_continues_the_callers_traceparent_when_XRay_does_not_sample()
    {
        var spans = new List<Activity>();
        using var provider = Sdk.CreateTracerProviderBuilder().AddSource("Lambda.Toolkit*").SetSampler(new AlwaysOnSampler()).AddInMemoryExporter(spans).Build();
        await using var host = await TracingApp.StartAsync();

        await host.InvokeAsync(TracingApp.HttpGet("/orders/7", $"00-{CallerTrace}-{CallerSpan}-01"), new TestInvocation { TraceId = TracingApp.Header(TracingApp.NewRoot(), sampled: false) });

        var invocation = Assert.Single(spans, s => s.Source.Name == "Lambda.Toolkit");
        var route = Assert.Single(spans, s => s.Source.Name == "Lambda.Toolkit.Http");
        Assert.Equal("GET /orders/{id}", route.DisplayName);
        Assert.Equal(CallerTrace, route.TraceId.ToHexString());
        Assert.Equal(CallerSpan, route.ParentSpanId.ToHexString());
        Assert.Equal(invocation.Context, Assert.Single(route.Links).Context);
        Assert.Equal(200, route.GetTagItem("http.response.status_code"));
        Assert.Equal("/orders/{id}", route.GetTagItem("http.route"));
    }

    [Fact]
    public async Task A_route_stays_in_the_XRay_trace_and_links_the_traceparent_when_XRay_samples()
    {
        var spans = new List<Activity>();
        using var provider = Sdk.CreateTracerProviderBuilder().AddSource("Lambda.Toolkit*").AddInMemoryExporter(spans).Build();
        await using var host = await TracingApp.StartAsync();
        var root = TracingApp.NewRoot();

        await host.InvokeAsync(TracingApp.HttpGet("/orders/bad", $"00-{CallerTrace}-{CallerSpan}-01"), new TestInvocation { TraceId = TracingApp.Header(root, sampled: true) });

        var invocation = Assert.Single(spans, s => s.Source.Name == "Lambda.Toolkit");
        var route = Assert.Single(spans, s => s.Source.Name == "Lambda.Toolkit.Http");
        Assert.Equal(invocation.SpanId, route.ParentSpanId);
        Assert.Equal(TracingApp.W3CTraceId(root), route.TraceId.ToHexString());
        Assert.Equal(CallerTrace, Assert.Single(route.Links).Context.TraceId.ToHexString());
        Assert.Equal(500, route.GetTagItem("http.response.status_code"));
        Assert.Equal(ActivityStatusCode.Error, route.Status);
    }

    [Fact]
    public async Task Without_a_trace_header_the_invocation_starts_a_trace_of_its_own()
    {
        var spans = new List<Activity>();
        using var provider = Sdk.CreateTracerProviderBuilder().AddSource("Lambda.Toolkit*").AddInMemoryExporter(spans).Build();
        await using var host = await TracingApp.StartAsync();

        await host.InvokeAsync(TracingApp.Sqs("ok"), new TestInvocation { TraceId = "Root=not-a-root;Parent=zz;Sampled=1" });

        var invocation = Assert.Single(spans, s => s.Source.Name == "Lambda.Toolkit");
        Assert.Equal(default, invocation.ParentSpanId);
        Assert.False(invocation.HasRemoteParent);
    }
}
