using System.Text.Json.Nodes;
using Lambda.Toolkit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Metrics.Tests;

public class MetricsTests
{
    private static LambdaApplication Handler(MetricsHost host, Action<ILambdaMetrics> record)
    {
        var app = host.Builder.Build();
        var metrics = app.Services.GetRequiredService<ILambdaMetrics>();
        app.MapHandler(context =>
        {
            record(metrics);
            return ValueTask.CompletedTask;
        });
        return app;
    }

    [Fact]
    public async Task An_invocation_writes_its_metrics_as_one_emf_line_with_the_namespace_and_service()
    {
        var host = new MetricsHost(o => o.ColdStartMetric = false);
        await using var test = await host.StartAsync(Handler(host, m =>
        {
            m.AddMetric("OrdersPlaced", MetricUnit.Count, 1);
            m.AddMetric("OrderValue", MetricUnit.None, 42.5);
        }));

        await test.InvokeAsync("{}");

        var document = Assert.Single(host.Documents);
        Assert.Equal(host.Time.GetUtcNow().ToUnixTimeMilliseconds(), document["_aws"]!["Timestamp"]!.GetValue<long>());
        Assert.Equal("Orders", document["_aws"]!["CloudWatchMetrics"]![0]!["Namespace"]!.GetValue<string>());
        Assert.Equal([["Service"]], EmfDocuments.DimensionSets(document));
        Assert.Equal(MetricsHost.FunctionName, document["Service"]!.GetValue<string>());
        Assert.Equal(["OrdersPlaced", "OrderValue"], EmfDocuments.Metrics(document));
        Assert.Equal(1, document["OrdersPlaced"]!.GetValue<double>());
        Assert.Equal(42.5, document["OrderValue"]!.GetValue<double>());
        Assert.Equal("Count", document["_aws"]!["CloudWatchMetrics"]![0]!["Metrics"]![0]!["Unit"]!.GetValue<string>());
        Assert.Null(document["_aws"]!["CloudWatchMetrics"]![0]!["Metrics"]![0]!["StorageResolution"]);
    }

    [Fact]
    public async Task High_resolution_metrics_carry_storage_resolution_1()
    {
        var host = new MetricsHost(o => o.ColdStartMetric = false);
        await using var test = await host.StartAsync(Handler(host, m => m.AddMetric("QueueDepth", MetricUnit.Count, 7, MetricResolution.High)));

        await test.InvokeAsync("{}");

        var metric = Assert.Single(host.Documents)["_aws"]!["CloudWatchMetrics"]![0]!["Metrics"]![0]!;
        Assert.Equal(1, metric["StorageResolution"]!.GetValue<int>());
    }

    [Fact]
    public async Task Every_unit_is_written_with_its_emf_name()
    {
        var host = new MetricsHost(o => o.ColdStartMetric = false);
        await using var test = await host.StartAsync(Handler(host, m =>
        {
            foreach (var unit in Enum.GetValues<MetricUnit>())
            {
                m.AddMetric("m" + unit, unit, 1);
            }
        }));

        await test.InvokeAsync("{}");

        var units = Assert.Single(host.Documents)["_aws"]!["CloudWatchMetrics"]![0]!["Metrics"]!.AsArray().Select(m => m!["Unit"]!.GetValue<string>()).ToArray();
        Assert.Equal(Enum.GetValues<MetricUnit>().Length, units.Distinct().Count());
        Assert.Contains("Bytes/Second", units);
        Assert.Contains("Count/Second", units);
    }

    [Fact]
    public async Task The_first_invocation_of_the_environment_writes_a_cold_start_metric_and_later_ones_do_not()
    {
        var host = new MetricsHost();
        await using var test = await host.StartAsync(Handler(host, _ => { }));

        await test.InvokeAsync("{}");
        await test.InvokeAsync("{}");

        var document = Assert.Single(host.Documents);
        Assert.Equal(["ColdStart"], EmfDocuments.Metrics(document));
        Assert.Equal(1, document["ColdStart"]!.GetValue<double>());
        Assert.Equal([["Service", "FunctionName"]], EmfDocuments.DimensionSets(document));
        Assert.Equal(MetricsHost.FunctionName, document["FunctionName"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_function_name_dimension_goes_on_every_metric_only_when_asked_for()
    {
        var host = new MetricsHost(o =>
        {
            o.ColdStartMetric = false;
            o.AddFunctionNameDimension = true;
            o.Service = "orders";
            o.DefaultDimensions["Stage"] = "prod";
        });
        await using var test = await host.StartAsync(Handler(host, m => m.AddMetric("OrdersPlaced", MetricUnit.Count, 1)));

        await test.InvokeAsync("{}");

        var document = Assert.Single(host.Documents);
        Assert.Equal([["Service", "FunctionName", "Stage"]], EmfDocuments.DimensionSets(document));
        Assert.Equal("orders", document["Service"]!.GetValue<string>());
        Assert.Equal(MetricsHost.FunctionName, document["FunctionName"]!.GetValue<string>());
        Assert.Equal("prod", document["Stage"]!.GetValue<string>());
    }

    [Fact]
    public async Task Dimensions_and_dimension_sets_join_the_default_dimensions_and_metadata_stays_out_of_the_directive()
    {
        var host = new MetricsHost(o => o.ColdStartMetric = false);
        await using var test = await host.StartAsync(Handler(host, m =>
        {
            m.AddMetric("OrdersPlaced", MetricUnit.Count, 1);
            m.AddDimension("Tenant", "acme");
            m.AddDimensionSet(("Region", "eu-west-1"), ("Channel", "web"));
            m.AddDimensionSet(("Tenant", "acme"));
            m.AddMetadata("orderId", "o-1001");
            m.AddMetadata("total", 99.5);
        }));

        await test.InvokeAsync("{}");

        var document = Assert.Single(host.Documents);
        Assert.Equal([["Service", "Tenant"], ["Service", "Region", "Channel"], ["Service", "Tenant"]], EmfDocuments.DimensionSets(document));
        Assert.Equal("acme", document["Tenant"]!.GetValue<string>());
        Assert.Equal("eu-west-1", document["Region"]!.GetValue<string>());
        Assert.Equal("o-1001", document["orderId"]!.GetValue<string>());
        Assert.Equal(99.5, document["total"]!.GetValue<double>());
    }

    [Fact]
    public async Task More_than_100_metrics_are_split_into_documents_of_at_most_100()
    {
        var host = new MetricsHost(o => o.ColdStartMetric = false);
        await using var test = await host.StartAsync(Handler(host, m =>
        {
            m.AddDimension("Tenant", "acme");
            m.AddMetadata("orderId", "o-1");
            for (var i = 0; i < 250; i++)
            {
                m.AddMetric($"Metric{i:000}", MetricUnit.Count, i);
            }
        }));

        await test.InvokeAsync("{}");

        var documents = host.Documents;
        Assert.Equal([100, 100, 50], documents.Select(d => EmfDocuments.Metrics(d).Length));
        Assert.Equal(Enumerable.Range(0, 250).Select(i => $"Metric{i:000}"), documents.SelectMany(EmfDocuments.Metrics));
        Assert.All(documents, d => Assert.Equal("acme", d["Tenant"]!.GetValue<string>()));
        Assert.All(documents, d => Assert.Equal("o-1", d["orderId"]!.GetValue<string>()));
        Assert.Equal(249, documents[2]["Metric249"]!.GetValue<double>());
    }

    [Theory]
    [InlineData(100, 1, new[] { 100 })]
    [InlineData(101, 1, new[] { 100, 1 })]
    [InlineData(1, 100, new[] { 1 })]
    [InlineData(1, 101, new[] { 1, 1 })]
    [InlineData(200, 100, new[] { 100, 100 })]
    public async Task Documents_split_exactly_at_the_limits(int metrics, int values, int[] metricsPerDocument)
    {
        var host = new MetricsHost(o => o.ColdStartMetric = false);
        await using var test = await host.StartAsync(Handler(host, m =>
        {
            for (var i = 0; i < metrics; i++)
            {
                for (var v = 0; v < values; v++)
                {
                    m.AddMetric($"M{i}", MetricUnit.Count, v);
                }
            }
        }));

        await test.InvokeAsync("{}");

        var documents = host.Documents;
        Assert.Equal(metricsPerDocument, documents.Select(d => EmfDocuments.Metrics(d).Length));
        Assert.Equal(metrics * values, documents.Sum(d => EmfDocuments.Metrics(d).Sum(name => EmfDocuments.Values(d, name).Length)));
    }

    [Fact]
    public async Task More_than_100_values_of_a_metric_are_split_into_documents_of_at_most_100_values()
    {
        var host = new MetricsHost(o => o.ColdStartMetric = false);
        await using var test = await host.StartAsync(Handler(host, m =>
        {
            for (var i = 0; i < 230; i++)
            {
                m.AddMetric("Latency", MetricUnit.Milliseconds, i);
            }

            m.AddMetric("Orders", MetricUnit.Count, 1);
        }));

        await test.InvokeAsync("{}");

        var documents = host.Documents;
        Assert.Equal(3, documents.Count);
        Assert.Equal([100, 100, 30], documents.Select(d => EmfDocuments.Values(d, "Latency").Length));
        Assert.Equal(Enumerable.Range(0, 230).Select(i => (double)i), documents.SelectMany(d => EmfDocuments.Values(d, "Latency")));
        Assert.Single(documents.With("Orders"));
    }

    [Fact]
    public async Task Many_metrics_with_many_values_split_on_both_limits_and_lose_nothing()
    {
        var host = new MetricsHost(o => o.ColdStartMetric = false);
        await using var test = await host.StartAsync(Handler(host, m =>
        {
            for (var i = 0; i < 120; i++)
            {
                for (var v = 0; v < (i % 3 == 0 ? 150 : 1); v++)
                {
                    m.AddMetric($"M{i}", MetricUnit.Count, v);
                }
            }
        }));

        await test.InvokeAsync("{}");

        var documents = host.Documents;
        for (var i = 0; i < 120; i++)
        {
            Assert.Equal(i % 3 == 0 ? 150 : 1, documents.With($"M{i}").Sum(d => EmfDocuments.Values(d, $"M{i}").Length));
        }
    }

    [Fact]
    public async Task Metrics_recorded_in_parallel_records_all_arrive()
    {
        var host = new MetricsHost(o => o.ColdStartMetric = false);
        var app = host.Builder.Build();
        var metrics = app.Services.GetRequiredService<ILambdaMetrics>();
        app.MapHandler(async context => await Parallel.ForAsync(0, 64, async (i, ct) =>
        {
            await Task.Yield();
            metrics.AddMetric("Processed", MetricUnit.Count, 1);
        }));
        await using var test = await host.StartAsync(app);

        await test.InvokeAsync("{}");

        Assert.Equal(64, host.Documents.Sum(d => EmfDocuments.Values(d, "Processed").Length));
    }

    [Fact]
    public async Task A_failing_invocation_still_writes_what_it_recorded()
    {
        var host = new MetricsHost(o => o.ColdStartMetric = false);
        var app = host.Builder.Build();
        var metrics = app.Services.GetRequiredService<ILambdaMetrics>();
        app.MapHandler(_ =>
        {
            metrics.AddMetric("Attempts", MetricUnit.Count, 1);
            throw new InvalidOperationException("boom");
        });
        await using var test = await host.StartAsync(app);

        var result = await test.InvokeAsync("{}");

        Assert.False(result.IsSuccess);
        Assert.Single(host.Documents.With("Attempts"));
    }

    [Fact]
    public async Task Concurrent_invocations_keep_their_metrics_apart()
    {
        var host = new MetricsHost(o => o.ColdStartMetric = false);
        var app = host.Builder.Build();
        var metrics = app.Services.GetRequiredService<ILambdaMetrics>();
        app.MapHandler(async context =>
        {
            var tenant = context.RequestId;
            metrics.AddDimension("Tenant", tenant);
            await Task.Yield();
            metrics.AddMetric("Orders", MetricUnit.Count, 1);
        });
        await using var test = await host.StartAsync(app);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => test.InvokeAsync("{}", new TestInvocation { RequestId = $"t{i}" })));

        var documents = host.Documents;
        Assert.Equal(8, documents.Count);
        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"t{i}"), documents.Select(d => d["Tenant"]!.GetValue<string>()).Order());
        Assert.All(documents, d => Assert.Equal(1, d["Orders"]!.GetValue<double>()));
    }

    [Fact]
    public async Task Priming_invocations_and_warm_up_pings_write_nothing()
    {
        var host = new MetricsHost();
        var app = Handler(host, m => m.AddMetric("Orders", MetricUnit.Count, 1));
        app.Prime("{}");
        await using var test = await host.StartAsync(app);

        await test.InvokeAsync("""{"warmer":true}""");

        Assert.Empty(host.Documents);
    }

    [Fact]
    public async Task Recording_after_the_invocation_ended_is_a_clear_error()
    {
        var host = new MetricsHost(o => o.ColdStartMetric = false);
        var app = host.Builder.Build();
        var metrics = app.Services.GetRequiredService<ILambdaMetrics>();
        var release = new TaskCompletionSource();
        Task<Exception?>? late = null;
        app.MapHandler(_ =>
        {
            late = Task.Run<Exception?>(async () =>
            {
                await release.Task;
                return Record.Exception(() => metrics.AddMetric("Late", MetricUnit.Count, 1));
            });
            return ValueTask.CompletedTask;
        });
        await using var test = await host.StartAsync(app);

        await test.InvokeAsync("{}");
        release.SetResult();

        var error = Assert.IsType<InvalidOperationException>(await late!);
        Assert.Contains("has ended", error.Message);
        Assert.Empty(host.Documents);
    }

    [Fact]
    public async Task Recording_outside_an_invocation_is_a_clear_error()
    {
        var host = new MetricsHost();
        var app = Handler(host, _ => { });
        await using var test = await host.StartAsync(app);

        var error = Assert.Throws<InvalidOperationException>(() => app.Services.GetRequiredService<ILambdaMetrics>().AddMetric("Orders", MetricUnit.Count, 1));

        Assert.Contains("No invocation is running", error.Message);
    }

    [Fact]
    public async Task Switched_off_metrics_need_no_namespace_check_and_record_nothing_and_add_no_middleware()
    {
        var host = new MetricsHost(o =>
        {
            o.Enabled = false;
            o.Namespace = null;
        });
        var recorded = false;
        await using var test = await host.StartAsync(Handler(host, m =>
        {
            m.AddMetric("Orders", MetricUnit.Count, 1);
            m.AddMetric("", MetricUnit.Count, double.NaN);   // switched off, calls return at once: nothing is checked
            recorded = !m.IsEnabled;
        }));

        await test.InvokeAsync("{}");

        Assert.True(recorded);
        Assert.Empty(host.Documents);
    }

    [Fact]
    public async Task Configuration_overrides_the_code_and_is_read_without_a_binder()
    {
        var host = new MetricsHost(o => o.Service = "from-code");
        host.Builder.Configuration["LambdaMetrics:Namespace"] = "FromConfig";
        host.Builder.Configuration["LambdaMetrics:Service"] = "from-config";
        host.Builder.Configuration["LambdaMetrics:ColdStartMetric"] = "false";
        host.Builder.Configuration["LambdaMetrics:DefaultDimensions:Stage"] = "prod";
        await using var test = await host.StartAsync(Handler(host, m => m.AddMetric("Orders", MetricUnit.Count, 1)));

        await test.InvokeAsync("{}");

        var document = Assert.Single(host.Documents);
        Assert.Equal("FromConfig", document["_aws"]!["CloudWatchMetrics"]![0]!["Namespace"]!.GetValue<string>());
        Assert.Equal("from-config", document["Service"]!.GetValue<string>());
        Assert.Equal([["Service", "Stage"]], EmfDocuments.DimensionSets(document));
    }

    [Fact]
    public async Task Metrics_can_be_switched_off_from_the_environment()
    {
        var host = new MetricsHost();
        host.Builder.Configuration["LambdaMetrics:Enabled"] = "false";
        await using var test = await host.StartAsync(Handler(host, m => m.AddMetric("Orders", MetricUnit.Count, 1)));

        await test.InvokeAsync("{}");

        Assert.Empty(host.Documents);
    }
}
