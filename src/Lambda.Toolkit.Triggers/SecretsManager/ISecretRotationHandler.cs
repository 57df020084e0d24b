using Lambda.Toolkit.Events.SecretsManager;

namespace Lambda.Toolkit.Triggers.SecretsManager;

/// <summary>
/// Rotates a secret, one method per step. Secrets Manager invokes the function four times per rotation, in this
/// order, each time with the same <see cref="SecretsManagerRotationEvent.ClientRequestToken"/> (the id of the new
/// version); returning completes the step, throwing fails the rotation (Secrets Manager retries it later and the
/// secret keeps its current value). Every step may be run again: make each one idempotent. Resolved from the
/// invocation's scope, so register it (<c>builder.Services.AddScoped&lt;MyRotation&gt;()</c>).
/// </summary>
/// <remarks>
/// The calls below are the Secrets Manager API operations a step typically makes (the toolkit ships no SDK
/// interface: use <c>AWSSDK.SecretsManager</c> or any client).
/// </remarks>
public interface ISecretRotationHandler
{
    /// <summary>
    /// <c>createSecret</c>: make the new value and store it as the pending version. Typically
    /// <c>DescribeSecret</c> (check rotation is enabled and the token is a version staged <c>AWSPENDING</c>),
    /// <c>GetSecretValue</c> with <c>VersionStage=AWSCURRENT</c>, then <c>GetSecretValue</c> with
    /// <c>VersionId=ClientRequestToken</c> and <c>VersionStage=AWSPENDING</c>: if that already exists, the step was
    /// done; otherwise <c>GetRandomPassword</c> and <c>PutSecretValue</c> with <c>ClientRequestToken</c> and
    /// <c>VersionStages=[AWSPENDING]</c> (and the event's <c>RotationToken</c>, which Secrets Manager uses to check a caller that assumed a role; never log it).
    /// </summary>
    /// <param name="rotation">The secret and the pending version's token.</param>
    /// <param name="cancellationToken">Fires before the deadline.</param>
    /// <returns>A task that completes when the step is done.</returns>
    ValueTask CreateSecretAsync(SecretsManagerRotationEvent rotation, CancellationToken cancellationToken);

    /// <summary>
    /// <c>setSecret</c>: give the pending value to the database or service the secret is for. Typically
    /// <c>GetSecretValue</c> with <c>VersionStage=AWSPENDING</c> (and <c>AWSCURRENT</c> to log in), then the service's own
    /// call (for example <c>ALTER USER ... PASSWORD</c>).
    /// </summary>
    /// <param name="rotation">The secret and the pending version's token.</param>
    /// <param name="cancellationToken">Fires before the deadline.</param>
    /// <returns>A task that completes when the step is done.</returns>
    ValueTask SetSecretAsync(SecretsManagerRotationEvent rotation, CancellationToken cancellationToken);

    /// <summary>
    /// <c>testSecret</c>: check that the pending value works. Typically <c>GetSecretValue</c> with
    /// <c>VersionStage=AWSPENDING</c>, then log in to the service with it; throw if it does not work.
    /// </summary>
    /// <param name="rotation">The secret and the pending version's token.</param>
    /// <param name="cancellationToken">Fires before the deadline.</param>
    /// <returns>A task that completes when the step is done.</returns>
    ValueTask TestSecretAsync(SecretsManagerRotationEvent rotation, CancellationToken cancellationToken);

    /// <summary>
    /// <c>finishSecret</c>: make the pending version current. Typically <c>DescribeSecret</c> (find the version that holds
    /// <c>AWSCURRENT</c>; if it is already the token's, the step was done), then <c>UpdateSecretVersionStage</c> with
    /// <c>VersionStage=AWSCURRENT</c>, <c>MoveToVersionId=ClientRequestToken</c> and <c>RemoveFromVersionId</c> the old
    /// current version. Secrets Manager removes <c>AWSPENDING</c> afterwards.
    /// </summary>
    /// <param name="rotation">The secret and the pending version's token.</param>
    /// <param name="cancellationToken">Fires before the deadline.</param>
    /// <returns>A task that completes when the step is done.</returns>
    ValueTask FinishSecretAsync(SecretsManagerRotationEvent rotation, CancellationToken cancellationToken);
}
