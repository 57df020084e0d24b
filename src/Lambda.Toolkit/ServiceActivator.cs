using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit;

/// <summary>
/// Decides once, when a class handler or middleware is mapped, how to get it per invocation: from the
/// container when it is registered, otherwise from a factory built at map time.
/// </summary>
internal static class ServiceActivator
{
    public static Func<IServiceProvider, T> For<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] T>(IServiceProvider? root)
        where T : class
    {
        // Without a container (its build failed) init reports the failure before any invocation.
        if (root is null || root.GetService<IServiceProviderIsService>()?.IsService(typeof(T)) == true)
        {
            return static services => services.GetRequiredService<T>();
        }

        var factory = ActivatorUtilities.CreateFactory<T>([]);
        return services => factory(services, null);
    }
}
