namespace Lambda.Toolkit.Testing.Events;

/// <summary>The account, region and clock the event builders use unless told otherwise.</summary>
internal static class EventDefaults
{
    /// <summary>The account id AWS uses in its own sample events.</summary>
    public const string AccountId = "123456789012";

    /// <summary>The region AWS uses in most of its sample events.</summary>
    public const string Region = "us-east-1";
}
