using Lambda.Toolkit.Batch.DeadLetter;
using Lambda.Toolkit.Batch.Idempotency;
using Lambda.Toolkit.Batch.Retry;
using Lambda.Toolkit.Batch.Sqs;
using Lambda.Toolkit.Http;
using Lambda.Toolkit.Testing.Events;

namespace Lambda.Toolkit.Metrics.Tests;

public class BuiltInMetricsTests
{
    private static SqsEventBuilder Batch() => new SqsEventBuilder("orders")
        .AddMessage("ok", m => m.MessageId = "ok")
        .AddMessage("flaky", m => m.MessageId = "flaky")
        .AddMessage("bad", m => m.MessageId = "bad");

    private static LambdaApplication SqsApp(MetricsHost host, Action<Lambda.Toolkit.Batch.BatchOptions>? configure = null)
    {
        var app = host.Builder.Build();
        var attempts = 0;
        app.MapSqs((message, context, ct) => message.Body switch
        {
            "bad" => throw new PermanentFailureException("bad order"),
            "flaky" when Interlocked.Increment(ref attempts) == 1 => throw new TimeoutException("stock service timed out"),
            _ => ValueTask.CompletedTask,
        }, o =>
        {
            o.Retry.Delay = TimeSpan.Zero;
            o.Retry.MaxDelay = TimeSpan.Zero;
            configure?.Invoke(o);
        });
        return app;
    }

    [Fact]
    public async Task A_batch_writes_its_records_processed_failed_and_retried_by_event_source()
    {
        var host = new MetricsHost(o => o.ColdStartMetric = false);
        await using var test = await host.StartAsync(SqsApp(host));

        await test.InvokeAsync(Batch().ToJson());

        var document = Assert.Single(host.Documents);
        Assert.Equal([["Service", "EventSource"]], EmfDocuments.DimensionSets(document));
        Assert.Equal("SQS", document["EventSource"]!.GetValue<string>());
        Assert.Equal(2, document["BatchRecordsProcessed"]!.GetValue<double>());
        Assert.Equal(1, document["BatchRecordsFailed"]!.GetValue<double>());
        Assert.Equal(1, document["BatchRecordsRetried"]!.GetValue<double>());
        Assert.Null(document["BatchRecordsDeadLettered"]);
        Assert.All(document["_aws"]!["CloudWatchMetrics"]![0]!["Metrics"]!.AsArray(), m => Assert.Equal("Count", m!["Unit"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Dead_lettered_records_are_counted()
    {
        var host = new MetricsHost(o => o.ColdStartMetric = false);
        var sink = new AcceptingSink();
        await using var test = await host.StartAsync(SqsApp(host, o => o.DeadLetter = DeadLetters.To(_ => sink)));

        await test.InvokeAsync(Batch().ToJson());

        var document = Assert.Single(host.Documents);
        Assert.Equal(1, document["BatchRecordsDeadLettered"]!.GetValue<double>());
        Assert.Null(document["BatchRecordsFailed"]);
    }

    [Fact]
    public async Task Records_skipped_as_duplicates_are_counted()
    {
        var host = new MetricsHost(o => o.ColdStartMetric = false);
        var store = new InMemoryIdempotencyStore();
        await using var test = await host.StartAsync(SqsApp(host, o => o.Idempotency = Idempotent.With(_ => store)));
        var batch = new SqsEventBuilder("orders").AddMessage("ok", m => m.MessageId = "a").AddMessage("ok", m => m.MessageId = "b").ToJson();

        await test.InvokeAsync(batch);
        await test.InvokeAsync(batch);

        var documents = host.Documents;
        Assert.Equal(2, documents.Count);
        Assert.Null(documents[0]["BatchRecordsDuplicates"]);
        Assert.Equal(2, documents[1]["BatchRecordsDuplicates"]!.GetValue<double>());
        Assert.Equal(2, documents[1]["BatchRecordsProcessed"]!.GetValue<double>());
    }

    [Fact]
    public async Task An_http_request_writes_its_count_and_latency_by_method_route_and_status_class()
    {
        var host = new MetricsHost(o => o.ColdStartMetric = false);
        var app = host.Builder.Build();
        app.MapHttpApi().MapGet("/orders/{id}", (request, ct) =>
        {
            host.Time.Advance(TimeSpan.FromMilliseconds(25));
            return ValueTask.FromResult(HttpResult.Text("order " + request.RouteValue("id")));
        });
        await using var test = await host.StartAsync(app);

        await test.InvokeAsync(new HttpRequestEventBuilder("GET", "/orders/7").ToJson(HttpEventSource.HttpApi));
        await test.InvokeAsync(new HttpRequestEventBuilder("GET", "/nowhere").ToJson(HttpEventSource.RestApi));

        var documents = host.Documents;
        Assert.Equal(2, documents.Count);
        Assert.Equal([["Service", "Method", "StatusClass", "Route"]], EmfDocuments.DimensionSets(documents[0]));
        Assert.Equal("GET", documents[0]["Method"]!.GetValue<string>());
        Assert.Equal("2xx", documents[0]["StatusClass"]!.GetValue<string>());
        Assert.Equal("/orders/{id}", documents[0]["Route"]!.GetValue<string>());
        Assert.Equal(1, documents[0]["HttpRequests"]!.GetValue<double>());
        Assert.Equal(25, documents[0]["HttpRequestDuration"]!.GetValue<double>());
        Assert.Equal("Milliseconds", documents[0]["_aws"]!["CloudWatchMetrics"]![0]!["Metrics"]![1]!["Unit"]!.GetValue<string>());

        // No route matched: the path never becomes a dimension.
        Assert.Equal([["Service", "Method", "StatusClass"]], EmfDocuments.DimensionSets(documents[1]));
        Assert.Equal("4xx", documents[1]["StatusClass"]!.GetValue<string>());
    }

    [Fact]
    public async Task Built_in_metrics_can_be_switched_off()
    {
        var host = new MetricsHost(o =>
        {
            o.ColdStartMetric = false;
            o.BuiltInMetrics = false;
        });
        await using var test = await host.StartAsync(SqsApp(host));

        await test.InvokeAsync(Batch().ToJson());

        Assert.Empty(host.Documents);
    }

    [Fact]
    public async Task A_route_template_that_is_not_ascii_becomes_a_dimension_cloudwatch_accepts()
    {
        var host = new MetricsHost(o => o.ColdStartMetric = false);
        var app = host.Builder.Build();
        app.MapHttpApi().MapGet("/café/{id}", request => HttpResult.Text("ok"));
        await using var test = await host.StartAsync(app);

        await test.InvokeAsync(new HttpRequestEventBuilder("GET", "/caf%C3%A9/1").ToJson(HttpEventSource.HttpApi));

        var document = Assert.Single(host.Documents);
        Assert.Equal("/caf?/{id}", document["Route"]!.GetValue<string>());
    }

    [Fact]
    public async Task Two_functions_in_one_process_only_see_their_own_built_in_metrics()
    {
        var first = new MetricsHost(o => o.ColdStartMetric = false);
        var second = new MetricsHost(o => o.ColdStartMetric = false);
        await using var one = await first.StartAsync(SqsApp(first));
        await using var two = await second.StartAsync(SqsApp(second));

        await one.InvokeAsync(Batch().ToJson());

        Assert.Equal(2, Assert.Single(first.Documents)["BatchRecordsProcessed"]!.GetValue<double>());
        Assert.Empty(second.Documents);
    }

    private sealed class AcceptingSink : IDeadLetterSink
    {
        public ValueTask<IReadOnlyCollection<string>> SendAsync(IReadOnlyList<DeadLetterMessage> messages, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyCollection<string>>([]);
    }
}
