using System.Text.Json;

namespace Lambda.Toolkit.Testing.Tests.Events;

/// <summary>
/// The set of property paths of a JSON document, for comparing a built event's shape with an AWS sample's:
/// array elements are <c>[]</c>, the keys of map-valued properties (headers, attributes) are <c>*</c>, and
/// opaque values (DynamoDB images, EventBridge detail) are not descended into.
/// </summary>
internal static class JsonShape
{
    public static SortedSet<string> Paths(ReadOnlySpan<byte> json, IEnumerable<string>? maps = null, IEnumerable<string>? opaque = null)
    {
        if (json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            json = json[3..];
        }

        using var document = JsonDocument.Parse(json.ToArray());
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        Walk(document.RootElement, string.Empty, new HashSet<string>(maps ?? [], StringComparer.Ordinal), new HashSet<string>(opaque ?? [], StringComparer.Ordinal), paths, isMap: false);
        return paths;
    }

    public static SortedSet<string> Paths(string file, IEnumerable<string>? maps = null, IEnumerable<string>? opaque = null) =>
        Paths(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "events", file)), maps, opaque);

    private static void Walk(JsonElement element, string path, HashSet<string> maps, HashSet<string> opaque, SortedSet<string> paths, bool isMap)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var name = isMap ? "*" : property.Name;
                    var child = path.Length == 0 ? name : path + "." + name;
                    paths.Add(child);
                    if (!opaque.Contains(property.Name) || isMap)
                    {
                        Walk(property.Value, child, maps, opaque, paths, isMap: !isMap && maps.Contains(property.Name));
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object)
                    {
                        Walk(item, path + "[]", maps, opaque, paths, isMap: false);
                    }
                }

                break;
        }
    }

    /// <summary>Asserts <paramref name="built"/> is the sample's shape less the optional fields it leaves out, plus the fields it adds.</summary>
    public static void AssertSameShape(SortedSet<string> sample, SortedSet<string> built, string[] sampleOnly, string[] builtOnly)
    {
        foreach (var path in sampleOnly)
        {
            Assert.True(sample.Contains(path), $"'{path}' is listed as left out, but the sample has no such path.");
        }

        var expected = new SortedSet<string>(sample.Except(sampleOnly).Concat(builtOnly), StringComparer.Ordinal);
        Assert.Equal(string.Join('\n', expected), string.Join('\n', built));
    }
}
