using Lambda.Toolkit.Events.Config;

namespace Lambda.Toolkit.Batch.Config;

/// <summary>
/// Evaluations ready for Config, handed to <see cref="ConfigRuleOptions.PutEvaluations"/>: at most 100 (the most one
/// <c>PutEvaluations</c> call takes), with the result token they belong to.
/// </summary>
public sealed class ConfigEvaluationDelivery
{
    /// <summary>The most evaluations one <c>PutEvaluations</c> call takes.</summary>
    public const int MaxEvaluationsPerCall = 100;

    internal ConfigEvaluationDelivery(string resultToken, IReadOnlyList<ConfigEvaluation> evaluations, ConfigRuleRequest request)
    {
        ResultToken = resultToken;
        Evaluations = evaluations;
        Request = request;
    }

    /// <summary><c>PutEvaluations</c>'s <c>ResultToken</c>: the event's <c>resultToken</c>.</summary>
    public string ResultToken { get; }

    /// <summary><c>PutEvaluations</c>'s <c>Evaluations</c>: at most <see cref="MaxEvaluationsPerCall"/>, each within its limits.</summary>
    public IReadOnlyList<ConfigEvaluation> Evaluations { get; }

    /// <summary>The invocation: event, services scope (resolve the Config client here), cancellation.</summary>
    public ConfigRuleRequest Request { get; }
}
