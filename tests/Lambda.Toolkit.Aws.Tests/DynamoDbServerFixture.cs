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

        // A table answers requests only once it is ACTIVE (dynalite, like DynamoDB, creates it asynchronously).
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var table = await Client.DescribeTableAsync(name);
            if (table.Table.TableStatus == TableStatus.ACTIVE)
            {
                return name;
            }

            await Task.Delay(20);
        }

        throw new InvalidOperationException($"The test table {name} did not become ACTIVE within 2 seconds.");
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
