namespace Lambda.Toolkit.Events.DynamoDb;

/// <summary>The kind of change a DynamoDB Streams record describes.</summary>
public enum DynamoDbChange
{
    /// <summary>An event name this version does not know.</summary>
    Unknown,

    /// <summary>A new item was added (INSERT).</summary>
    Insert,

    /// <summary>An item was updated (MODIFY).</summary>
    Modify,

    /// <summary>An item was deleted (REMOVE).</summary>
    Remove,
}
