using Microsoft.Extensions.Configuration;

namespace PlatformHooks;

/// <summary>Which sign-ups are confirmed without a verification code: those whose email is in an allowed domain.</summary>
public sealed class SignUpPolicy
{
    /// <summary>The configuration key (environment variable <c>PlatformHooks__AllowedEmailDomains</c>).</summary>
    public const string AllowedEmailDomainsKey = "PlatformHooks:AllowedEmailDomains";

    /// <summary>The domains allowed when none are configured: <c>example.com</c>, which nobody can receive mail for.</summary>
    public const string DefaultAllowedEmailDomains = "example.com";

    private readonly HashSet<string> _domains = new(StringComparer.OrdinalIgnoreCase);

    public SignUpPolicy(IConfiguration configuration)
    {
        var configured = configuration[AllowedEmailDomainsKey] ?? DefaultAllowedEmailDomains;
        foreach (var domain in configured.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (domain.Contains('@', StringComparison.Ordinal) || domain.StartsWith('.') || !domain.Contains('.', StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{AllowedEmailDomainsKey}: '{domain}' is not a domain name (expected for example 'example.com', without '@').");
            }

            _domains.Add(domain);
        }
    }

    public IReadOnlyCollection<string> AllowedDomains => _domains;

    /// <summary>
    /// Whether <paramref name="email"/> is an address of an allowed domain. The whole domain must match
    /// (case-insensitively): <c>ada@example.com</c> is allowed, <c>ada@mail.example.com</c> and <c>ada@notexample.com</c> are not.
    /// </summary>
    public bool IsAllowed(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return false;
        }

        var at = email.LastIndexOf('@');
        return at > 0 && at < email.Length - 1 && _domains.Contains(email[(at + 1)..].Trim());
    }
}
