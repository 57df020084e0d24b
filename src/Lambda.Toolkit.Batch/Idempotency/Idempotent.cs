using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Batch.Idempotency;

/// <summary>Creates idempotency policies. The DynamoDB store is in <c>Lambda.Toolkit.Aws</c>.</summary>
public static class Idempotent
{
    /// <summary>Remembers processed records in the <typeparamref name="TStore"/> registered in the container.</summary>
    /// <typeparam name="TStore">The store service.</typeparam>
    /// <returns>The policy; set its retention and key prefix before mapping.</returns>
    public static IdempotencyPolicy With<TStore>()
        where TStore : class, IIdempotencyStore => new(static services => services.GetRequiredService<TStore>(), typeof(TStore));

    /// <summary>
    /// Remembers processed records in a store made from the <typeparamref name="TService"/> registered in the
    /// container (a client, for example). The registration is checked at init.
    /// </summary>
    /// <typeparam name="TService">The service the store needs.</typeparam>
    /// <param name="store">Makes the store from the service and the invocation's services.</param>
    /// <returns>The policy; set its retention and key prefix before mapping.</returns>
    public static IdempotencyPolicy With<TService>(Func<TService, IServiceProvider, IIdempotencyStore> store)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(store);
        return new IdempotencyPolicy(services => store(services.GetRequiredService<TService>(), services), typeof(TService));
    }

    /// <summary>Remembers processed records in the store <paramref name="store"/> returns.</summary>
    /// <param name="store">Resolves the store from the invocation's services.</param>
    /// <returns>The policy; set its retention and key prefix before mapping.</returns>
    public static IdempotencyPolicy With(Func<IServiceProvider, IIdempotencyStore> store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new IdempotencyPolicy(store, null);
    }
}
