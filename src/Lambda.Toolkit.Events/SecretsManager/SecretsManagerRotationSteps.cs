namespace Lambda.Toolkit.Events.SecretsManager;

/// <summary>The values of <see cref="SecretsManagerRotationEvent.Step"/>, in the order Secrets Manager runs them.</summary>
public static class SecretsManagerRotationSteps
{
    /// <summary>Create the new secret value and store it as the <c>AWSPENDING</c> version.</summary>
    public const string CreateSecret = "createSecret";

    /// <summary>Set the pending value in the database or service the secret is for.</summary>
    public const string SetSecret = "setSecret";

    /// <summary>Check that the pending value works against the database or service.</summary>
    public const string TestSecret = "testSecret";

    /// <summary>Move the <c>AWSCURRENT</c> label to the pending version.</summary>
    public const string FinishSecret = "finishSecret";
}
