using System.Text;
using System.Text.Json.Nodes;
using Lambda.Toolkit.Logging;
using Lambda.Toolkit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Triggers.Tests.Authorizers;

internal static class AuthorizerSupport
{
    public static string Sample(string folder, string file) => Path.Combine(AppContext.BaseDirectory, "events", folder, file);

    public static string ReadSample(string folder, string file) => File.ReadAllText(Sample(folder, file)).TrimStart('\uFEFF');

    /// <summary>An application; <paramref name="cancellationMargin"/> widens the time between the token firing and the runtime's own timeout, so deadline tests do not depend on a loaded machine's timers.</summary>
    public static LambdaApplication App(TimeSpan? cancellationMargin = null)
    {
        var builder = LambdaApplication.CreateBuilder(new LambdaApplicationOptions { Environment = new LambdaEnvironment() });
        builder.Services.Configure<LambdaLoggerOptions>(o => o.Output = Stream.Null);
        if (cancellationMargin is { } margin)
        {
            builder.Services.Configure<LambdaRuntimeOptions>(o => o.CancellationMargin = margin);
        }

        return builder.Build();
    }

    public static bool SameJson(string expected, string actual) => JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual));

    public static bool SameJson(string expected, byte[] actual) => SameJson(expected, Encoding.UTF8.GetString(actual));

    public static string Text(TestInvocationResult result)
    {
        Assert.True(result.IsSuccess, result.Error?.ErrorType + ": " + result.Error?.ErrorMessage);
        return result.ResponseText;
    }
}
