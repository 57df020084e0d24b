using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Lambda.Toolkit.Events.SecretsManager;
using Lambda.Toolkit.Testing;
using Lambda.Toolkit.Triggers.SecretsManager;
using Lambda.Toolkit.Triggers.Tests.CloudFormation;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Triggers.Tests.SecretsManager;

public class SecretRotationTests
{
    private static readonly string SamplePath = Fixtures.Sample("secretsmanager", "secretsmanager-secret-rotation-event.json");

    private static string Rotation(string? step, Action<JsonObject>? change = null)
    {
        var node = JsonNode.Parse(File.ReadAllText(SamplePath))!.AsObject();
        node["Step"] = step;
        change?.Invoke(node);
        return node.ToJsonString();
    }

    private static async Task<(LambdaTestHost Host, ConcurrentQueue<(string Step, SecretsManagerRotationEvent Event)> Calls)> HostAsync(string? failing = null)
    {
        var calls = new ConcurrentQueue<(string, SecretsManagerRotationEvent)>();
        Func<SecretsManagerRotationEvent, CancellationToken, ValueTask> Step(string name) => (e, _) =>
        {
            calls.Enqueue((name, e));
            return name == failing ? throw new InvalidOperationException("The database refused the new password.") : ValueTask.CompletedTask;
        };

        var app = Fixtures.Builder().Build();
        app.MapSecretRotation(Step("create"), Step("set"), Step("test"), Step("finish"));
        return (await LambdaTestHost.StartAsync(app), calls);
    }

    [Fact]
    public async Task The_AWS_sample_runs_createSecret_with_every_field_and_answers_with_an_empty_response()
    {
        var (host, calls) = await HostAsync();
        await using var _ = host;

        var result = await host.InvokeFileAsync(SamplePath);

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        Assert.Equal(0, result.Response.Length);
        var (step, rotation) = Assert.Single(calls);
        Assert.Equal("create", step);
        Assert.Equal("arn:aws:secretsmanager:us-east-1:111122223333:secret:id-ABCD1E", rotation.SecretId);
        Assert.Equal("1ab23456-cde7-8912-34fg-h56i78j9k12l", rotation.ClientRequestToken);
        Assert.Equal("abcd1234-efgh-5678-ijkl-8ab4515a7db0", rotation.RotationToken);
    }

    [Theory]
    [InlineData("createSecret", "create")]
    [InlineData("setSecret", "set")]
    [InlineData("testSecret", "test")]
    [InlineData("finishSecret", "finish")]
    public async Task Each_step_is_dispatched_to_its_handler(string step, string expected)
    {
        var (host, calls) = await HostAsync();
        await using var _ = host;

        var result = await host.InvokeAsync(Rotation(step));

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        Assert.Equal(expected, Assert.Single(calls).Step);
    }

    [Fact]
    public async Task An_event_without_RotationToken_is_dispatched_with_none()
    {
        var (host, calls) = await HostAsync();
        await using var _ = host;

        await host.InvokeAsync(Rotation("finishSecret", n => n.Remove("RotationToken")));

        Assert.Null(Assert.Single(calls).Event.RotationToken);
    }

    [Theory]
    [InlineData("rotateSecret", "Step 'rotateSecret'")]
    [InlineData("CreateSecret", "Step 'CreateSecret'")]
    [InlineData(null, "no Step")]
    public async Task An_unknown_step_fails_naming_it_and_the_four_supported(string? step, string expected)
    {
        var (host, calls) = await HostAsync();
        await using var _ = host;

        var result = await host.InvokeAsync(Rotation(step));

        Assert.Equal(LambdaErrorTypes.InvalidEvent, result.Error?.ErrorType);
        Assert.Contains(expected, result.Error!.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("createSecret, setSecret, testSecret or finishSecret", result.Error.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(calls);
    }

    [Fact]
    public async Task An_empty_ClientRequestToken_fails_as_an_invalid_event()
    {
        var (host, calls) = await HostAsync();
        await using var _ = host;

        var result = await host.InvokeAsync(Rotation("createSecret", n => n["ClientRequestToken"] = ""));

        Assert.Equal(LambdaErrorTypes.InvalidEvent, result.Error?.ErrorType);
        Assert.Contains("ClientRequestToken", result.Error!.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(calls);
    }

    [Fact]
    public async Task A_failing_step_fails_the_invocation_so_the_rotation_fails()
    {
        var (host, _) = await HostAsync(failing: "test");
        await using var __ = host;

        var result = await host.InvokeAsync(Rotation("testSecret"));

        Assert.False(result.IsSuccess);
        Assert.Contains("The database refused the new password.", result.Error!.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_handler_class_is_resolved_from_the_scope_and_runs_every_step_in_order()
    {
        var builder = Fixtures.Builder();
        builder.Services.AddSingleton<ConcurrentQueue<string>>();
        builder.Services.AddScoped<RecordingRotation>();
        var app = builder.Build();
        app.MapSecretRotation<RecordingRotation>();
        await using var host = await LambdaTestHost.StartAsync(app);

        foreach (var step in new[] { "createSecret", "setSecret", "testSecret", "finishSecret" })
        {
            var result = await host.InvokeAsync(Rotation(step));
            Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        }

        var log = app.Services.GetRequiredService<ConcurrentQueue<string>>();
        Assert.Equal(["create:1ab23456-cde7-8912-34fg-h56i78j9k12l", "set", "test", "finish"], log);
    }

    [Fact]
    public async Task An_unregistered_handler_class_is_an_init_problem()
    {
        var app = Fixtures.Builder().Build();
        app.MapSecretRotation<RecordingRotation>();

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => LambdaTestHost.StartAsync(app));

        Assert.Contains("RecordingRotation is not registered", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_events_are_not_taken()
    {
        var (host, calls) = await HostAsync();
        await using var _ = host;

        var result = await host.InvokeFileAsync(Fixtures.Sample("cloudformation", "cfn-create-request.json"));

        Assert.Equal(LambdaErrorTypes.NoHandler, result.Error?.ErrorType);
        Assert.Empty(calls);
    }

    [Theory]
    [InlineData("""{"Step":"createSecret","SecretId":"s","ClientRequestToken":"t"}""", true)]
    [InlineData("""{"RotationToken":"r","ClientRequestToken":"t","SecretId":{"Step":1},"Step":"x"}""", true)]
    [InlineData("""{"Step":"createSecret","SecretId":"s"}""", false)]
    [InlineData("""{"Detail":{"Step":"a","SecretId":"s","ClientRequestToken":"t"}}""", false)]
    [InlineData("""{"Step":""", false)]
    [InlineData("", false)]
    public void The_classifier_looks_at_top_level_properties_only(string json, bool expected) =>
        Assert.Equal(expected, SecretRotationClassifier.Instance.Recognises(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void The_classifier_recognises_the_AWS_sample_without_allocating()
    {
        var payload = File.ReadAllBytes(SamplePath);
        Assert.True(SecretRotationClassifier.Instance.Recognises(payload));

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            SecretRotationClassifier.Instance.Recognises(payload);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}

public sealed class RecordingRotation(ConcurrentQueue<string> log) : ISecretRotationHandler
{
    public ValueTask CreateSecretAsync(SecretsManagerRotationEvent rotation, CancellationToken cancellationToken)
    {
        log.Enqueue("create:" + rotation.ClientRequestToken);
        return ValueTask.CompletedTask;
    }

    public ValueTask SetSecretAsync(SecretsManagerRotationEvent rotation, CancellationToken cancellationToken)
    {
        log.Enqueue("set");
        return ValueTask.CompletedTask;
    }

    public ValueTask TestSecretAsync(SecretsManagerRotationEvent rotation, CancellationToken cancellationToken)
    {
        log.Enqueue("test");
        return ValueTask.CompletedTask;
    }

    public ValueTask FinishSecretAsync(SecretsManagerRotationEvent rotation, CancellationToken cancellationToken)
    {
        log.Enqueue("finish");
        return ValueTask.CompletedTask;
    }
}
