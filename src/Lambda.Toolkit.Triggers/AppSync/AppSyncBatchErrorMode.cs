namespace Lambda.Toolkit.Triggers.AppSync;

/// <summary>How a <c>BatchInvoke</c> response reports the items whose handler failed.</summary>
public enum AppSyncBatchErrorMode
{
    /// <summary>
    /// The response is an array of the fields' values; a failed item's value is <c>null</c> (and the failure is
    /// logged). What a direct Lambda resolver without a response handler reads.
    /// </summary>
    Null = 0,

    /// <summary>
    /// Every item is an object <c>{"data":…}</c>, and a failed one <c>{"data":null,"errorMessage":…,"errorType":…}</c>:
    /// the form AppSync documents for per-item errors, read by a response handler that raises each item's error
    /// (<c>util.appendError(item.errorMessage, item.errorType)</c>) and returns its <c>data</c>.
    /// </summary>
    ErrorObjects = 1,
}
