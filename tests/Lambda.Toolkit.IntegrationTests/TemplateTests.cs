using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Lambda.Toolkit.IntegrationTests;

/// <summary>
/// Runs the README's template steps as written: packs every package with the README's own command, then, in a
/// temporary folder outside the repository, installs the templates, generates a function, restores the
/// <c>lambda-toolkit</c> tool, tests and invokes it. Also instantiates each template into a private template hive
/// and builds and tests the generated folders against the packed packages, wherever they are.
/// </summary>
public sealed partial class TemplateTests : IClassFixture<TemplateTests.PackedTemplates>
{
    private readonly PackedTemplates _packed;

    public TemplateTests(PackedTemplates packed) => _packed = packed;

    [Theory]
    [InlineData("lambda-toolkit-http", "Demo")]
    [InlineData("lambda-toolkit-http", "my function")]
    [InlineData("lambda-toolkit-http", "1Orders")]
    [InlineData("lambda-toolkit-sqs", "Worker")]
    [InlineData("lambda-toolkit-s3", "Uploads")]
    public async Task A_generated_project_builds_and_passes_its_own_tests(string template, string name)
    {
        var directory = await _packed.NewAsync(template, name);

        // No project argument: the generated solution at the folder's root is what `dotnet test` finds.
        var (exit, output) = await Run("dotnet", ["test", "-c", "Release"], directory);

        Assert.True(exit == 0, output);
        Assert.Matches(@"Passed!\s+- Failed:\s+0, Passed:\s+[1-9]", output);
        Assert.True(File.Exists(Path.Combine(directory, name + ".sln")), "no solution file at the generated root");
        var readme = await File.ReadAllTextAsync(Path.Combine(directory, "README.md"));
        Assert.Contains("dotnet test", readme);
        Assert.Contains("dotnet tool restore", readme);
        Assert.Contains($"dotnet lambda-toolkit invoke \"{name}\" --event \"{name}/events/", readme);
        Assert.Contains($"dotnet publish \"{name}\" -c Release -r linux-x64", readme);
        foreach (var line in readme.Split('\n').Where(static l => l.StartsWith("dotnet lambda-toolkit invoke ", StringComparison.Ordinal)))
        {
            var eventFile = line.Split("--event ")[1].Trim().Trim('"');
            Assert.True(File.Exists(Path.Combine(directory, eventFile)), $"the README's event file {eventFile} was not generated");
        }

        using var tools = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory, ".config", "dotnet-tools.json")));
        var tool = tools.RootElement.GetProperty("tools").GetProperty(ToolPackageId);
        Assert.Equal(PackedVersion, tool.GetProperty("version").GetString());
        Assert.Equal(ToolCommand, tool.GetProperty("commands")[0].GetString());
    }

    [Fact]
    public async Task The_readme_steps_generate_test_and_invoke_a_function_outside_the_repository()
    {
        // Everything after the pack command, which the fixture ran as written; a fresh CLI home is a fresh template
        // hive, and TMPDIR keeps the README's `mktemp -d` folder in this test's temporary folder.
        var steps = ReadmeSteps.Skip(1).ToList();
        var home = Path.Combine(_packed.Root, "readme-home");
        var temp = Path.Combine(_packed.Root, "readme-tmp");
        Directory.CreateDirectory(home);
        Directory.CreateDirectory(temp);

        var (exit, output) = await Run("bash", ["-euo", "pipefail", "-c", string.Join("\n", steps)], Repository.Root, new() { ["DOTNET_CLI_HOME"] = home, ["TMPDIR"] = temp });

        Assert.True(exit == 0, string.Join("\n", steps) + "\n---\n" + output);
        // The SDK keeps temporary files under TMPDIR too: the README's folder is the one the function was generated in.
        var generated = Assert.Single(Directory.GetDirectories(temp), static d => File.Exists(Path.Combine(d, "Demo", "Demo.sln")));
        Assert.False(Path.GetFullPath(generated).StartsWith(Repository.Root, StringComparison.Ordinal), generated + " is inside the repository");
        Assert.True(File.Exists(Path.Combine(generated, "Demo", "Demo.sln")));
        Assert.Matches(@"Passed!\s+- Failed:\s+0, Passed:\s+[1-9]", output);
        Assert.Contains("Hello, world!", output);
        Assert.Contains("Init Duration", output);
    }

    [Fact]
    public void The_readme_generates_outside_the_repository_with_the_package_source_and_the_tool()
    {
        Assert.StartsWith("dotnet pack Lambda.Toolkit.sln -c Release -o artifacts/packages", ReadmeSteps[0]);
        var cd = ReadmeSteps.FindIndex(static l => l.StartsWith("cd ", StringComparison.Ordinal));
        var generate = ReadmeSteps.FindIndex(static l => l.StartsWith("dotnet new lambda-toolkit-", StringComparison.Ordinal));
        Assert.InRange(cd, 0, generate);
        Assert.Matches(@"^cd (\.\.|""\$\(mktemp -d\)"")$", ReadmeSteps[cd]);   // out of the repository, before generating
        Assert.Contains("--PackageSource", ReadmeSteps[generate]);
        Assert.Contains(ReadmeSteps, static l => l.StartsWith("dotnet tool restore", StringComparison.Ordinal));
        Assert.Contains(ReadmeSteps, static l => l.StartsWith("dotnet test", StringComparison.Ordinal));
        Assert.Contains(ReadmeSteps, static l => l.StartsWith("dotnet " + ToolCommand + " invoke ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Options_for_a_JIT_build_without_tests_and_for_net8()
    {
        var jit = await _packed.NewAsync("lambda-toolkit-http", "Jit", "--aot", "false", "--tests", "false");
        var net8 = await _packed.NewAsync("lambda-toolkit-http", "Net8", "--Framework", "net8.0");

        Assert.False(Directory.Exists(Path.Combine(jit, "Jit.Tests")));
        var project = await File.ReadAllTextAsync(Path.Combine(jit, "Jit", "Jit.csproj"));
        Assert.Contains("<PublishReadyToRun>true</PublishReadyToRun>", project);
        Assert.DoesNotContain("PublishAot", project);
        Assert.Contains("<TargetFramework>net8.0</TargetFramework>", await File.ReadAllTextAsync(Path.Combine(net8, "Net8", "Net8.csproj")));
        Assert.DoesNotContain("Jit.Tests", await File.ReadAllTextAsync(Path.Combine(jit, "Jit.sln")));
        var (jitExit, jitOutput) = await Run("dotnet", ["build", "-c", "Release"], jit);   // the solution, without a test project
        Assert.True(jitExit == 0, jitOutput);
        var (net8Exit, net8Output) = await Run("dotnet", ["build", Path.Combine(net8, "Net8"), "-c", "Release"], net8);
        Assert.True(net8Exit == 0, net8Output);
    }

    [Fact]
    public void Templates_default_to_the_version_the_packages_are_built_with()
    {
        var props = File.ReadAllText(Repository.Path("Directory.Build.props"));
        var version = VersionPrefix().Match(props).Groups[1].Value;
        foreach (var template in Directory.GetFiles(Repository.Path("src", "Lambda.Toolkit.Templates", "content"), "template.json", SearchOption.AllDirectories))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(template));
            Assert.Equal(version, json.RootElement.GetProperty("symbols").GetProperty("ToolkitVersion").GetProperty("defaultValue").GetString());
        }
    }

    [Fact]
    public async Task The_package_source_option_is_written_into_nuget_config()
    {
        var withSource = await _packed.NewAsync("lambda-toolkit-s3", "Sourced");
        var withoutSource = await _packed.NewAsync("lambda-toolkit-s3", "Unsourced", addPackageSource: false);

        var config = XDocument.Load(Path.Combine(withSource, "nuget.config"));
        var sources = config.Descendants("add").ToDictionary(static a => (string)a.Attribute("key")!, static a => (string)a.Attribute("value")!);
        Assert.Equal(_packed.Packages, sources["lambda-toolkit"]);
        Assert.Contains("https://api.nuget.org/v3/index.json", sources.Values);
        var plain = XDocument.Load(Path.Combine(withoutSource, "nuget.config"));
        Assert.Equal(["nuget.org"], plain.Descendants("add").Select(static a => (string)a.Attribute("key")!));
    }

    [GeneratedRegex("<VersionPrefix>([^<]+)</VersionPrefix>")]
    private static partial Regex VersionPrefix();

    [GeneratedRegex("<PackageId>([^<]+)</PackageId>")]
    private static partial Regex PackageIdProperty();

    [GeneratedRegex("<ToolCommandName>([^<]+)</ToolCommandName>")]
    private static partial Regex ToolCommandNameProperty();

    private static string PackedVersion => VersionPrefix().Match(File.ReadAllText(Repository.Path("Directory.Build.props"))).Groups[1].Value;

    /// <summary>The tool's package id, lower case as tool manifests write it: the project's PackageId, else its name.</summary>
    private static string ToolPackageId => PackageIdProperty().Match(LocalProject) is { Success: true } id ? id.Groups[1].Value.ToLowerInvariant() : "lambda.toolkit.local";

    private static string ToolCommand => ToolCommandNameProperty().Match(LocalProject).Groups[1].Value;

    private static string LocalProject => File.ReadAllText(Repository.Path("src", "Lambda.Toolkit.Local", "Lambda.Toolkit.Local.csproj"));

    /// <summary>The commands of the README's template block: its first bash block after "## Packages and templates", comments removed.</summary>
    internal static List<string> ReadmeSteps
    {
        get
        {
            var readme = File.ReadAllText(Repository.Path("README.md"));
            var section = readme[readme.IndexOf("## Packages and templates", StringComparison.Ordinal)..];
            var block = section[(section.IndexOf("```bash\n", StringComparison.Ordinal) + "```bash\n".Length)..];
            block = block[..block.IndexOf("```", StringComparison.Ordinal)];
            return block.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(static line => line.IndexOf(" #", StringComparison.Ordinal) is var hash and > 0 ? line[..hash].TrimEnd() : line.TrimEnd())
                .Where(static line => line.Length > 0)
                .ToList();
        }
    }

    internal static async Task<(int ExitCode, string Output)> Run(string file, string[] arguments, string directory, Dictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? [])
        {
            start.Environment[name] = value;
        }

        if (PackedTemplates.PackageCache is { } cache)
        {
            // A private cache: a stale Lambda.Toolkit package from an earlier run must not stand in for the new one.
            start.Environment["NUGET_PACKAGES"] = cache;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>The packages packed once for all template tests, and a private template hive.</summary>
    public sealed class PackedTemplates : IAsyncLifetime
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), "lambda-toolkit-templates-" + Guid.NewGuid().ToString("N"));

        internal static string? PackageCache { get; private set; }

        /// <summary>This run's temporary folder, outside the repository.</summary>
        internal string Root => _root;

        /// <summary>Where the README's pack command writes the packages.</summary>
        internal string Packages => Repository.Path("artifacts", "packages");

        private string Hive => Path.Combine(_root, "hive");

        public async Task InitializeAsync()
        {
            Directory.CreateDirectory(_root);

            // The README's own pack command, run as written from the repository's root.
            var pack = ReadmeSteps[0];
            var (packExit, packOutput) = await Run("bash", ["-euo", "pipefail", "-c", pack], Repository.Root);
            if (packExit != 0)
            {
                throw new InvalidOperationException($"{pack} failed:\n" + packOutput);
            }

            PackageCache = Path.Combine(_root, "nuget-cache");
            var template = Directory.GetFiles(Packages, "Lambda.Toolkit.Templates.*.nupkg").Single();
            var (installExit, installOutput) = await Run("dotnet", ["new", "install", template, "--debug:custom-hive", Hive], _root);
            if (installExit != 0)
            {
                throw new InvalidOperationException("dotnet new install failed:\n" + installOutput);
            }
        }

        public Task<string> NewAsync(string template, string name, params string[] options) => NewAsync(template, name, addPackageSource: true, options);

        public async Task<string> NewAsync(string template, string name, bool addPackageSource, params string[] options)
        {
            var directory = Path.Combine(_root, "projects", Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(directory);
            string[] source = addPackageSource ? ["--PackageSource", Packages] : [];
            var (exit, output) = await Run("dotnet", ["new", template, "-n", name, "-o", directory, "--debug:custom-hive", Hive, .. source, .. options], _root);
            if (exit != 0)
            {
                throw new InvalidOperationException($"dotnet new {template} failed:\n{output}");
            }

            return directory;
        }

        public Task DisposeAsync()
        {
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
                // Leftovers in the temp folder do no harm.
            }

            return Task.CompletedTask;
        }
    }
}
