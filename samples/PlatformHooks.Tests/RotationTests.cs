using Lambda.Toolkit.Events.SecretsManager;
using Lambda.Toolkit.Testing.Events;

namespace PlatformHooks.Tests;

public class RotationTests
{
    [Fact]
    public async Task The_bundled_createSecret_is_dispatched_to_its_step_and_logs_the_calls_it_would_make()
    {
        await using var function = await Function.StartAsync();

        var result = await function.InvokeFileAsync("secret-rotation-create.json");

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        Assert.Equal(0, result.Response.Length);   // Secrets Manager reads no response
        var log = function.Log;
        Assert.Contains("Rotation step createSecret of arn:aws:secretsmanager:eu-west-1:123456789012:secret:platform-hooks/orders-db-Vb7kQz, version 3e1c9a57-6b2d-4f80-a4c3-9d8e7f6a5b41", log, StringComparison.Ordinal);
        Assert.Contains("PutSecretValue(ClientRequestToken=token, VersionStages=[AWSPENDING])", log, StringComparison.Ordinal);
        Assert.DoesNotContain("c0ffee00-1a2b-4c3d-8e9f-a0b1c2d3e4f5", log, StringComparison.Ordinal);   // the RotationToken is never logged
    }

    [Theory]
    [InlineData(SecretsManagerRotationSteps.CreateSecret, "GetRandomPassword")]
    [InlineData(SecretsManagerRotationSteps.SetSecret, "ALTER USER")]
    [InlineData(SecretsManagerRotationSteps.TestSecret, "a database login with it")]
    [InlineData(SecretsManagerRotationSteps.FinishSecret, "UpdateSecretVersionStage(AWSCURRENT")]
    public async Task Each_step_runs_its_own_method(string step, string call)
    {
        await using var function = await Function.StartAsync();

        var result = await function.Host.InvokeAsync(new SecretRotationEventBuilder("platform-hooks/orders-db").ForStep(step).ToJson());

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        var line = Assert.Single(function.Log.Split('\n'), l => l.Contains("Rotation step", StringComparison.Ordinal));
        Assert.Contains($"Rotation step {step} of ", line, StringComparison.Ordinal);
        Assert.Contains(call, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_step_fails_the_rotation_naming_it()
    {
        await using var function = await Function.StartAsync();

        var result = await function.Host.InvokeAsync(new SecretRotationEventBuilder().ForStep("rotateSecret").ToJson());

        Assert.False(result.IsSuccess);
        Assert.Contains("rotateSecret", result.Error!.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("Rotation step", function.Log, StringComparison.Ordinal);
    }
}
