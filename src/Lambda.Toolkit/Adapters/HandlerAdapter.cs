namespace Lambda.Toolkit.Adapters;

/// <summary>The adapter behind <c>MapHandler</c> and <c>MapEvent</c>: a predicate (none for every event) and a delegate built at init.</summary>
internal sealed class HandlerAdapter(string name, Func<InvocationContext, bool>? accepts, Func<PipelineBuildContext, InvocationDelegate> build) : LambdaAdapter
{
    public override string Name => name;

    /// <summary>Whether this adapter takes every event, so that nothing mapped after it can run.</summary>
    public bool AcceptsAll => accepts is null;

    public override bool Accepts(InvocationContext context) => accepts is null || accepts(context);

    public override InvocationDelegate Build(PipelineBuildContext context) => build(context);
}
