namespace Lambda.Toolkit.Testing.Tests;

public sealed class PackageTests
{
    [Fact]
    public void The_testing_package_does_not_reference_ASP_NET_Core()
    {
        var references = typeof(LambdaTestHost).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("Lambda.Toolkit.Events", references);
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void Trace_ids_have_the_form_Lambda_sends_with_the_start_time_in_the_root()
    {
        var time = new DateTimeOffset(2026, 3, 12, 19, 3, 58, TimeSpan.Zero);

        var header = TraceIds.New(time);

        Assert.Matches("^Root=1-" + time.ToUnixTimeSeconds().ToString("x8", System.Globalization.CultureInfo.InvariantCulture) + "-[0-9a-f]{24};Sampled=0$", header);
        Assert.NotEqual(header, TraceIds.New(time));
    }
}
