using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Authorizers;

/// <summary>One statement of an <see cref="IamPolicyDocument"/>: an effect on actions over resources.</summary>
public sealed class IamPolicyStatement
{
    /// <summary>An optional statement id.</summary>
    [JsonPropertyName("Sid")]
    public string? Sid { get; set; }

    /// <summary>The actions, for example <c>execute-api:Invoke</c> or <c>iot:Publish</c>: one string or a list, kept as sent.</summary>
    [JsonPropertyName("Action")]
    public IamPolicyValues? Action { get; set; }

    /// <summary><c>Allow</c> or <c>Deny</c>.</summary>
    [JsonPropertyName("Effect")]
    public string? Effect { get; set; }

    /// <summary>The resource ARNs, with <c>*</c> and <c>?</c> wildcards: one string or a list, kept as sent.</summary>
    [JsonPropertyName("Resource")]
    public IamPolicyValues? Resource { get; set; }
}
