namespace Lambda.Toolkit.Runtime;

/// <summary>The runner's tracing: one activity around the pipeline when someone listens (see <see cref="InvocationActivity"/>).</summary>
internal sealed partial class InvocationRunner
{
    private ValueTask<InvocationOutcome> RunMaybeTracedAsync(InvocationContext context) =>
        !context.IsPriming && InvocationActivity.Source.HasListeners() ? RunTracedAsync(context) : RunPipeline(context);

    private async ValueTask<InvocationOutcome> RunTracedAsync(InvocationContext context)
    {
        var activity = InvocationActivity.Start(context);
        if (activity is null)
        {
            return await RunPipeline(context).ConfigureAwait(false);
        }

        try
        {
            var outcome = await RunPipeline(context).ConfigureAwait(false);
            InvocationActivity.Stop(activity, context, outcome.Error);
            return outcome;
        }
        catch
        {
            activity.Stop();
            throw;
        }
    }
}
