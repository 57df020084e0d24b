using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Cognito;

/// <summary>
/// The fields every Amazon Cognito user pool trigger event shares. Each trigger's event adds its typed
/// <c>request</c> and <c>response</c>; the function answers with the whole event, its <c>response</c> filled.
/// </summary>
public abstract class CognitoTriggerEvent
{
    /// <summary>The event's version: <c>1</c> for every trigger but pre token generation, which sends <c>1</c>, <c>2</c> or <c>3</c>.</summary>
    [JsonPropertyName("version")]
    public string? Version { get; set; }

    /// <summary>What invoked the trigger, for example <c>PreSignUp_SignUp</c> (see <see cref="CognitoTriggerSources"/>).</summary>
    [JsonPropertyName("triggerSource")]
    public string? TriggerSource { get; set; }

    /// <summary>The region of the user pool.</summary>
    [JsonPropertyName("region")]
    public string? Region { get; set; }

    /// <summary>The user pool's id, for example <c>us-east-1_EXAMPLE</c>.</summary>
    [JsonPropertyName("userPoolId")]
    public string? UserPoolId { get; set; }

    /// <summary>The user's name (absent for machine-to-machine token generation).</summary>
    [JsonPropertyName("userName")]
    public string? UserName { get; set; }

    /// <summary>The SDK and app client that made the request.</summary>
    [JsonPropertyName("callerContext")]
    public CognitoCallerContext? CallerContext { get; set; }
}
