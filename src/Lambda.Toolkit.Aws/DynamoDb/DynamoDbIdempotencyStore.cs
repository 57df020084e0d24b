using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lambda.Toolkit.Batch.Idempotency;

namespace Lambda.Toolkit.Aws.DynamoDb;

/// <summary>
/// An <see cref="IIdempotencyStore"/> in a DynamoDB table shared by every execution environment of a function.
/// The table's partition key is the string attribute <c>id</c>; each item also has <c>status</c>
/// (<c>INPROGRESS</c> or <c>COMPLETED</c>), <c>expiration</c> (epoch seconds: enable the table's TTL on it so
/// old keys are deleted) and, while claimed, <c>in_progress_expiration</c> (epoch milliseconds). A claim is
/// one conditional <c>PutItem</c>, so two environments never both claim a key.
/// </summary>
public sealed class DynamoDbIdempotencyStore : IIdempotencyStore
{
    private const string InProgress = "INPROGRESS";
    private const string Completed = "COMPLETED";
    private const string ClaimCondition = "attribute_not_exists(#id) OR #expiration < :now OR (#status = :inProgress AND #inProgressExpiration < :nowMs)";
    private readonly IAmazonDynamoDB _client;
    private readonly string _tableName;
    private readonly TimeProvider _time;

    /// <summary>Creates the store.</summary>
    /// <param name="client">The DynamoDB client (its endpoint, region and credentials are yours to set).</param>
    /// <param name="tableName">The table; its partition key is the string attribute <c>id</c>.</param>
    /// <param name="timeProvider">The clock for expirations; the system clock when <see langword="null"/>.</param>
    public DynamoDbIdempotencyStore(IAmazonDynamoDB client, string tableName, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        _client = client;
        _tableName = tableName;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public async ValueTask<IdempotencyClaim> TryClaimAsync(string key, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = _time.GetUtcNow();
        var until = now + lease;
        try
        {
            await _client.PutItemAsync(
                new PutItemRequest
                {
                    TableName = _tableName,
                    Item = new Dictionary<string, AttributeValue>
                    {
                        ["id"] = new() { S = key },
                        ["status"] = new() { S = InProgress },
                        ["expiration"] = Number(until.ToUnixTimeSeconds() + 1),
                        ["in_progress_expiration"] = Number(until.ToUnixTimeMilliseconds()),
                    },
                    ConditionExpression = ClaimCondition,
                    ExpressionAttributeNames = new Dictionary<string, string>
                    {
                        ["#id"] = "id",
                        ["#status"] = "status",
                        ["#expiration"] = "expiration",
                        ["#inProgressExpiration"] = "in_progress_expiration",
                    },
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                    {
                        [":now"] = Number(now.ToUnixTimeSeconds()),
                        [":nowMs"] = Number(now.ToUnixTimeMilliseconds()),
                        [":inProgress"] = new() { S = InProgress },
                    },
                },
                cancellationToken).ConfigureAwait(false);
            return IdempotencyClaim.Claimed;
        }
        catch (ConditionalCheckFailedException)
        {
            var existing = await _client.GetItemAsync(
                new GetItemRequest
                {
                    TableName = _tableName,
                    Key = KeyOf(key),
                    ConsistentRead = true,
                },
                cancellationToken).ConfigureAwait(false);

            // Gone again in between (released): report it held, so the record comes back rather than racing.
            return existing.Item is { } item && item.TryGetValue("status", out var status) && status.S == Completed
                ? IdempotencyClaim.AlreadyCompleted
                : IdempotencyClaim.InProgress;
        }
    }

    /// <inheritdoc />
    public async ValueTask CompleteAsync(string key, TimeSpan retention, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await _client.PutItemAsync(
            new PutItemRequest
            {
                TableName = _tableName,
                Item = new Dictionary<string, AttributeValue>
                {
                    ["id"] = new() { S = key },
                    ["status"] = new() { S = Completed },
                    ["expiration"] = Number((_time.GetUtcNow() + retention).ToUnixTimeSeconds()),
                },
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        try
        {
            await _client.DeleteItemAsync(
                new DeleteItemRequest
                {
                    TableName = _tableName,
                    Key = KeyOf(key),
                    ConditionExpression = "#status = :inProgress",
                    ExpressionAttributeNames = new Dictionary<string, string> { ["#status"] = "status" },
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":inProgress"] = new() { S = InProgress } },
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException)
        {
            // Completed meanwhile, or already gone: nothing to release.
        }
    }

    private static Dictionary<string, AttributeValue> KeyOf(string key) => new() { ["id"] = new() { S = key } };

    private static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };
}
