using System.Reflection;

namespace Lambda.Toolkit.Local.Tests;

/// <summary>Where the build put the floor function and the tool (recorded at build time, so no guessing).</summary>
internal static class Paths
{
    public static string FloorProject { get; } = Metadata("FloorProjectDirectory");

    public static string FloorDll { get; } = Path.Combine(Metadata("FloorOutputDirectory"), "bootstrap.dll");

    /// <summary>The floor's apphost: a native executable, like a Native AOT <c>bootstrap</c> as far as the runner is concerned.</summary>
    public static string FloorExecutable { get; } = Path.Combine(Metadata("FloorOutputDirectory"), "bootstrap");

    public static string ToolDll { get; } = Path.Combine(Metadata("ToolOutputDirectory"), "Lambda.Toolkit.Local.dll");

    private static string Metadata(string key) =>
        typeof(Paths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is missing.");
}
