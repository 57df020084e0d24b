namespace Lambda.Toolkit.Events.Ses;

/// <summary>The values of <see cref="SesReceiptAction.InvocationType"/>.</summary>
public static class SesInvocationType
{
    /// <summary>Asynchronous: SES does not wait, and the function's answer is ignored. SES's default.</summary>
    public const string Event = "Event";

    /// <summary>Synchronous (SES waits at most 30 seconds): the function answers a <see cref="SesDisposition"/> that steers the rule set.</summary>
    public const string RequestResponse = "RequestResponse";
}
