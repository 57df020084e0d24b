using Lambda.Toolkit.Events.SecretsManager;
using Lambda.Toolkit.Triggers.SecretsManager;
using Microsoft.Extensions.Logging;

namespace PlatformHooks;

/// <summary>
/// Rotation of a database's credentials, one step per invocation. <b>This sample makes no AWS call</b>: the package
/// registry this repository builds from serves no <c>AWSSDK.SecretsManager</c>, so each step logs the Secrets
/// Manager calls it would make, in order, and the comment in each step shows them with that SDK. Deployed as it is,
/// a rotation "succeeds" without changing the secret: add <c>AWSSDK.SecretsManager</c>, register an
/// <c>IAmazonSecretsManager</c> singleton, and make those calls before you rely on it.
/// </summary>
/// <remarks>
/// Every step may run again (Lambda retries, Secrets Manager retries a failed rotation): each call below is chosen so
/// that running a step twice does the same as running it once. The <c>RotationToken</c> is never logged.
/// </remarks>
public sealed partial class DatabaseCredentialsRotation(ILogger<DatabaseCredentialsRotation> logger) : ISecretRotationHandler
{
    public ValueTask CreateSecretAsync(SecretsManagerRotationEvent rotation, CancellationToken cancellationToken)
    {
        // await client.DescribeSecretAsync(new() { SecretId = rotation.SecretId }, ct);
        //     rotation enabled, and ClientRequestToken is a version staged AWSPENDING, else throw
        // await client.GetSecretValueAsync(new() { SecretId = rotation.SecretId, VersionStage = "AWSCURRENT" }, ct);
        // await client.GetSecretValueAsync(new() { SecretId = rotation.SecretId, VersionId = rotation.ClientRequestToken, VersionStage = "AWSPENDING" }, ct);
        //     found: the step was done, return; ResourceNotFoundException: go on
        // var password = await client.GetRandomPasswordAsync(new() { PasswordLength = 32, ExcludeCharacters = "/@\"'\\" }, ct);
        // await client.PutSecretValueAsync(new() { SecretId = rotation.SecretId, ClientRequestToken = rotation.ClientRequestToken,
        //     SecretString = current with password.RandomPassword, VersionStages = ["AWSPENDING"], RotationToken = rotation.RotationToken }, ct);
        LogStep(logger, rotation.Step, rotation.SecretId, rotation.ClientRequestToken,
            "DescribeSecret, GetSecretValue(AWSCURRENT), GetSecretValue(VersionId=token, AWSPENDING), GetRandomPassword, PutSecretValue(ClientRequestToken=token, VersionStages=[AWSPENDING])");
        return ValueTask.CompletedTask;
    }

    public ValueTask SetSecretAsync(SecretsManagerRotationEvent rotation, CancellationToken cancellationToken)
    {
        // var pending = await client.GetSecretValueAsync(new() { SecretId = rotation.SecretId, VersionId = rotation.ClientRequestToken, VersionStage = "AWSPENDING" }, ct);
        // var current = await client.GetSecretValueAsync(new() { SecretId = rotation.SecretId, VersionStage = "AWSCURRENT" }, ct);
        // then, with the current credentials, on the database: ALTER USER <user> WITH PASSWORD <pending password>
        LogStep(logger, rotation.Step, rotation.SecretId, rotation.ClientRequestToken,
            "GetSecretValue(VersionId=token, AWSPENDING), GetSecretValue(AWSCURRENT), then the database's ALTER USER ... PASSWORD");
        return ValueTask.CompletedTask;
    }

    public ValueTask TestSecretAsync(SecretsManagerRotationEvent rotation, CancellationToken cancellationToken)
    {
        // var pending = await client.GetSecretValueAsync(new() { SecretId = rotation.SecretId, VersionId = rotation.ClientRequestToken, VersionStage = "AWSPENDING" }, ct);
        // then open a connection to the database with the pending credentials and run SELECT 1; throw if it fails
        LogStep(logger, rotation.Step, rotation.SecretId, rotation.ClientRequestToken,
            "GetSecretValue(VersionId=token, AWSPENDING), then a database login with it");
        return ValueTask.CompletedTask;
    }

    public ValueTask FinishSecretAsync(SecretsManagerRotationEvent rotation, CancellationToken cancellationToken)
    {
        // var secret = await client.DescribeSecretAsync(new() { SecretId = rotation.SecretId }, ct);
        //     the version holding AWSCURRENT; if it is ClientRequestToken already, the step was done
        // await client.UpdateSecretVersionStageAsync(new() { SecretId = rotation.SecretId, VersionStage = "AWSCURRENT",
        //     MoveToVersionId = rotation.ClientRequestToken, RemoveFromVersionId = currentVersionId }, ct);
        LogStep(logger, rotation.Step, rotation.SecretId, rotation.ClientRequestToken,
            "DescribeSecret, UpdateSecretVersionStage(AWSCURRENT, MoveToVersionId=token, RemoveFromVersionId=current)");
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rotation step {Step} of {SecretId}, version {ClientRequestToken}: would call {Calls}")]
    private static partial void LogStep(ILogger logger, string? step, string? secretId, string? clientRequestToken, string calls);
}
