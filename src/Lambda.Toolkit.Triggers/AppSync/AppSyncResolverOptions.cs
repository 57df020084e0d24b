namespace Lambda.Toolkit.Triggers.AppSync;

/// <summary>Options of <see cref="AppSyncResolverApplicationExtensions.MapAppSyncResolver"/>.</summary>
public sealed class AppSyncResolverOptions
{
    /// <summary>How a batch response reports failed items. Default: <see cref="AppSyncBatchErrorMode.Null"/>.</summary>
    public AppSyncBatchErrorMode BatchErrors { get; set; }

    internal IEnumerable<string> Validate()
    {
        if (!Enum.IsDefined(BatchErrors))
        {
            yield return $"AppSyncResolverOptions.BatchErrors is {(int)BatchErrors}, not an AppSyncBatchErrorMode value.";
        }
    }
}
