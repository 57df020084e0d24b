namespace Lambda.Toolkit.Adapters;

/// <summary>
/// An event source plugged into a <see cref="LambdaApplication"/> with <see cref="LambdaApplication.MapAdapter"/>:
/// it says which events it takes, and at init it validates its options and builds the delegate that
/// handles them. Every <c>Map*</c> method of the toolkit (typed handlers, HTTP, SQS, streams, S3, SNS,
/// EventBridge) is an adapter; a custom event source is written the same way.
/// </summary>
/// <remarks>
/// <para>
/// Map time only records the adapter: nothing is validated or resolved there, so a mistake never throws
/// out of <c>Main</c>. At init <see cref="Build"/> runs once, with the root services; each problem it adds
/// to <see cref="PipelineBuildContext.AddProblem"/> joins the application's other init problems in one
/// <c>init/error</c> report, and the process exits non-zero.
/// </para>
/// <para>
/// Per invocation the application asks the adapters in the order they were mapped, through
/// <see cref="Accepts"/>, and runs the first one that accepts. Look at the payload through
/// <see cref="InvocationContext.Classify{TClass}(EventClassifier{TClass})"/> with a shared
/// <see cref="EventClassifier{TClass}"/>, so the payload is scanned once however many adapters ask, and the
/// built delegate can read the same cached answer.
/// </para>
/// </remarks>
public abstract class LambdaAdapter
{
    /// <summary>A short name for init problems and routing errors, for example <c>SQS</c> or <c>HTTP API</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Whether this adapter handles the invocation's event. Called on every invocation until an adapter accepts; must be cheap and must not throw.</summary>
    /// <param name="context">The invocation.</param>
    /// <returns><see langword="true"/> to handle the event.</returns>
    public abstract bool Accepts(InvocationContext context);

    /// <summary>
    /// Validates the adapter's options and builds its invocation delegate, once, at init. Report every
    /// problem through <see cref="PipelineBuildContext.AddProblem"/> instead of throwing; resolve per-invocation
    /// services through <see cref="PipelineBuildContext.GetScopedServiceFactory{T}"/>, which checks the registration now.
    /// </summary>
    /// <param name="context">The root services and the init problem list.</param>
    /// <returns>
    /// The delegate that handles an accepted event, or <see langword="null"/> when the adapter reported problems
    /// (init then fails; the delegate of an adapter is never called when init has problems).
    /// </returns>
    public abstract InvocationDelegate? Build(PipelineBuildContext context);
}
