using Amazon.Runtime;
using Amazon.SQS;

namespace Lambda.Toolkit.Aws.Tests;

/// <summary>A real SQS-compatible server (local-aws-sqs, JSON protocol), driven with the real AWSSDK.SQS client.</summary>
public sealed class SqsServerFixture : IAsyncLifetime
{
    private NodeServer? _server;

    public AmazonSQSClient Client { get; private set; } = null!;

    public string Endpoint => _server?.Endpoint ?? string.Empty;

    public async Task InitializeAsync()
    {
        _server = await NodeServer.StartAsync("sqs-server", "SQS (local-aws-sqs)");
        Client = new AmazonSQSClient(
            new BasicAWSCredentials("test", "test"),
            new AmazonSQSConfig { ServiceURL = Endpoint, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
