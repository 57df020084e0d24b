using Lambda.Toolkit.Events.DynamoDb;

namespace Lambda.Toolkit.Batch.DynamoDbStreams;

/// <summary>A DynamoDB Streams change with its images bound to the user's item type.</summary>
/// <typeparam name="TItem">The item type.</typeparam>
public sealed class DynamoDbItemChange<TItem>
    where TItem : class
{
    internal DynamoDbItemChange(DynamoDbRecord record, TItem? newItem, TItem? oldItem)
    {
        Record = record;
        NewItem = newItem;
        OldItem = oldItem;
    }

    /// <summary>INSERT, MODIFY or REMOVE.</summary>
    public DynamoDbChange Change => Record.Change;

    /// <summary>The item after the change; <see langword="null"/> on REMOVE or when the stream view has no new image.</summary>
    public TItem? NewItem { get; }

    /// <summary>The item before the change; <see langword="null"/> on INSERT or when the stream view has no old image.</summary>
    public TItem? OldItem { get; }

    /// <summary>The primary key of the changed item.</summary>
    public IReadOnlyDictionary<string, AttributeValue>? Keys => Record.DynamoDb.Keys;

    /// <summary>The raw record.</summary>
    public DynamoDbRecord Record { get; }
}
