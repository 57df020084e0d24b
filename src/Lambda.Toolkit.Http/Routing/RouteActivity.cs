using System.Diagnostics;

namespace Lambda.Toolkit.Http.Routing;

/// <summary>
/// The activity of one matched route, from the <c>Lambda.Toolkit.Http</c> <see cref="ActivitySource"/>: kind
/// <see cref="ActivityKind.Server"/>, named <c>{method} {template}</c>, tagged <c>http.request.method</c>,
/// <c>http.route</c>, <c>url.path</c> and <c>http.response.status_code</c> (the status the endpoint's result or
/// failure becomes: 400 for <see cref="HttpBadRequestException"/>, 500 for any other exception); a 5xx ends with
/// <see cref="ActivityStatusCode.Error"/>. Wrapped around each endpoint when the route table is compiled; when nobody
/// listens a request pays one <see cref="ActivitySource.HasListeners"/> check.
/// </summary>
/// <remarks>
/// Parenting: the activity is a child of the invocation's activity, except when the request carries a valid W3C
/// <c>traceparent</c> header and the invocation is not sampled by X-Ray (its trace header lacks <c>Sampled=1</c>):
/// then the caller's W3C trace is continued (the activity's parent is the <c>traceparent</c>) and the invocation's
/// activity is added as a link. When X-Ray tracing is on, X-Ray's trace is the one of record (API Gateway and Lambda
/// put it in the trace header) and the <c>traceparent</c> becomes a link instead, so the route stays a subsegment of
/// the invocation in X-Ray and an OpenTelemetry backend can still follow the link to the caller's trace.
/// </remarks>
internal static class RouteActivity
{
    /// <summary>The source's name: <c>Lambda.Toolkit.Http</c>.</summary>
    public const string SourceName = "Lambda.Toolkit.Http";

    public static readonly ActivitySource Source = new(SourceName);

    public static HttpHandler Wrap(string method, string template, HttpHandler handler)
    {
        var name = method + " " + template;
        return (request, cancellationToken) => Source.HasListeners()
            ? TracedAsync(name, method, template, handler, request, cancellationToken)
            : handler(request, cancellationToken);
    }

    private static async ValueTask<HttpResult> TracedAsync(string name, string method, string template, HttpHandler handler, HttpRequest request, CancellationToken cancellationToken)
    {
        using var activity = Start(name, request);
        if (activity is not { IsAllDataRequested: true })
        {
            return await handler(request, cancellationToken).ConfigureAwait(false);
        }

        activity.SetTag("http.request.method", method);
        activity.SetTag("http.route", template);
        activity.SetTag("url.path", request.Path);
        try
        {
            var result = await handler(request, cancellationToken).ConfigureAwait(false);
            SetStatus(activity, result.StatusCode);
            return result;
        }
        catch (HttpBadRequestException)
        {
            SetStatus(activity, 400);
            throw;
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            activity.SetStatus(ActivityStatusCode.Error, ex.Message);
            activity.SetTag("error.type", "timeout");
            throw;
        }
        catch (Exception ex)
        {
            SetStatus(activity, 500);
            activity.SetTag("error.type", ex.GetType().FullName);
            activity.AddEvent(new ActivityEvent("exception", tags: new ActivityTagsCollection
            {
                { "exception.type", ex.GetType().FullName },
                { "exception.message", ex.Message },
                { "exception.stacktrace", ex.ToString() },
            }));
            throw;
        }
    }

    private static Activity? Start(string name, HttpRequest request)
    {
        if (request.Header("traceparent") is not { } traceparent
            || !ActivityContext.TryParse(traceparent, request.Header("tracestate"), isRemote: true, out var caller))
        {
            return Source.StartActivity(name, ActivityKind.Server);
        }

        var xraySampled = request.Invocation.TraceId is { } header && header.Contains("Sampled=1", StringComparison.Ordinal);
        if (xraySampled)
        {
            return Source.StartActivity(ActivityKind.Server, default, links: [new ActivityLink(caller)], name: name);
        }

        ActivityLink[]? invocation = Activity.Current is { } current ? [new ActivityLink(current.Context)] : null;
        return Source.StartActivity(ActivityKind.Server, caller, links: invocation, name: name);
    }

    private static void SetStatus(Activity activity, int statusCode)
    {
        activity.SetTag("http.response.status_code", statusCode);
        if (statusCode >= 500)
        {
            activity.SetStatus(ActivityStatusCode.Error);
        }
    }
}
