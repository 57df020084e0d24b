using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Config;

/// <summary>
/// Whether a resource complies with a Config rule; written in Config's spelling (<c>COMPLIANT</c>,
/// <c>NON_COMPLIANT</c>, <c>NOT_APPLICABLE</c>, <c>INSUFFICIENT_DATA</c>). An enum, so a value cannot be misspelled.
/// </summary>
[JsonConverter(typeof(UpperSnakeCaseEnumConverter<ConfigComplianceType>))]
public enum ConfigComplianceType
{
    /// <summary><c>COMPLIANT</c>: the resource passes the rule.</summary>
    Compliant,

    /// <summary><c>NON_COMPLIANT</c>: the resource fails the rule.</summary>
    NonCompliant,

    /// <summary><c>NOT_APPLICABLE</c>: the rule does not apply (for example the resource was deleted or left the rule's scope).</summary>
    NotApplicable,

    /// <summary>
    /// <c>INSUFFICIENT_DATA</c>: what Config itself reports for a rule with no results yet. <c>PutEvaluations</c> refuses
    /// it, so a <see cref="ConfigEvaluation"/> cannot carry it.
    /// </summary>
    InsufficientData,
}
