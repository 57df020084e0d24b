using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Metrics.Tests;

public class BadInputTests
{
    public static TheoryData<string, Action<ILambdaMetrics>, string> BadCalls => new()
    {
        { "NaN", m => m.AddMetric("Latency", MetricUnit.Milliseconds, double.NaN), "The value of metric 'Latency' is NaN" },
        { "+Infinity", m => m.AddMetric("Latency", MetricUnit.Milliseconds, double.PositiveInfinity), "is +Infinity" },
        { "-Infinity", m => m.AddMetric("Latency", MetricUnit.Milliseconds, double.NegativeInfinity), "is -Infinity" },
        { "too large", m => m.AddMetric("Latency", MetricUnit.Milliseconds, Math.Pow(2, 361)), "outside the ±2^360 CloudWatch accepts" },
        { "empty name", m => m.AddMetric("", MetricUnit.Count, 1), "The metric name '' must be 1 to 255 characters long (was 0)." },
        { "long name", m => m.AddMetric(new string('m', 256), MetricUnit.Count, 1), "The metric name 'mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm...' must be 1 to 255 characters long (was 256)." },
        { "non-ASCII name", m => m.AddMetric("Commandés", MetricUnit.Count, 1), "must be printable ASCII, but the character U+00E9 at index 7 is not." },
        { "control character", m => m.AddMetric("Orders\n", MetricUnit.Count, 1), "the character U+000A at index 6 is not" },
        { "blank name", m => m.AddMetric("   ", MetricUnit.Count, 1), "must contain a character other than a space." },
        { "unknown unit", m => m.AddMetric("Orders", (MetricUnit)999, 1), "The unit of metric 'Orders' is 999, which is not a CloudWatch unit" },
        { "unknown resolution", m => m.AddMetric("Orders", MetricUnit.Count, 1, (MetricResolution)5), "The resolution of metric 'Orders' is 5; CloudWatch stores metrics at 60 s" },
        { "another unit", m => { m.AddMetric("Orders", MetricUnit.Count, 1); m.AddMetric("Orders", MetricUnit.Seconds, 1); }, "The metric 'Orders' was added with unit Count and Standard resolution; it cannot also have unit Seconds" },
        { "another resolution", m => { m.AddMetric("Orders", MetricUnit.Count, 1); m.AddMetric("Orders", MetricUnit.Count, 1, MetricResolution.High); }, "it cannot also have unit Count and High resolution" },
        { "dimension value over 1 KB", m => m.AddDimension("Tenant", new string('t', 1025)), "The value of dimension 'Tenant' must be 1 to 1024 characters long (was 1025)." },
        { "non-ASCII dimension value", m => m.AddDimension("City", "Zürich"), "The value of dimension 'City' must be printable ASCII, but the character U+00FC at index 1 is not." },
        { "dimension name with a colon", m => m.AddDimension(":Tenant", "acme"), "The dimension name ':Tenant' must not start with ':'." },
        { "dimension name over 250", m => m.AddDimension(new string('d', 251), "acme"), "must be 1 to 250 characters long (was 251)." },
        { "31 dimensions", m => { for (var i = 0; i < 30; i++) { m.AddDimension($"D{i}", "v"); } }, "The dimension 'D29' would make 31 dimensions in the invocation's dimension set (1 default and 29 added); CloudWatch allows 30." },
        { "31 dimensions in a set", m => m.AddDimensionSet([.. Enumerable.Range(0, 30).Select(i => ($"D{i}", "v"))]), "The dimension set has 30 dimensions, with the 1 default ones 31; CloudWatch allows 30." },
        { "empty dimension set", m => m.AddDimensionSet(), "A dimension set needs at least one dimension" },
        { "dimension twice in a set", m => m.AddDimensionSet(("Tenant", "a"), ("Tenant", "a")), "The dimension 'Tenant' appears twice in the set." },
        { "dimension with two values", m => { m.AddDimension("Tenant", "a"); m.AddDimensionSet(("Tenant", "b")); }, "The dimension 'Tenant' already has the value 'a' in this invocation; a document holds one value per dimension, so it cannot also be 'b'." },
        { "default dimension again", m => m.AddDimension("Service", "other"), "'Service' is a default dimension of every metric" },
        { "metric named like a dimension", m => { m.AddDimension("Tenant", "a"); m.AddMetric("Tenant", MetricUnit.Count, 1); }, "'Tenant' is already a dimension of this invocation; a metric needs a name of its own" },
        { "metric named like the service", m => m.AddMetric("Service", MetricUnit.Count, 1), "'Service' is already a default dimension of this invocation" },
        { "dimension named like a metric", m => { m.AddMetric("Orders", MetricUnit.Count, 1); m.AddDimension("Orders", "a"); }, "'Orders' is already a metric of this invocation; a dimension needs a name of its own" },
        { "metadata _aws", m => m.AddMetadata("_aws", "x"), "The metadata key '_aws' is reserved" },
        { "metadata named like a metric", m => { m.AddMetric("Orders", MetricUnit.Count, 1); m.AddMetadata("Orders", "x"); }, "'Orders' is already a metric of this invocation; a metadata key needs a name of its own" },
        { "metadata twice", m => { m.AddMetadata("orderId", "a"); m.AddMetadata("orderId", 2); }, "The metadata key 'orderId' was already added in this invocation." },
        { "metadata NaN", m => m.AddMetadata("total", double.NaN), "The metadata value of 'total' is NaN; JSON has only finite numbers." },
    };

    [Theory]
    [MemberData(nameof(BadCalls))]
    public async Task A_bad_call_throws_a_precise_argument_exception_and_the_rest_is_still_written(string because, Action<ILambdaMetrics> call, string message)
    {
        var host = new MetricsHost(o => o.ColdStartMetric = false);
        var app = host.Builder.Build();
        var metrics = app.Services.GetRequiredService<ILambdaMetrics>();
        Exception? error = null;
        app.MapHandler(_ =>
        {
            metrics.AddMetric("Good", MetricUnit.Count, 1);
            error = Record.Exception(() => call(metrics));
            return ValueTask.CompletedTask;
        });
        await using var test = await host.StartAsync(app);

        await test.InvokeAsync("{}");

        Assert.True(error is ArgumentException, $"{because}: {error}");
        Assert.Contains(message, error!.Message, StringComparison.Ordinal);
        Assert.Equal(1, Assert.Single(host.Documents.With("Good"))["Good"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_refused_dimension_set_leaves_none_of_its_dimensions_behind()
    {
        var host = new MetricsHost(o => o.ColdStartMetric = false);
        var app = host.Builder.Build();
        var metrics = app.Services.GetRequiredService<ILambdaMetrics>();
        app.MapHandler(_ =>
        {
            metrics.AddDimension("Tenant", "a");
            Assert.Throws<ArgumentException>(() => metrics.AddDimensionSet(("Region", "eu"), ("Tenant", "b")));
            metrics.AddDimension("Region", "us");
            metrics.AddMetric("Orders", MetricUnit.Count, 1);
            return ValueTask.CompletedTask;
        });
        await using var test = await host.StartAsync(app);

        await test.InvokeAsync("{}");

        var document = Assert.Single(host.Documents);
        Assert.Equal("us", document["Region"]!.GetValue<string>());
        Assert.Equal([["Service", "Tenant", "Region"]], EmfDocuments.DimensionSets(document));
    }

    public static TheoryData<string, Action<LambdaMetricsOptions>, string> BadOptions => new()
    {
        { "no namespace", o => o.Namespace = null, "Metrics: Namespace is required while metrics are enabled: set it in AddLambdaMetrics(o => o.Namespace = \"...\") or with the environment variable LambdaMetrics__Namespace" },
        { "AWS namespace", o => o.Namespace = "AWS/Lambda", "Metrics: Namespace 'AWS/Lambda' must not start with 'AWS/'" },
        { "long namespace", o => o.Namespace = new string('n', 256), "Metrics: Namespace 'nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn...' must be 1 to 255 characters long (was 256)." },
        { "bad dimension name", o => o.DefaultDimensions[":Stage"] = "prod", "Metrics: DefaultDimensions: the dimension name ':Stage' must not start with ':'." },
        { "dimension value over 1 KB", o => o.DefaultDimensions["Stage"] = new string('p', 1025), "Metrics: DefaultDimensions: the value of 'Stage' must be 1 to 1024 characters long (was 1025)." },
        { "Service as a default dimension", o => o.DefaultDimensions["Service"] = "x", "Metrics: DefaultDimensions: 'Service' is set by the toolkit; use Service instead." },
        { "bad service", o => o.Service = "ordérs", "Metrics: Service 'ordérs' must be printable ASCII, but the character U+00E9 at index 3 is not." },
        { "too many default dimensions", o => { for (var i = 0; i < 26; i++) { o.DefaultDimensions[$"D{i}"] = "v"; } }, "Metrics: DefaultDimensions has 26 dimensions; at most 25 fit" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public async Task Bad_options_fail_init_with_every_problem_named(string because, Action<LambdaMetricsOptions> configure, string message)
    {
        var host = new MetricsHost(configure);
        var app = host.Builder.Build();
        app.MapHandler(_ => ValueTask.CompletedTask);

        var error = await Assert.ThrowsAsync<LambdaFunctionException>(() => host.StartAsync(app));

        Assert.Equal(LambdaErrorTypes.InitFailed, error.ErrorType);
        Assert.True(error.Message.Contains(message, StringComparison.Ordinal), $"{because}: {error.Message}");
    }

    [Fact]
    public async Task A_configuration_value_that_is_not_a_boolean_fails_init()
    {
        var host = new MetricsHost();
        host.Builder.Configuration["LambdaMetrics:BuiltInMetrics"] = "maybe";
        var app = host.Builder.Build();
        app.MapHandler(_ => ValueTask.CompletedTask);

        var error = await Assert.ThrowsAsync<LambdaFunctionException>(() => host.StartAsync(app));

        Assert.Contains("Metrics: LambdaMetrics:BuiltInMetrics must be true or false (was 'maybe').", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_checker_refuses_documents_cloudwatch_would_reject()
    {
        const string Head = """{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[["D"]],"Metrics":[{"Name":"M","Unit":"Count"}]}]},"D":"d",""";
        EmfDocuments.Validate(Head + "\"M\":1}");
        Assert.ThrowsAny<Exception>(() => EmfDocuments.Validate(Head.Replace("\"Count\"", "\"Widgets\"", StringComparison.Ordinal) + "\"M\":1}"));
        Assert.ThrowsAny<Exception>(() => EmfDocuments.Validate(Head + "\"X\":1}"));
        Assert.ThrowsAny<Exception>(() => EmfDocuments.Validate(Head + "\"M\":[" + string.Join(",", Enumerable.Repeat(1, 101)) + "]}"));
        Assert.ThrowsAny<Exception>(() => EmfDocuments.Validate(Head.Replace("[[\"D\"]]", "[[" + string.Join(",", Enumerable.Range(0, 31).Select(i => $"\"D{i}\"")) + "]]", StringComparison.Ordinal) + "\"M\":1}"));
        Assert.ThrowsAny<Exception>(() => EmfDocuments.Validate(Head.Replace("\"d\"", "1", StringComparison.Ordinal) + "\"M\":1}"));
    }
}
