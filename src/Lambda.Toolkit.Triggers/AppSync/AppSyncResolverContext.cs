using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Events.AppSync;

namespace Lambda.Toolkit.Triggers.AppSync;

/// <summary>One field to resolve: its arguments bound to <typeparamref name="TArguments"/>, and the rest of the event.</summary>
/// <typeparam name="TArguments">The field's arguments.</typeparam>
public sealed class AppSyncResolverContext<TArguments>
{
    internal AppSyncResolverContext(AppSyncResolverEvent resolverEvent, TArguments arguments, int? batchIndex, IServiceProvider services)
    {
        Event = resolverEvent;
        Arguments = arguments;
        BatchIndex = batchIndex;
        Services = services;
    }

    /// <summary>The event as AppSync sent it.</summary>
    public AppSyncResolverEvent Event { get; }

    /// <summary>The field's arguments (bound from an empty object when the event has none).</summary>
    public TArguments Arguments { get; }

    /// <summary>The caller; null for an API key.</summary>
    public AppSyncIdentity? Identity => Event.Identity;

    /// <summary>The field being resolved.</summary>
    public AppSyncResolverInfo Info => Event.Info!;

    /// <summary>The item's position in a <c>BatchInvoke</c> event; null for a single invocation.</summary>
    public int? BatchIndex { get; }

    /// <summary>The invocation's services (one scope for the whole batch).</summary>
    public IServiceProvider Services { get; }

    /// <summary>The parent field's value bound to <typeparamref name="TSource"/>; default when there is none.</summary>
    /// <typeparam name="TSource">The parent type.</typeparam>
    /// <param name="source">Source-generated metadata for <typeparamref name="TSource"/>.</param>
    /// <returns>The parent's value.</returns>
    /// <exception cref="InvalidEventException">The source does not bind, with its JSON path.</exception>
    public TSource? GetSource<TSource>(JsonTypeInfo<TSource> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (Event.Source is not { ValueKind: not JsonValueKind.Null } element)
        {
            return default;
        }

        return AppSyncBinding.Bind(element, source, BatchIndex, "source");
    }
}
