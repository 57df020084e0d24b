using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.CodeCommit;

/// <summary>What changed in the repository.</summary>
public sealed class CodeCommitData
{
    /// <summary>The references (branches, tags) that changed.</summary>
    [JsonPropertyName("references")]
    public List<CodeCommitReference>? References { get; set; }
}
