namespace Lambda.Toolkit.Triggers.CodeCommit;

/// <summary>The <c>errorType</c>s the CodeCommit adapter reports.</summary>
public static class CodeCommitErrorTypes
{
    /// <summary>One or more records' handlers failed; the message names each.</summary>
    public const string RecordsFailed = "CodeCommitRecordsFailed";
}
