using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace Lambda.Toolkit.Aws.Tests;

/// <summary>A real DynamoDB-compatible server (dynalite, in memory), driven with the real AWSSDK.DynamoDBv2 client.</summary>
public sealed class DynamoDbServerFixture : IAsyncLifetime
{
    private NodeServer? _server;

    public AmazonDynamoDBClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await NodeServer.StartAsync("dynamodb-server", "DynamoDB (dynalite)");
        Client = new AmazonDynamoDBClient(
            new BasicAWSCredentials("test", "test"),
            new AmazonDynamoDBConfig { ServiceURL = _server.Endpoint, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
    }

    /// <summary>Creates a table with the idempotency store's key schema (partition key: string <c>id</c>).</summary>
    public async Task<string> NewTableAsync()
    {
        var name = $"idempotency-{Guid.NewGuid():N}";
        await Client.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("id", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });
        return name;
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
