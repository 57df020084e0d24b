using System.Diagnostics;

namespace Lambda.Toolkit.Runtime;

/// <summary>
/// The activity of one invocation, from the <c>Lambda.Toolkit</c> <see cref="ActivitySource"/> (kind
/// <see cref="ActivityKind.Server"/>, named after the function), parented on the invocation's X-Ray trace header
/// (<see cref="XRayTraceHeader"/>), with the OpenTelemetry FaaS tags: <c>faas.invocation_id</c>, <c>faas.name</c>,
/// <c>faas.version</c>, <c>faas.coldstart</c>, <c>cloud.provider</c>, <c>cloud.platform</c>, <c>cloud.resource_id</c>
/// (the invoked ARN); a failed invocation ends with <see cref="ActivityStatusCode.Error"/>, <c>error.type</c> and an
/// <c>exception</c> event. The runner starts one only when the source has listeners, so an invocation nobody traces
/// pays one <see cref="ActivitySource.HasListeners"/> check.
/// </summary>
internal static class InvocationActivity
{
    /// <summary>The source's name: <c>Lambda.Toolkit</c>.</summary>
    public const string SourceName = "Lambda.Toolkit";

    public static readonly ActivitySource Source = new(SourceName);

    public static Activity? Start(InvocationContext context)
    {
        var parent = XRayTraceHeader.TryParse(context.TraceId, out var xray) ? xray : default;
        var name = context.Function.Name.Length > 0 ? context.Function.Name : "Invocation";
        var activity = Source.StartActivity(name, ActivityKind.Server, parent);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("faas.invocation_id", context.RequestId);
            activity.SetTag("faas.name", context.Function.Name);
            activity.SetTag("faas.version", context.Function.Version);
            activity.SetTag("cloud.provider", "aws");
            activity.SetTag("cloud.platform", "aws_lambda");
            if (context.InvokedFunctionArn.Length > 0)
            {
                activity.SetTag("cloud.resource_id", context.InvokedFunctionArn);
            }
        }

        return activity;
    }

    /// <summary>Records how the invocation ended (and whether it was the cold start, known once the pipeline ran) and stops the activity.</summary>
    public static void Stop(Activity activity, InvocationContext context, FunctionError? error)
    {
        if (activity.IsAllDataRequested)
        {
            activity.SetTag("faas.coldstart", context.IsColdStart);
            if (error is not null)
            {
                activity.SetStatus(ActivityStatusCode.Error, error.ErrorMessage);
                activity.SetTag("error.type", error.ErrorType);
                activity.AddEvent(new ActivityEvent("exception", tags: new ActivityTagsCollection
                {
                    { "exception.type", error.ErrorType },
                    { "exception.message", error.ErrorMessage },
                    { "exception.stacktrace", string.Join('\n', error.StackTrace) },
                }));
            }
        }

        activity.Stop();
    }
}
