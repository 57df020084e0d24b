using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.CodeCommit;

/// <summary>A reference that changed and the commit it now points to.</summary>
public sealed class CodeCommitReference
{
    /// <summary>The commit's id.</summary>
    [JsonPropertyName("commit")]
    public string? Commit { get; set; }

    /// <summary>The full reference name, for example <c>refs/heads/main</c>.</summary>
    [JsonPropertyName("ref")]
    public string? Ref { get; set; }

    /// <summary><see langword="true"/> when the push created the reference; absent otherwise.</summary>
    [JsonPropertyName("created")]
    public bool? Created { get; set; }

    /// <summary><see langword="true"/> when the push deleted the reference; absent otherwise.</summary>
    [JsonPropertyName("deleted")]
    public bool? Deleted { get; set; }
}
