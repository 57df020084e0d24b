namespace Lambda.Toolkit.Events.Config;

/// <summary>The values of <see cref="ConfigurationItemSummary.ConfigurationItemStatus"/>.</summary>
public static class ConfigurationItemStatus
{
    /// <summary>The configuration item was recorded.</summary>
    public const string Ok = "OK";

    /// <summary>The resource was discovered.</summary>
    public const string ResourceDiscovered = "ResourceDiscovered";

    /// <summary>The resource was discovered, but its type is not recorded.</summary>
    public const string ResourceNotRecorded = "ResourceNotRecorded";

    /// <summary>The resource was deleted: AWS's guidance answers <c>NOT_APPLICABLE</c> for it.</summary>
    public const string ResourceDeleted = "ResourceDeleted";

    /// <summary>The resource was deleted, and its type is not recorded: answered <c>NOT_APPLICABLE</c> too.</summary>
    public const string ResourceDeletedNotRecorded = "ResourceDeletedNotRecorded";

    /// <summary>Whether <paramref name="status"/> says the resource was deleted.</summary>
    /// <param name="status">A configuration item status.</param>
    /// <returns><see langword="true"/> for <see cref="ResourceDeleted"/> and <see cref="ResourceDeletedNotRecorded"/>.</returns>
    public static bool IsDeleted(string? status) =>
        string.Equals(status, ResourceDeleted, StringComparison.Ordinal) || string.Equals(status, ResourceDeletedNotRecorded, StringComparison.Ordinal);
}
