using System.Diagnostics;

namespace Lambda.Toolkit.Aws.Tests;

/// <summary>
/// A real AWS-compatible server written for Node.js (a folder under this project with a package.json and a
/// server.mjs that prints "LISTENING &lt;port&gt;" and stops when stdin closes), on 127.0.0.1 and a free port.
/// It installs its npm packages if needed and fails loudly — never skips — when it cannot start.
/// </summary>
internal sealed class NodeServer : IAsyncDisposable
{
    private readonly Process _process;

    private NodeServer(Process process, string endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    public string Endpoint { get; }

    public static async Task<NodeServer> StartAsync(string folder, string description)
    {
        var directory = ServerDirectory(folder);
        if (!Directory.Exists(Path.Combine(directory, "node_modules")))
        {
            await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], directory);
        }

        var start = new ProcessStartInfo("node", ["server.mjs"])
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"node could not be started for the {description} test server.");
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (line is null || !line.StartsWith("LISTENING ", StringComparison.Ordinal))
        {
            var stderr = await process.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(5));
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw new InvalidOperationException($"The {description} test server ({folder}) did not start: '{line}' {stderr}");
        }

        return new NodeServer(process, $"http://127.0.0.1:{line["LISTENING ".Length..].Trim()}");
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(5000))
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static string ServerDirectory(string folder)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Lambda.Toolkit.Aws.Tests", folder);
            if (File.Exists(Path.Combine(candidate, "server.mjs")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"tests/Lambda.Toolkit.Aws.Tests/{folder} was not found above " + AppContext.BaseDirectory);
    }

    private static async Task RunAsync(string file, string[] arguments, string directory)
    {
        var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{file} {string.Join(' ', arguments)}' failed with exit code {process.ExitCode}: {await output}{await error}");
        }
    }
}
