using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Ses;

/// <summary>One of SES's checks on a received email (spam, virus, SPF, DKIM, DMARC).</summary>
public sealed class SesVerdict
{
    /// <summary><c>PASS</c>, <c>FAIL</c>, <c>GRAY</c>, <c>PROCESSING_FAILED</c> or <c>DISABLED</c> (see <see cref="SesVerdictStatus"/>); kept as sent.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>Whether the check passed (<see cref="SesVerdictStatus.Pass"/>).</summary>
    [JsonIgnore]
    public bool Passed => string.Equals(Status, SesVerdictStatus.Pass, StringComparison.Ordinal);

    /// <summary>Whether the check failed (<see cref="SesVerdictStatus.Fail"/>).</summary>
    [JsonIgnore]
    public bool Failed => string.Equals(Status, SesVerdictStatus.Fail, StringComparison.Ordinal);
}
