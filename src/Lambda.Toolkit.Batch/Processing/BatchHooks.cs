using Microsoft.Extensions.Logging;

namespace Lambda.Toolkit.Batch.Processing;

/// <summary>Calls the user's batch hooks (<see cref="BatchOptions.OnRecordSucceeded"/> and its siblings).</summary>
internal static class BatchHooks
{
    public static async ValueTask InvokeAsync<T>(Func<T, ValueTask> hook, T argument, ILogger logger)
    {
        try
        {
            await hook(argument).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // A hook is the user's code (metrics, logging): its failure must not change a record's outcome.
            BatchLog.HookFailed(logger, ex);
        }
    }
}
