using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Lambda.Toolkit.Metrics.Tests;

/// <summary>
/// Reads what the toolkit wrote (one document per line) and checks every document against the EMF specification: its
/// JSON schema (Schema/emf-schema.json, from AWS's documentation) with JsonSchema.Net, and the rules the schema does not
/// express (at most 100 metric definitions per directive, at most 100 values per metric, every metric and dimension
/// reference present on the root node with a number, an array of numbers or a string of at most 1,024 characters).
/// </summary>
internal static class EmfDocuments
{
    // AWS's schema names no $schema; its "$id": "#/properties/..." values are draft-07 style (draft 2020-12, the
    // library's default, forbids fragments in $id), so it is read as draft 07.
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schema", "emf-schema.json")),
        new BuildOptions { Dialect = Dialect.Draft07 }));

    public static IReadOnlyList<JsonObject> Read(MemoryStream output)
    {
        var text = Encoding.UTF8.GetString(output.ToArray());
        Assert.True(text.Length == 0 || text.EndsWith('\n'), "Every document ends its line.");
        var documents = new List<JsonObject>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            documents.Add(Validate(line));
        }

        return documents;
    }

    public static JsonObject Validate(string line)
    {
        Assert.DoesNotContain('\r', line);
        using var parsed = JsonDocument.Parse(line);
        var result = Schema.Value.Evaluate(parsed.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, $"Not a valid EMF document ({Describe(result)}): {line}");

        var root = JsonNode.Parse(line)!.AsObject();
        foreach (var directive in root["_aws"]!["CloudWatchMetrics"]!.AsArray())
        {
            var metrics = directive!["Metrics"]!.AsArray();
            Assert.InRange(metrics.Count, 1, 100);
            foreach (var metric in metrics)
            {
                var name = metric!["Name"]!.GetValue<string>();
                var target = root[name];
                Assert.True(target is not null, $"The metric '{name}' has no value on the root node: {line}");
                if (target is JsonArray values)
                {
                    Assert.InRange(values.Count, 1, 100);
                    Assert.All(values, v => Assert.Equal(JsonValueKind.Number, v!.GetValueKind()));
                }
                else
                {
                    Assert.Equal(JsonValueKind.Number, target!.GetValueKind());
                }

                if (metric["StorageResolution"] is { } resolution)
                {
                    Assert.Contains(resolution.GetValue<int>(), new[] { 1, 60 });
                }
            }

            foreach (var set in directive["Dimensions"]!.AsArray())
            {
                foreach (var dimension in set!.AsArray())
                {
                    var name = dimension!.GetValue<string>();
                    Assert.True(root[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String, $"The dimension '{name}' has no string value on the root node: {line}");
                    Assert.InRange(root[name]!.GetValue<string>().Length, 1, 1024);
                }
            }
        }

        return root;
    }

    /// <summary>The documents that define <paramref name="metric"/>.</summary>
    public static List<JsonObject> With(this IReadOnlyList<JsonObject> documents, string metric) =>
        documents.Where(d => Metrics(d).Contains(metric)).ToList();

    public static string[] Metrics(JsonObject document) =>
        document["_aws"]!["CloudWatchMetrics"]![0]!["Metrics"]!.AsArray().Select(m => m!["Name"]!.GetValue<string>()).ToArray();

    public static string[][] DimensionSets(JsonObject document) =>
        document["_aws"]!["CloudWatchMetrics"]![0]!["Dimensions"]!.AsArray().Select(s => s!.AsArray().Select(d => d!.GetValue<string>()).ToArray()).ToArray();

    public static double[] Values(JsonObject document, string metric) =>
        document[metric] is JsonArray values ? values.Select(v => v!.GetValue<double>()).ToArray() : [document[metric]!.GetValue<double>()];

    private static string Describe(EvaluationResults result) =>
        string.Join("; ", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));
}
