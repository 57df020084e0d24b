using System.Text.Json.Nodes;

namespace Lambda.Toolkit.Events.Tests;

/// <summary>AWS's sample events from ../shared/events, copied beside the test assembly.</summary>
internal static class SampleEvents
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "events");

    public static byte[] Read(string relativePath) => File.ReadAllBytes(Path.Combine(Directory, relativePath));

    public static IEnumerable<string> All() =>
        System.IO.Directory.GetFiles(Directory, "*.json", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Directory, path).Replace('\\', '/'))
            .OrderBy(path => path, StringComparer.Ordinal);

    /// <summary>Drops null-valued properties (an absent field and an explicit null mean the same) and the BOM.</summary>
    public static JsonNode? Normalize(ReadOnlySpan<byte> json)
    {
        if (json.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        var node = JsonNode.Parse(json);
        DropNulls(node);
        return node;
    }

    private static void DropNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Where(p => p.Value is null).Select(p => p.Key).ToList())
                {
                    obj.Remove(key);
                }

                foreach (var (_, child) in obj)
                {
                    DropNulls(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    DropNulls(child);
                }

                break;
        }
    }
}
