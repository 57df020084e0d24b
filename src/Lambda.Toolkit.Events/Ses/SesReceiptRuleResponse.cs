using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Ses;

/// <summary>A synchronously invoked function's answer to SES: <c>{"disposition":"STOP_RULE_SET"}</c>.</summary>
public sealed class SesReceiptRuleResponse
{
    /// <summary>What SES does next.</summary>
    [JsonPropertyName("disposition")]
    public SesDisposition Disposition { get; set; }
}
