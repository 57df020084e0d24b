using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.CodeCommit;

/// <summary>The event an AWS CodeCommit repository trigger sends: one record per push event, usually one.</summary>
public sealed class CodeCommitEvent
{
    /// <summary>The records.</summary>
    [JsonPropertyName("Records")]
    public List<CodeCommitRecord>? Records { get; set; }
}
