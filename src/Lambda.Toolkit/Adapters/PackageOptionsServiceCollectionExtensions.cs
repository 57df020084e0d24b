using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Adapters;

/// <summary>
/// Options for a package's <c>Add*</c> method that are set when it is called and read once at init, as a singleton
/// instance: cheaper at init than <c>IOptions&lt;T&gt;</c>, whose first use per options type costs the container a
/// generic instantiation (measured on Native AOT cold starts), and enough where nothing changes after init.
/// </summary>
public static class PackageOptionsServiceCollectionExtensions
{
    /// <summary>
    /// The <typeparamref name="TOptions"/> instance an earlier call registered, or a new one, registered as a singleton,
    /// so that calling a package's <c>Add*</c> method twice configures one options object in call order.
    /// </summary>
    /// <typeparam name="TOptions">The package's options class.</typeparam>
    /// <param name="services">The function's services.</param>
    /// <param name="added"><see langword="true"/> when this call registered the instance: the first call, which registers the package's other services.</param>
    /// <returns>The options to configure.</returns>
    public static TOptions GetOrAddOptions<TOptions>(this IServiceCollection services, out bool added)
        where TOptions : class, new()
    {
        ArgumentNullException.ThrowIfNull(services);
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(TOptions) && !descriptor.IsKeyedService && descriptor.ImplementationInstance is TOptions existing)
            {
                added = false;
                return existing;
            }
        }

        var options = new TOptions();
        services.AddSingleton(options);
        added = true;
        return options;
    }
}
