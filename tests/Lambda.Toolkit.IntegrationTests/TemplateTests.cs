using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Lambda.Toolkit.IntegrationTests;

/// <summary>
/// Packs every package into a local folder, installs the templates from it into a private template hive,
/// instantiates each template and builds and tests the generated projects against the local packages.
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

        var (exit, output) = await Run("dotnet", ["test", Path.Combine(directory, name + ".Tests"), "-c", "Release"], directory);

        Assert.True(exit == 0, output);
        Assert.Matches(@"Passed!\s+- Failed:\s+0, Passed:\s+[1-9]", output);
    }

    [Fact]
    public async Task The_http_template_answers_its_sample_event_under_invoke()
    {
        var directory = await _packed.NewAsync("lambda-toolkit-http", "Invoked");
        var previous = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        Environment.SetEnvironmentVariable("NUGET_PACKAGES", PackedTemplates.PackageCache);
        try
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var exit = await Lambda.Toolkit.Local.Commands.InvokeCommand.RunAsync([Path.Combine(directory, "Invoked"), "--event", Path.Combine(directory, "Invoked", "events", "get-hello.json")], stdout, stderr, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(5));

            Assert.True(exit == 0, stdout + "\n" + stderr);
            Assert.Contains("Hello, world!", stdout.ToString());
            Assert.Contains("Init Duration", stdout.ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable("NUGET_PACKAGES", previous);
        }
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
        foreach (var (dir, name) in new[] { (jit, "Jit"), (net8, "Net8") })
        {
            var (exit, output) = await Run("dotnet", ["build", Path.Combine(dir, name), "-c", "Release"], dir);
            Assert.True(exit == 0, output);
        }
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

    [GeneratedRegex("<VersionPrefix>([^<]+)</VersionPrefix>")]
    private static partial Regex VersionPrefix();

    internal static async Task<(int ExitCode, string Output)> Run(string file, string[] arguments, string directory)
    {
        var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
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

        private string Packages => Path.Combine(_root, "packages");

        private string Hive => Path.Combine(_root, "hive");

        public async Task InitializeAsync()
        {
            Directory.CreateDirectory(_root);
            var (packExit, packOutput) = await Run("dotnet", ["pack", Repository.Path("Lambda.Toolkit.sln"), "-c", "Release", "-o", Packages], Repository.Root);
            if (packExit != 0)
            {
                throw new InvalidOperationException("dotnet pack failed:\n" + packOutput);
            }

            PackageCache = Path.Combine(_root, "nuget-cache");
            var template = Directory.GetFiles(Packages, "Lambda.Toolkit.Templates.*.nupkg").Single();
            var (installExit, installOutput) = await Run("dotnet", ["new", "install", template, "--debug:custom-hive", Hive], _root);
            if (installExit != 0)
            {
                throw new InvalidOperationException("dotnet new install failed:\n" + installOutput);
            }
        }

        public async Task<string> NewAsync(string template, string name, params string[] options)
        {
            var directory = Path.Combine(_root, "projects", Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(directory);
            var (exit, output) = await Run("dotnet", ["new", template, "-n", name, "-o", directory, "--debug:custom-hive", Hive, .. options], _root);
            if (exit != 0)
            {
                throw new InvalidOperationException($"dotnet new {template} failed:\n{output}");
            }

            // The generated project restores the toolkit from the local folder, everything else from the public feed.
            await File.WriteAllTextAsync(Path.Combine(directory, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="local" value="{Packages}" />
                    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
                  </packageSources>
                  <packageSourceMapping>
                    <packageSource key="local"><package pattern="Lambda.Toolkit*" /></packageSource>
                    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
                  </packageSourceMapping>
                </configuration>
                """);
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
