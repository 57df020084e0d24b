namespace Lambda.Toolkit.Adapters;

/// <summary>
/// Tells what kind of event a payload is, from a quick look at its bytes (usually a forward scan of a few
/// top-level JSON properties). Adapters that share a classifier instance share its answer:
/// <see cref="InvocationContext.Classify{TClass}(EventClassifier{TClass})"/> runs it at most once per
/// invocation and caches the result on the context, however many adapters ask.
/// </summary>
/// <typeparam name="TClass">The answer, typically an enum of the formats or sources the classifier knows.</typeparam>
/// <remarks>Implementations must be thread-safe and must not throw: a payload they cannot read is simply not theirs.</remarks>
public abstract class EventClassifier<TClass>
{
    /// <summary>Classifies a payload.</summary>
    /// <param name="payload">The raw event, UTF-8 JSON as Lambda sent it (or anything else a caller sent).</param>
    /// <returns>The payload's class.</returns>
    protected internal abstract TClass Classify(ReadOnlySpan<byte> payload);
}
