using Lambda.Toolkit.Testing.CloudFormation;
using System.Collections.Concurrent;
using Lambda.Toolkit.Events.SecretsManager;
using Lambda.Toolkit.Testing;
using Lambda.Toolkit.Testing.Events;
using Lambda.Toolkit.Triggers.CloudFormation;
using Lambda.Toolkit.Triggers.SecretsManager;

namespace Lambda.Toolkit.Triggers.Tests.CloudFormation;

/// <summary>Events made with the Testing package's builders are taken and handled by the adapters.</summary>
public sealed class BuiltEventTests
{
    [Fact]
    public async Task A_built_create_update_and_delete_are_answered_through_the_response_url()
    {
        await using var server = new CustomResourceResponseListener();
        var app = Fixtures.Builder().Build();
        app.MapCustomResource(
            TriggerTestJson.Default.TestResourceProperties,
            (r, _) => ValueTask.FromResult(new CustomResourceResult("db-" + r.Properties.StackName)),
            (r, _) => ValueTask.FromResult(new CustomResourceResult("db-" + r.Properties.StackName)),
            (_, _) => ValueTask.FromResult(new CustomResourceResult()));
        await using var host = await LambdaTestHost.StartAsync(app);

        var create = await host.InvokeAsync(CloudFormationCustomResourceEventBuilder.Create("Custom::Db", "Db").WithPropertiesJson("""{"StackName":"a"}""").WithResponseUrl(server.ResponseUrl).ToJson());
        var update = await host.InvokeAsync(CloudFormationCustomResourceEventBuilder.Update("Custom::Db", "Db", "db-a")
            .WithPropertiesJson("""{"StackName":"b"}""").WithOldPropertiesJson("""{"StackName":"a"}""").WithResponseUrl(server.ResponseUrl).ToJson());
        var delete = await host.InvokeAsync(CloudFormationCustomResourceEventBuilder.Delete("Custom::Db", "Db", "db-a").WithResponseUrl(server.ResponseUrl).ToJson());

        Assert.True(create.IsSuccess && update.IsSuccess && delete.IsSuccess);
        Assert.Equal(["db-a", "db-b", "db-a"], server.Received.Select(u => u.PhysicalResourceId));
        Assert.All(server.Received, u => Assert.Equal("SUCCESS", u.Status));
    }

    [Fact]
    public async Task A_built_rotation_runs_each_step_with_the_same_tokens()
    {
        var seen = new ConcurrentQueue<SecretsManagerRotationEvent>();
        ValueTask Record(SecretsManagerRotationEvent e, CancellationToken _)
        {
            seen.Enqueue(e);
            return ValueTask.CompletedTask;
        }

        var app = Fixtures.Builder().Build();
        app.MapSecretRotation(Record, Record, Record, Record);
        await using var host = await LambdaTestHost.StartAsync(app);
        var builder = new SecretRotationEventBuilder("prod/db");

        foreach (var step in new[] { "createSecret", "setSecret", "testSecret", "finishSecret" })
        {
            Assert.True((await host.InvokeAsync(builder.ForStep(step).ToJson())).IsSuccess);
        }

        Assert.Equal(["createSecret", "setSecret", "testSecret", "finishSecret"], seen.Select(e => e.Step));
        Assert.Single(seen.Select(e => e.ClientRequestToken).Distinct());
    }
}
