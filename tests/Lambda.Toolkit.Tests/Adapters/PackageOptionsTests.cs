using Lambda.Toolkit.Adapters;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Tests.Adapters;

public class PackageOptionsTests
{
    [Fact]
    public void The_first_call_registers_one_instance_and_later_calls_configure_the_same_one()
    {
        var services = new ServiceCollection();

        var first = services.GetOrAddOptions<SampleOptions>(out var firstAdded);
        first.Name = "a";
        var second = services.GetOrAddOptions<SampleOptions>(out var secondAdded);

        Assert.True(firstAdded);
        Assert.False(secondAdded);
        Assert.Same(first, second);
        Assert.Single(services, d => d.ServiceType == typeof(SampleOptions));
        using var provider = services.BuildServiceProvider();
        Assert.Equal("a", provider.GetRequiredService<SampleOptions>().Name);
    }

    [Fact]
    public void A_keyed_or_factory_registration_of_the_type_is_not_taken_for_the_package_options()
    {
        var services = new ServiceCollection();
        services.AddKeyedSingleton("other", new SampleOptions { Name = "keyed" });
        services.AddSingleton(_ => new SampleOptions { Name = "factory" });

        var options = services.GetOrAddOptions<SampleOptions>(out var added);

        Assert.True(added);
        Assert.Null(options.Name);
    }

    private sealed class SampleOptions
    {
        public string? Name { get; set; }
    }
}
