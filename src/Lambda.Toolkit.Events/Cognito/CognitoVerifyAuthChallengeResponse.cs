using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Cognito;

/// <summary>The verify auth challenge response answer.</summary>
public sealed class CognitoVerifyAuthChallengeResponse
{
    /// <summary>Whether the answer is correct.</summary>
    [JsonPropertyName("answerCorrect")]
    public bool? AnswerCorrect { get; set; }
}
