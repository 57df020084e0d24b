using System.Collections.Concurrent;
using System.Text.Json.Serialization;

namespace PlatformHooks;

/// <summary>The properties of a <c>Custom::Tenant</c> resource in a template. CloudFormation sends every scalar as a string.</summary>
public sealed class TenantProperties
{
    [JsonPropertyName("TenantId")]
    public string? TenantId { get; set; }

    [JsonPropertyName("Plan")]
    public string? Plan { get; set; }

    [JsonPropertyName("AdminEmail")]
    public string? AdminEmail { get; set; }
}

/// <summary>The attributes a template reads with <c>!GetAtt Tenant.TenantId</c>, <c>.Plan</c>, <c>.ApiBasePath</c>.</summary>
public sealed record TenantOutputs(
    [property: JsonPropertyName("TenantId")] string TenantId,
    [property: JsonPropertyName("Plan")] string Plan,
    [property: JsonPropertyName("ApiBasePath")] string ApiBasePath);

/// <summary>A provisioned tenant.</summary>
public sealed record Tenant(string Id, string Plan, string? AdminEmail);

/// <summary>Where tenants are provisioned.</summary>
public interface ITenantRegistry
{
    /// <summary>Creates the tenant, or updates it if it exists (so a retried request does the same thing again).</summary>
    Tenant Provision(string tenantId, string plan, string? adminEmail);

    /// <summary>Removes the tenant; false when it was not there.</summary>
    bool Remove(string tenantId);

    Tenant? Find(string tenantId);

    IReadOnlyCollection<Tenant> Tenants { get; }
}

/// <summary>
/// An in-memory registry, for the sample: it lives as long as the execution environment. A real one would call the
/// tenant service or write a DynamoDB table here, through a client registered as a singleton.
/// </summary>
public sealed class InMemoryTenantRegistry : ITenantRegistry
{
    private readonly ConcurrentDictionary<string, Tenant> _tenants = new(StringComparer.Ordinal);

    public IReadOnlyCollection<Tenant> Tenants => [.. _tenants.Values];

    public Tenant Provision(string tenantId, string plan, string? adminEmail) =>
        _tenants[tenantId] = new Tenant(tenantId, plan, adminEmail);

    public bool Remove(string tenantId) => _tenants.TryRemove(tenantId, out _);

    public Tenant? Find(string tenantId) => _tenants.GetValueOrDefault(tenantId);
}
