using System.Diagnostics;
using Lambda.Toolkit.Testing;

namespace Lambda.Toolkit.Tracing.Tests;

/// <summary>The core's invocation activity, seen by a plain <see cref="ActivityListener"/> (no tracing package).</summary>
public sealed class InvocationActivityTests
{
    [Fact]
    public async Task Priming_is_not_traced_and_an_uppercase_header_is_read()
    {
        var started = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = static s => s.Name == "Lambda.Toolkit",
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                lock (started)
                {
                    started.Add(a);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var host = await TracingApp.StartAsync(configure: app => app.Prime(TracingApp.Sqs("ok")));
        var traceId = Guid.NewGuid().ToString("N");

        // Tests in this assembly run one at a time: nothing else starts invocations while init primes this one.
        Assert.Empty(started);

        await host.InvokeAsync(TracingApp.Sqs("ok"), new TestInvocation { TraceId = $"Sampled=1; Root=1-{traceId[..8].ToUpperInvariant()}-{traceId[8..]} ;Lineage=a:1;Parent=53995C3F42CD8AD8" });

        var invocation = Assert.Single(started, a => a.TraceId.ToHexString() == traceId);
        Assert.Equal("53995c3f42cd8ad8", invocation.ParentSpanId.ToHexString());
        Assert.True(invocation.Recorded);
        Assert.Equal("orders-fn", invocation.DisplayName);
        Assert.Equal(true, invocation.GetTagItem("faas.coldstart"));
        Assert.Equal("aws", invocation.GetTagItem("cloud.provider"));
    }
}
