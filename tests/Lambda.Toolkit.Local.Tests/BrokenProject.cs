namespace Lambda.Toolkit.Local.Tests;

/// <summary>A console project outside the repository whose code does not compile (CS1002).</summary>
internal sealed class BrokenProject : IDisposable
{
    private BrokenProject(string directory) => Directory = directory;

    public string Directory { get; }

    public static BrokenProject Create()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("lambda-toolkit-broken-").FullName;
        File.WriteAllText(Path.Combine(directory, "Broken.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), "System.Console.WriteLine(\"missing semicolon\")\n");
        return new BrokenProject(directory);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temp directory is cleaned up eventually.
        }
    }
}
