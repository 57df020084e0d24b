using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace PlatformHooks;

/// <summary>
/// Checks a caller's token against the configured API keys. Each key belongs to a client, which becomes the
/// caller's principal id. Tokens are compared without early exit and never logged.
/// </summary>
/// <remarks>
/// The keys come from configuration, <c>PlatformHooks__ApiKeys=orders-app=token1,reporting=token2</c>; template.yaml
/// sets it from a NoEcho parameter. There is no default: with no keys configured every call is refused. (A real
/// deployment would rather keep the keys in Secrets Manager and read them at init.)
/// </remarks>
public sealed class TokenValidator
{
    /// <summary>The configuration key (environment variable <c>PlatformHooks__ApiKeys</c>).</summary>
    public const string ApiKeysKey = "PlatformHooks:ApiKeys";

    private const int MinimumTokenLength = 16;
    private const string BearerPrefix = "Bearer ";

    private readonly List<(string Client, byte[] Token)> _keys = [];

    public TokenValidator(IConfiguration configuration)
    {
        var configured = configuration[ApiKeysKey] ?? string.Empty;
        var index = 0;
        foreach (var entry in configured.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            index++;
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            var client = equals > 0 ? entry[..equals].Trim() : string.Empty;
            var token = equals > 0 ? entry[(equals + 1)..].Trim() : string.Empty;
            // The message names the entry by position and client only: the token is a secret.
            if (client.Length == 0 || token.Length < MinimumTokenLength)
            {
                throw new InvalidOperationException(
                    $"{ApiKeysKey}: entry {index} is not client=token with a token of at least {MinimumTokenLength} characters.");
            }

            _keys.Add((client, Encoding.UTF8.GetBytes(token)));
        }
    }

    /// <summary>How many keys are configured.</summary>
    public int Count => _keys.Count;

    /// <summary>
    /// Finds the client whose key is <paramref name="authorizationToken"/> (the header's value, with or without a
    /// <c>Bearer </c> prefix).
    /// </summary>
    public bool TryValidate(string? authorizationToken, [NotNullWhen(true)] out string? client)
    {
        client = null;
        if (string.IsNullOrWhiteSpace(authorizationToken))
        {
            return false;
        }

        var token = authorizationToken.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            ? authorizationToken[BearerPrefix.Length..].Trim()
            : authorizationToken.Trim();
        var presented = Encoding.UTF8.GetBytes(token);
        foreach (var (name, expected) in _keys)
        {
            // Every key is compared, each in constant time for its length, so the time taken tells neither which key
            // matched nor how much of one a guess got right.
            if (CryptographicOperations.FixedTimeEquals(presented, expected))
            {
                client ??= name;
            }
        }

        return client is not null;
    }
}
