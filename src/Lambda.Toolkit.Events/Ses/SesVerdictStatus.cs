namespace Lambda.Toolkit.Events.Ses;

/// <summary>The values of <see cref="SesVerdict.Status"/>. The status stays a string so that a value SES adds later still reads.</summary>
public static class SesVerdictStatus
{
    /// <summary>The check passed.</summary>
    public const string Pass = "PASS";

    /// <summary>The check failed.</summary>
    public const string Fail = "FAIL";

    /// <summary>SES could not tell.</summary>
    public const string Gray = "GRAY";

    /// <summary>SES could not run the check.</summary>
    public const string ProcessingFailed = "PROCESSING_FAILED";

    /// <summary>The check is turned off for the receipt rule.</summary>
    public const string Disabled = "DISABLED";
}
