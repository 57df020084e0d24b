using System.Text.Json;
using System.Text.Json.Nodes;
using Lambda.Toolkit.Testing.CloudFormation;
using Microsoft.Extensions.DependencyInjection;

namespace PlatformHooks.Tests;

/// <summary>The custom resource answers by PUT to the request's ResponseURL: here a real listener on 127.0.0.1.</summary>
public sealed class TenantResourceTests : IAsyncLifetime
{
    private readonly CustomResourceResponseListener _listener = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _listener.DisposeAsync();

    [Fact]
    public async Task The_bundled_create_provisions_the_tenant_and_PUTs_SUCCESS_with_its_attributes()
    {
        await using var function = await Function.StartAsync();

        var result = await function.Host.InvokeAsync(Retarget("custom-resource-create.json"));

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        var (method, path, body) = await SingleAsync();
        Assert.Equal("PUT", method);
        Assert.StartsWith("/cloudformation-custom-resource-response/", path, StringComparison.Ordinal);
        Assert.Contains("X-Amz-Signature=", path, StringComparison.Ordinal);   // the pre-signed query is kept as sent
        Assert.Equal("SUCCESS", body.GetProperty("Status").GetString());
        Assert.Equal("tenant-acme", body.GetProperty("PhysicalResourceId").GetString());
        Assert.Equal("7d0f6c2e-8a4b-4c1d-9e2f-3a5b6c7d8e9f", body.GetProperty("RequestId").GetString());
        Assert.Equal("AcmeTenant", body.GetProperty("LogicalResourceId").GetString());
        Assert.Equal("arn:aws:cloudformation:eu-west-1:123456789012:stack/platform-hooks/5b3c8e40-4f1a-11ef-9c2d-0a1b2c3d4e5f", body.GetProperty("StackId").GetString());
        Assert.Equal("""{"TenantId":"acme","Plan":"team","ApiBasePath":"/tenants/acme"}""", body.GetProperty("Data").GetRawText());
        var tenant = Assert.Single(function.Services.GetRequiredService<ITenantRegistry>().Tenants);
        Assert.Equal(new Tenant("acme", "team", "ada@example.com"), tenant);
    }

    [Theory]
    [InlineData("TenantId", "Acme", "TenantId must be 3 to 32 lowercase letters")]
    [InlineData("TenantId", null, "TenantId must be 3 to 32 lowercase letters")]
    [InlineData("Plan", "platinum", "Plan must be one of free, team, enterprise (got 'platinum')")]
    public async Task Wrong_properties_PUT_FAILED_with_the_reason_and_provision_nothing(string property, string? value, string reason)
    {
        await using var function = await Function.StartAsync();

        var result = await function.Host.InvokeAsync(Retarget("custom-resource-create.json", e => e["ResourceProperties"]![property] = value));

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);   // answered FAILED: Lambda must not run it again
        var (_, _, body) = await SingleAsync();
        Assert.Equal("FAILED", body.GetProperty("Status").GetString());
        Assert.Contains(reason, body.GetProperty("Reason").GetString(), StringComparison.Ordinal);
        Assert.Empty(function.Services.GetRequiredService<ITenantRegistry>().Tenants);
    }

    [Fact]
    public async Task An_update_changes_the_plan_a_new_id_replaces_the_tenant_and_a_delete_removes_it()
    {
        await using var function = await Function.StartAsync();
        var registry = function.Services.GetRequiredService<ITenantRegistry>();
        await function.Host.InvokeAsync(Retarget("custom-resource-create.json"));

        await function.Host.InvokeAsync(Retarget("custom-resource-create.json", e => Update(e, "acme", "enterprise")));
        Assert.Equal("enterprise", registry.Find("acme")!.Plan);

        await function.Host.InvokeAsync(Retarget("custom-resource-create.json", e => Update(e, "acme-eu", "team")));
        await function.Host.InvokeAsync(Retarget("custom-resource-create.json", e =>
        {
            e["RequestType"] = "Delete";
            e["PhysicalResourceId"] = "tenant-acme";
        }));

        var answers = _listener.Received.ToArray();
        Assert.Equal(4, answers.Length);
        Assert.All(answers, a => Assert.Equal("SUCCESS", a.Status));
        Assert.Equal(["tenant-acme", "tenant-acme", "tenant-acme-eu", "tenant-acme"], answers.Select(a => a.PhysicalResourceId));
        Assert.Equal(["acme-eu"], registry.Tenants.Select(t => t.Id));
    }

    /// <summary>A bundled event, changed, with its ResponseURL moved to the listener.</summary>
    private string Retarget(string eventFile, Action<JsonObject>? change = null)
    {
        var node = JsonNode.Parse(File.ReadAllText(Function.Event(eventFile)))!.AsObject();
        change?.Invoke(node);
        return _listener.Retarget(node.ToJsonString());
    }

    /// <summary>The one upload the function made: method, path and query, body.</summary>
    private async Task<(string Method, string Path, JsonElement Body)> SingleAsync()
    {
        await _listener.WaitForUploadAsync();
        var upload = Assert.Single(_listener.Received);
        return (upload.Method, upload.PathAndQuery, JsonDocument.Parse(upload.Body).RootElement);
    }

    private static void Update(JsonObject request, string tenantId, string plan)
    {
        request["RequestType"] = "Update";
        request["PhysicalResourceId"] = "tenant-acme";
        request["OldResourceProperties"] = request["ResourceProperties"]!.DeepClone();
        request["ResourceProperties"]!["TenantId"] = tenantId;
        request["ResourceProperties"]!["Plan"] = plan;
    }
}
