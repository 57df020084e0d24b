namespace Lambda.Toolkit.IntegrationTests;

/// <summary>
/// <c>./test.sh</c> and <c>.ci/run</c>, run from a copy of the repository's scripts with a stand-in <c>dotnet</c> on
/// the PATH, and the README's quick start.
/// </summary>
public sealed class RepositoryScriptTests : IDisposable
{
    private const string TotalsLine = @"^\d+ passed, \d+ failed(, \d+ skipped)?$";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "lambda-toolkit-scripts-" + Guid.NewGuid().ToString("N"));

    public RepositoryScriptTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "repo", ".ci", "prepare.d"));
        Directory.CreateDirectory(Path.Combine(_root, "bin"));
        File.Copy(Repository.Path("test.sh"), Path.Combine(_root, "repo", "test.sh"));
        File.Copy(Repository.Path(".ci", "run"), Path.Combine(_root, "repo", ".ci", "run"));
    }

    /// <summary>A <c>dotnet</c> whose build exits <paramref name="buildExit"/> and whose test runs print two summaries.</summary>
    private void FakeDotnet(int buildExit, int testExit)
    {
        var path = Path.Combine(_root, "bin", "dotnet");
        File.WriteAllText(path, $"""
            #!/usr/bin/env bash
            if [ "$1" = build ]; then echo "Build ran"; exit {buildExit}; fi
            echo "Passed!  - Failed:     0, Passed:    40, Skipped:     0, Total:    40, Duration: 1 s - A.Tests.dll (net10.0)"
            echo "Failed!  - Failed:     2, Passed:     3, Skipped:     1, Total:     6, Duration: 1 s - B.Tests.dll (net10.0)"
            exit {testExit}
            """.ReplaceLineEndings("\n"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private async Task<(int Exit, string[] Lines)> Run(string script)
    {
        var path = Path.Combine(_root, "bin") + ":" + Environment.GetEnvironmentVariable("PATH");
        var (exit, output) = await TemplateTests.Run("bash", [Path.Combine(_root, "repo", script)], Path.Combine(_root, "repo"), new() { ["PATH"] = path });
        return (exit, output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("test.sh")]
    [InlineData(".ci/run")]
    public async Task The_test_script_and_CI_end_with_the_totals(string script)
    {
        FakeDotnet(buildExit: 0, testExit: 1);

        var (exit, lines) = await Run(script);

        Assert.NotEqual(0, exit);
        Assert.Equal("43 passed, 2 failed, 1 skipped", lines[^1]);
        Assert.Single(lines, static l => System.Text.RegularExpressions.Regex.IsMatch(l, TotalsLine));
    }

    [Theory]
    [InlineData("test.sh")]
    [InlineData(".ci/run")]
    public async Task A_failed_build_is_a_failure_in_the_totals(string script)
    {
        FakeDotnet(buildExit: 1, testExit: 0);

        var (exit, lines) = await Run(script);

        Assert.NotEqual(0, exit);
        Assert.Equal("0 passed, 1 failed", lines[^1]);
        Assert.DoesNotContain(lines, static l => l.StartsWith("Passed!", StringComparison.Ordinal));
    }

    [Fact]
    public void The_quick_start_lists_its_prerequisites_and_what_CI_installs()
    {
        var readme = File.ReadAllText(Repository.Path("README.md"));
        var start = readme.IndexOf("## Quick start", StringComparison.Ordinal);
        var quickStart = readme[start..readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal)];

        foreach (var prerequisite in new[] { ".NET 10 SDK", "Node.js", "npm", "clang", "lld", "zlib1g-dev", ".ci/run", ".ci/prepare.d/" })
        {
            Assert.Contains(prerequisite, quickStart);
        }

        foreach (var prepare in Directory.GetFiles(Repository.Path(".ci", "prepare.d"), "*.sh"))
        {
            var text = File.ReadAllText(prepare);
            Assert.True(!text.Contains("npm ci", StringComparison.Ordinal) || quickStart.Contains("npm ci", StringComparison.Ordinal), prepare);
            Assert.True(!text.Contains("apt-get", StringComparison.Ordinal) || quickStart.Contains("apt-get", StringComparison.Ordinal), prepare);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Leftovers in the temp folder do no harm.
        }
    }
}
