using Lambda.Toolkit.Triggers.CloudFormation;

namespace PlatformHooks;

/// <summary>
/// The <c>Custom::Tenant</c> resource: provisions a tenant in the registry and answers its attributes. A property
/// that is missing or wrong throws, which the toolkit answers <c>FAILED</c> with the message as the reason, so the
/// stack shows why.
/// </summary>
public sealed class TenantResource(ITenantRegistry registry) : ICustomResourceHandler<TenantProperties>
{
    /// <summary>The plans a tenant can have.</summary>
    public static readonly IReadOnlyList<string> Plans = ["free", "team", "enterprise"];

    private const string PhysicalIdPrefix = "tenant-";

    public ValueTask<CustomResourceResult> CreateAsync(CustomResourceRequest<TenantProperties> request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Provision(request.Properties));

    /// <summary>A new <c>TenantId</c> is a new tenant (a replacement: CloudFormation then deletes the old one); otherwise the plan changes.</summary>
    public ValueTask<CustomResourceResult> UpdateAsync(CustomResourceRequest<TenantProperties> request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Provision(request.Properties));

    /// <summary>Removes the tenant named by the physical id; one that is already gone is a success.</summary>
    public ValueTask<CustomResourceResult> DeleteAsync(CustomResourceRequest<TenantProperties> request, CancellationToken cancellationToken)
    {
        if (request.PhysicalResourceId is { } id && id.StartsWith(PhysicalIdPrefix, StringComparison.Ordinal))
        {
            registry.Remove(id[PhysicalIdPrefix.Length..]);
        }

        return ValueTask.FromResult(new CustomResourceResult());
    }

    private CustomResourceResult Provision(TenantProperties properties)
    {
        var (tenantId, plan) = Validate(properties);
        var tenant = registry.Provision(tenantId, plan, properties.AdminEmail);
        return Result(tenant);
    }

    private static CustomResourceResult Result(Tenant tenant) => CustomResourceResult.WithData(
        PhysicalIdPrefix + tenant.Id,
        new TenantOutputs(tenant.Id, tenant.Plan, $"/tenants/{tenant.Id}"),
        PlatformHooksJsonContext.Default.TenantOutputs);

    private static (string TenantId, string Plan) Validate(TenantProperties properties)
    {
        var tenantId = properties.TenantId;
        if (string.IsNullOrEmpty(tenantId) || tenantId.Length is < 3 or > 32 || !IsSlug(tenantId))
        {
            throw new ArgumentException($"TenantId must be 3 to 32 lowercase letters, digits or '-', starting with a letter (got '{tenantId}').");
        }

        var plan = properties.Plan ?? "free";
        if (!Plans.Contains(plan, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Plan must be one of {string.Join(", ", Plans)} (got '{plan}').");
        }

        return (tenantId, plan);
    }

    private static bool IsSlug(string value)
    {
        if (!char.IsAsciiLetterLower(value[0]))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }
}
