using System.Diagnostics;
using Amazon.Runtime;
using Amazon.SQS;

namespace Lambda.Toolkit.Aws.Tests;

/// <summary>
/// A real SQS-compatible server (local-aws-sqs, JSON protocol) on 127.0.0.1 and a free port, driven with the
/// real AWSSDK.SQS client. It installs its npm package if needed and fails loudly — never skips — when it
/// cannot start.
/// </summary>
public sealed class SqsServerFixture : IAsyncLifetime
{
    private Process? _server;

    public AmazonSQSClient Client { get; private set; } = null!;

    public string Endpoint { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var directory = ServerDirectory();
        if (!Directory.Exists(Path.Combine(directory, "node_modules", "local-aws-sqs")))
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
        _server = Process.Start(start) ?? throw new InvalidOperationException("node could not be started for the SQS test server.");
        var line = await _server.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (line is null || !line.StartsWith("LISTENING ", StringComparison.Ordinal))
        {
            var stderr = await _server.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(5));
            throw new InvalidOperationException($"The SQS test server (local-aws-sqs) did not start: '{line}' {stderr}");
        }

        Endpoint = $"http://127.0.0.1:{line["LISTENING ".Length..].Trim()}";
        Client = new AmazonSQSClient(
            new BasicAWSCredentials("test", "test"),
            new AmazonSQSConfig { ServiceURL = Endpoint, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_server is not null)
        {
            _server.StandardInput.Close();
            if (!_server.WaitForExit(5000))
            {
                _server.Kill(entireProcessTree: true);
            }

            await _server.WaitForExitAsync();
            _server.Dispose();
        }
    }

    private static string ServerDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Lambda.Toolkit.Aws.Tests", "sqs-server");
            if (File.Exists(Path.Combine(candidate, "server.mjs")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/Lambda.Toolkit.Aws.Tests/sqs-server was not found above " + AppContext.BaseDirectory);
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
