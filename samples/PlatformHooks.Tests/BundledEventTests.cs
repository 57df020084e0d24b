namespace PlatformHooks.Tests;

/// <summary>The events/ folder and the tests stay in step: a new event file needs a test that says what it answers.</summary>
public class BundledEventTests
{
    private static readonly string[] Tested =
    [
        "codepipeline-job.json",            // ReleaseJobTests
        "custom-resource-create.json",      // TenantResourceTests (ResponseURL moved to a local listener)
        "presignup.json",                   // IdentityTriggerTests
        "pretokengeneration-v2.json",       // IdentityTriggerTests
        "secret-rotation-create.json",      // RotationTests
        "token-authorizer-denied.json",     // OrdersAuthorizerTests
        "token-authorizer.json",            // OrdersAuthorizerTests
    ];

    [Fact]
    public void Every_bundled_event_has_a_test()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "events"), "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(Tested, files);
    }

    [Fact]
    public async Task The_custom_resource_event_points_its_ResponseURL_where_nothing_answers_so_invoking_it_uploads_nowhere()
    {
        var json = await File.ReadAllTextAsync(Function.Event("custom-resource-create.json"));

        Assert.Contains("\"ResponseURL\": \"http://127.0.0.1:9/", json, StringComparison.Ordinal);
    }
}
