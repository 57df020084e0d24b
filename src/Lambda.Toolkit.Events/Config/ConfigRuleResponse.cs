using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Config;

/// <summary>
/// What a Config rule function mapped with the toolkit answers: the evaluations it made and the token they belong
/// to. Config ignores a function's response (results reach it only through <c>PutEvaluations</c>); the response
/// shows them to the caller, a log or a test.
/// </summary>
public sealed class ConfigRuleResponse
{
    /// <summary>The event's result token, which <c>PutEvaluations</c> takes with these evaluations.</summary>
    [JsonPropertyName("resultToken")]
    public string? ResultToken { get; set; }

    /// <summary>The evaluations, in the order they were made.</summary>
    [JsonPropertyName("evaluations")]
    [JsonRequired]
    public required IList<ConfigEvaluation> Evaluations { get; set; }
}
