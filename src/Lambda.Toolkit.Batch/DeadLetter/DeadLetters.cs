using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Batch.DeadLetter;

/// <summary>Creates dead-letter policies. The SQS sink is in <c>Lambda.Toolkit.Aws</c>.</summary>
public static class DeadLetters
{
    /// <summary>Dead-letters to the <typeparamref name="TSink"/> registered in the container.</summary>
    /// <typeparam name="TSink">The sink service.</typeparam>
    /// <returns>The policy.</returns>
    public static DeadLetterPolicy To<TSink>()
        where TSink : class, IDeadLetterSink => new(static services => services.GetRequiredService<TSink>(), typeof(TSink));

    /// <summary>
    /// Dead-letters to a sink made from the <typeparamref name="TService"/> registered in the container (a client,
    /// for example). The registration is checked at init.
    /// </summary>
    /// <typeparam name="TService">The service the sink needs.</typeparam>
    /// <param name="sink">Makes the sink from the service.</param>
    /// <returns>The policy.</returns>
    public static DeadLetterPolicy To<TService>(Func<TService, IDeadLetterSink> sink)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(sink);
        return new DeadLetterPolicy(services => sink(services.GetRequiredService<TService>()), typeof(TService));
    }

    /// <summary>Dead-letters to the sink <paramref name="sink"/> returns.</summary>
    /// <param name="sink">Resolves the sink from the invocation's services.</param>
    /// <returns>The policy.</returns>
    public static DeadLetterPolicy To(Func<IServiceProvider, IDeadLetterSink> sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        return new DeadLetterPolicy(sink, null);
    }
}
