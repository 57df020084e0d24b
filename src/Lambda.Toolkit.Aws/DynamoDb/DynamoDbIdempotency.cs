using Amazon.DynamoDBv2;
using Lambda.Toolkit.Batch.Idempotency;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Aws.DynamoDb;

/// <summary>Idempotency policies that remember processed records in DynamoDB.</summary>
public static class DynamoDbIdempotency
{
    /// <summary>
    /// Remembers processed records in the DynamoDB table <paramref name="tableName"/> (partition key: the
    /// string attribute <c>id</c>; TTL on <c>expiration</c>), with the <see cref="IAmazonDynamoDB"/> client
    /// registered in the container (register one with the endpoint and credentials you need; none is created for you).
    /// </summary>
    /// <param name="tableName">The idempotency table.</param>
    /// <returns>The policy; set its retention and key prefix before mapping.</returns>
    public static IdempotencyPolicy Table(string tableName)
    {
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        return Idempotent.With<IAmazonDynamoDB>((client, services) => new DynamoDbIdempotencyStore(client, tableName, services.GetService<TimeProvider>()));
    }
}
