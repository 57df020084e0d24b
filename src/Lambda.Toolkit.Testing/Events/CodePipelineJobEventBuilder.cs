using System.Text.Json;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.CodePipeline;

namespace Lambda.Toolkit.Testing.Events;

/// <summary>
/// Builds the event AWS CodePipeline sends the function of a Lambda invoke action: a random job id, the builder's
/// account, the action's configuration, its artifacts in an artifact bucket of the builder's region, and fake
/// temporary credentials.
/// </summary>
/// <example>
/// <code>
/// var json = new CodePipelineJobEventBuilder("""{"stage":"prod"}""")
///     .WithInputArtifact("SourceOutput", "my-pipeline/SourceOutp/abc123")
///     .WithOutputArtifact("BuildOutput", "my-pipeline/BuildOutpu/def456")
///     .ToJson();
/// </code>
/// </example>
public sealed class CodePipelineJobEventBuilder
{
    private const string UpperAlphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string KeyAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+";

    private readonly string? _userParameters;
    private readonly List<CodePipelineArtifact> _inputs = [];
    private readonly List<CodePipelineArtifact> _outputs = [];
    private readonly string _bucket = $"codepipeline-{EventDefaults.Region}-{EventIds.DecimalDigits(12)}";
    private string _functionName = "my-function";
    private string _accountId = EventDefaults.AccountId;
    private string? _continuationToken;
    private string? _encryptionKeyId;

    /// <summary>Starts an event.</summary>
    /// <param name="userParameters">The action's <c>UserParameters</c>; none when null.</param>
    public CodePipelineJobEventBuilder(string? userParameters = null) => _userParameters = userParameters;

    /// <summary>Sets the function the action invokes. Default: <c>my-function</c>.</summary>
    /// <param name="functionName">The function's name.</param>
    /// <returns>This builder.</returns>
    public CodePipelineJobEventBuilder ForFunction(string functionName)
    {
        ArgumentException.ThrowIfNullOrEmpty(functionName);
        _functionName = functionName;
        return this;
    }

    /// <summary>Adds an input artifact in the pipeline's artifact bucket.</summary>
    /// <param name="name">The artifact's name.</param>
    /// <param name="objectKey">The object's key.</param>
    /// <param name="revision">The source revision; a random commit id when null.</param>
    /// <returns>This builder.</returns>
    public CodePipelineJobEventBuilder WithInputArtifact(string name, string objectKey, string? revision = null)
    {
        _inputs.Add(Artifact(name, objectKey, revision ?? EventIds.Hex32() + EventIds.Hex32()[..8]));
        return this;
    }

    /// <summary>Adds an output artifact in the pipeline's artifact bucket.</summary>
    /// <param name="name">The artifact's name.</param>
    /// <param name="objectKey">The object's key.</param>
    /// <returns>This builder.</returns>
    public CodePipelineJobEventBuilder WithOutputArtifact(string name, string objectKey)
    {
        _outputs.Add(Artifact(name, objectKey, null));
        return this;
    }

    /// <summary>Sets the continuation token a previous run returned. Default: none (a first run).</summary>
    /// <param name="continuationToken">The token.</param>
    /// <returns>This builder.</returns>
    public CodePipelineJobEventBuilder WithContinuationToken(string continuationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(continuationToken);
        _continuationToken = continuationToken;
        return this;
    }

    /// <summary>Sets the KMS key that encrypts the artifacts. Default: none.</summary>
    /// <param name="keyId">The key's id or ARN.</param>
    /// <returns>This builder.</returns>
    public CodePipelineJobEventBuilder WithEncryptionKey(string keyId)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        _encryptionKeyId = keyId;
        return this;
    }

    /// <summary>Sets the account id. Default: <c>123456789012</c>.</summary>
    /// <param name="accountId">The account id.</param>
    /// <returns>This builder.</returns>
    public CodePipelineJobEventBuilder InAccount(string accountId)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        _accountId = accountId;
        return this;
    }

    /// <summary>Builds the event.</summary>
    /// <returns>A new event.</returns>
    public CodePipelineJobEvent Build() => new()
    {
        Job = new CodePipelineJob
        {
            Id = EventIds.Uuid(),
            AccountId = _accountId,
            Data = new CodePipelineJobData
            {
                ActionConfiguration = new CodePipelineActionConfiguration
                {
                    Configuration = new CodePipelineLambdaConfiguration { FunctionName = _functionName, UserParameters = _userParameters },
                },
                InputArtifacts = [.. _inputs],
                OutputArtifacts = [.. _outputs],
                ArtifactCredentials = new CodePipelineArtifactCredentials
                {
                    AccessKeyId = "ASIA" + EventIds.Random(UpperAlphanumeric, 16),
                    SecretAccessKey = EventIds.Random(KeyAlphabet, 40),
                    SessionToken = EventIds.Random(KeyAlphabet, 120),
                },
                ContinuationToken = _continuationToken,
                EncryptionKey = _encryptionKeyId is null ? null : new CodePipelineEncryptionKey { Id = _encryptionKeyId, Type = "KMS" },
            },
        },
    };

    /// <summary>Builds the event and serializes it with <see cref="CodePipelineJsonContext"/>.</summary>
    /// <returns>UTF-8 JSON, ready for <c>LambdaTestHost.InvokeAsync</c>.</returns>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(Build(), CodePipelineJsonContext.Default.CodePipelineJobEvent);

    private CodePipelineArtifact Artifact(string name, string objectKey, string? revision)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(objectKey);
        return new CodePipelineArtifact
        {
            Name = name,
            Location = new CodePipelineArtifactLocation { Type = "S3", S3Location = new CodePipelineS3Location { BucketName = _bucket, ObjectKey = objectKey } },
            Revision = revision,
        };
    }
}
