using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Lambda.Toolkit;

/// <summary>
/// <see cref="IOptions{TOptions}"/> for the toolkit's own options, registered as a closed singleton: the value is
/// built once, on first use, by <see cref="OptionsFactory{TOptions}"/> from the registered
/// <see cref="IConfigureOptions{TOptions}"/>, <see cref="IPostConfigureOptions{TOptions}"/> and
/// <see cref="IValidateOptions{TOptions}"/>, in registration order: the value <c>AddOptions()</c>'s open generic
/// registration gives (<c>Configure&lt;T&gt;</c>, <c>PostConfigure&lt;T&gt;</c>, <c>AddOptions&lt;T&gt;().Bind(...)</c>
/// and validators all apply). What it saves is the container's share: resolved through the open generic, each
/// options type makes the container instantiate <c>UnnamedOptionsManager&lt;T&gt;</c> and <c>OptionsFactory&lt;T&gt;</c>
/// with <c>MakeGenericType</c> and reflect over their constructors, and on Native AOT the runtime builds each of those
/// generic types from a template at init (measured: most of the container's cost at a cold start). Here every type is
/// known to the compiler. Nothing changes the value after init, so no change tracking is kept.
/// </summary>
/// <typeparam name="TOptions">The options class.</typeparam>
internal sealed class OptionsReadOnce<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(IServiceProvider services) : IOptions<TOptions>
    where TOptions : class
{
    private TOptions? _value;

    /// <summary>The options, built on first use (a configuration callback that throws, throws here, as it does through <c>IOptions&lt;T&gt;</c>).</summary>
    public TOptions Value
    {
        get
        {
            if (_value is { } value)
            {
                return value;
            }

            var built = Build(services);
            return Interlocked.CompareExchange(ref _value, built, null) ?? built;
        }
    }

    /// <summary>Registers <see cref="IOptions{TOptions}"/> for <typeparamref name="TOptions"/> unless a closed registration exists.</summary>
    /// <param name="services">The function's services.</param>
    public static void TryAdd(IServiceCollection services) =>
        services.TryAddSingleton<IOptions<TOptions>>(static sp => new OptionsReadOnce<TOptions>(sp));

    /// <summary>Builds the options from the registered setups, as <see cref="OptionsFactory{TOptions}"/> does for <see cref="Options.DefaultName"/>.</summary>
    /// <param name="services">The services the setups are registered in.</param>
    /// <returns>The configured, validated options.</returns>
    /// <exception cref="OptionsValidationException">A registered validator rejected the options.</exception>
    public static TOptions Build(IServiceProvider services) =>
        new OptionsFactory<TOptions>(
            services.GetServices<IConfigureOptions<TOptions>>(),
            services.GetServices<IPostConfigureOptions<TOptions>>(),
            services.GetServices<IValidateOptions<TOptions>>()).Create(Options.DefaultName);
}
