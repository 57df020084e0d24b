using System.Text.Json;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.SecretsManager;

namespace Lambda.Toolkit.Testing.Events;

/// <summary>
/// Builds a Secrets Manager rotation request as Secrets Manager sends it: the step, the secret's ARN (with the
/// six-character suffix Secrets Manager adds to names), a UUID client request token and a rotation token.
/// </summary>
/// <example>
/// <code>
/// var builder = new SecretRotationEventBuilder("prod/orders-db");
/// foreach (var step in new[] { "createSecret", "setSecret", "testSecret", "finishSecret" })
/// {
///     await host.InvokeAsync(builder.ForStep(step).ToJson());   // one rotation: the same tokens each step
/// }
/// </code>
/// </example>
public sealed class SecretRotationEventBuilder
{
    private const string SuffixAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private readonly string _secretName;
    private readonly string _suffix = EventIds.Random(SuffixAlphabet, 6);
    private string _step = SecretsManagerRotationSteps.CreateSecret;
    private string _clientRequestToken = EventIds.Uuid();
    private string? _rotationToken = EventIds.Uuid();
    private string _region = EventDefaults.Region;
    private string _accountId = EventDefaults.AccountId;

    /// <summary>Starts a rotation of a secret; the step is <c>createSecret</c> until <see cref="ForStep"/> says otherwise.</summary>
    /// <param name="secretName">The secret's name (its ARN is made from it), or a full secret ARN kept as is.</param>
    public SecretRotationEventBuilder(string secretName = "test-secret")
    {
        ArgumentException.ThrowIfNullOrEmpty(secretName);
        _secretName = secretName;
    }

    /// <summary>Sets the step: <c>createSecret</c>, <c>setSecret</c>, <c>testSecret</c> or <c>finishSecret</c> (any other value builds an event a rotation function must refuse).</summary>
    /// <param name="step">The step.</param>
    /// <returns>This builder.</returns>
    public SecretRotationEventBuilder ForStep(string step)
    {
        ArgumentException.ThrowIfNullOrEmpty(step);
        _step = step;
        return this;
    }

    /// <summary>Sets the client request token (the pending version's id). Default: a new UUID per builder, kept for every step.</summary>
    /// <param name="token">The token.</param>
    /// <returns>This builder.</returns>
    public SecretRotationEventBuilder WithClientRequestToken(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        _clientRequestToken = token;
        return this;
    }

    /// <summary>Sets the rotation token, or leaves it out with <see langword="null"/> (as older rotations send). Default: a new UUID per builder.</summary>
    /// <param name="token">The token, or <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    public SecretRotationEventBuilder WithRotationToken(string? token)
    {
        _rotationToken = token;
        return this;
    }

    /// <summary>Sets the region. Default: <c>us-east-1</c>.</summary>
    /// <param name="region">The region name.</param>
    /// <returns>This builder.</returns>
    public SecretRotationEventBuilder InRegion(string region)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        _region = region;
        return this;
    }

    /// <summary>Sets the account id. Default: <c>123456789012</c>.</summary>
    /// <param name="accountId">The 12-digit account id.</param>
    /// <returns>This builder.</returns>
    public SecretRotationEventBuilder InAccount(string accountId)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        _accountId = accountId;
        return this;
    }

    /// <summary>Builds the request.</summary>
    /// <returns>A new request.</returns>
    public SecretsManagerRotationEvent Build() => new()
    {
        Step = _step,
        SecretId = _secretName.StartsWith("arn:", StringComparison.Ordinal)
            ? _secretName
            : $"arn:aws:secretsmanager:{_region}:{_accountId}:secret:{_secretName}-{_suffix}",
        ClientRequestToken = _clientRequestToken,
        RotationToken = _rotationToken,
    };

    /// <summary>Builds the request and serializes it with <see cref="SecretsManagerJsonContext"/>.</summary>
    /// <returns>The request as UTF-8 JSON, ready for <c>LambdaTestHost.InvokeAsync</c>.</returns>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(Build(), SecretsManagerJsonContext.Default.SecretsManagerRotationEvent);
}
