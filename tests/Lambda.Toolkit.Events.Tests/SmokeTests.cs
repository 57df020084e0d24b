namespace Lambda.Toolkit.Events.Tests;

public class SmokeTests
{
    [Fact]
    public void Builds() => Assert.NotNull(typeof(SmokeTests).Assembly);
}
