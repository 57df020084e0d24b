using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Batch.Idempotency;

/// <summary>Creates idempotency policies. The DynamoDB store is in <c>Lambda.Toolkit.Aws</c>.</summary>
public static class Idempotent
{
    /// <summary>Remembers processed records in the <typeparamref name="TStore"/> registered in the container.</summary>
    /// <typeparam name="TStore">The store service.</typeparam>
    /// <returns>The policy; set its retention and key prefix before mapping.</returns>
    public static IdempotencyPolicy With<TStore>()
        where TStore : class, IIdempotencyStore => new(static services => services.GetRequiredService<TStore>());

    /// <summary>Remembers processed records in the store <paramref name="store"/> returns.</summary>
    /// <param name="store">Resolves the store from the invocation's services.</param>
    /// <returns>The policy; set its retention and key prefix before mapping.</returns>
    public static IdempotencyPolicy With(Func<IServiceProvider, IIdempotencyStore> store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new IdempotencyPolicy(store);
    }
}
