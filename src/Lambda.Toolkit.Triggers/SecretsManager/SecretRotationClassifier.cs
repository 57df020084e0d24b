namespace Lambda.Toolkit.Triggers.SecretsManager;

/// <summary>Recognises a Secrets Manager rotation request: top-level <c>Step</c>, <c>SecretId</c> and <c>ClientRequestToken</c>.</summary>
internal static class SecretRotationClassifier
{
    /// <summary>The one instance every rotation adapter shares.</summary>
    public static readonly TopLevelPropertiesClassifier Instance = new("Step", "SecretId", "ClientRequestToken");
}
