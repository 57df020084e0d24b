using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lambda.Toolkit.Local.Simulation;

/// <summary>Reads a JSON-lines input file: one JSON value a line, blank lines skipped, a byte-order mark ignored.</summary>
internal static class JsonLines
{
    /// <summary>Each non-blank line: its 1-based number, its text and its JSON.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="name">The file's name, for errors.</param>
    /// <param name="expected">What a line should be, for the error about a line that is not JSON.</param>
    /// <exception cref="FormatException">A line is not JSON; the message names it.</exception>
    public static IEnumerable<(int Line, string Text, JsonNode? Json)> Parse(string text, string name, string expected)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim().TrimStart('\uFEFF');
            if (line.Length == 0)
            {
                continue;
            }

            JsonNode? node;
            try
            {
                node = JsonNode.Parse(line);
            }
            catch (JsonException ex)
            {
                throw new FormatException($"{name} line {i + 1} is not JSON ({ex.Message}). {expected}");
            }

            yield return (i + 1, line, node);
        }
    }
}
