using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Config;

/// <summary>
/// One result of a Config rule: a resource and whether it complies. Send it to Config with the event's
/// <see cref="ConfigRuleEvent.ResultToken"/> through the <c>PutEvaluations</c> API (AWSSDK.ConfigService:
/// <c>new Evaluation { ComplianceResourceType, ComplianceResourceId, ComplianceType = <see cref="ComplianceTypeValue"/>,
/// Annotation, OrderingTimestamp = OrderingTimestamp.UtcDateTime }</c>). Immutable; the constructor enforces
/// <c>PutEvaluations</c>'s limits, so an evaluation that exists is one Config accepts.
/// </summary>
public sealed class ConfigEvaluation
{
    /// <summary><c>PutEvaluations</c>'s limit on <see cref="Annotation"/>: 256 characters.</summary>
    public const int MaxAnnotationLength = 256;

    /// <summary><c>PutEvaluations</c>'s limit on <see cref="ComplianceResourceType"/>: 256 characters.</summary>
    public const int MaxResourceTypeLength = 256;

    /// <summary><c>PutEvaluations</c>'s limit on <see cref="ComplianceResourceId"/>: 768 characters.</summary>
    public const int MaxResourceIdLength = 768;

    /// <summary>Creates an evaluation.</summary>
    /// <param name="complianceResourceType">The resource's type, for example <c>AWS::EC2::Instance</c> (1 to 256 characters; <c>AWS::::Account</c> for the account itself).</param>
    /// <param name="complianceResourceId">The resource's id (1 to 768 characters).</param>
    /// <param name="complianceType">Whether it complies; <see cref="ConfigComplianceType.InsufficientData"/> is refused, as <c>PutEvaluations</c> refuses it.</param>
    /// <param name="orderingTimestamp">The time of the Config event that triggered the evaluation: the configuration item's capture time, or a periodic notification's creation time.</param>
    /// <param name="annotation">Why, in at most 256 characters; <see langword="null"/> (or empty) for none.</param>
    /// <exception cref="ArgumentException">A value is outside <c>PutEvaluations</c>'s limits; the message names it and the limit.</exception>
    [JsonConstructor]
    public ConfigEvaluation(string complianceResourceType, string complianceResourceId, ConfigComplianceType complianceType, DateTimeOffset orderingTimestamp, string? annotation = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(complianceResourceType);
        ArgumentException.ThrowIfNullOrEmpty(complianceResourceId);
        if (complianceResourceType.Length > MaxResourceTypeLength)
        {
            throw new ArgumentException($"A compliance resource type is at most {MaxResourceTypeLength} characters (was {complianceResourceType.Length}).", nameof(complianceResourceType));
        }

        if (complianceResourceId.Length > MaxResourceIdLength)
        {
            throw new ArgumentException($"A compliance resource id is at most {MaxResourceIdLength} characters (was {complianceResourceId.Length}).", nameof(complianceResourceId));
        }

        if (complianceType == ConfigComplianceType.InsufficientData)
        {
            throw new ArgumentException("PutEvaluations does not accept INSUFFICIENT_DATA from a rule's function; answer COMPLIANT, NON_COMPLIANT or NOT_APPLICABLE.", nameof(complianceType));
        }

        if (!Enum.IsDefined(complianceType))
        {
            throw new ArgumentOutOfRangeException(nameof(complianceType), complianceType, "Not a Config compliance type.");
        }

        if (annotation?.Length > MaxAnnotationLength)
        {
            throw new ArgumentException($"A Config annotation is at most {MaxAnnotationLength} characters (PutEvaluations's limit); this one is {annotation.Length}.", nameof(annotation));
        }

        ComplianceResourceType = complianceResourceType;
        ComplianceResourceId = complianceResourceId;
        ComplianceType = complianceType;
        OrderingTimestamp = orderingTimestamp;
        Annotation = string.IsNullOrEmpty(annotation) ? null : annotation;
    }

    /// <summary>The resource's type.</summary>
    [JsonPropertyName("complianceResourceType")]
    public string ComplianceResourceType { get; }

    /// <summary>The resource's id.</summary>
    [JsonPropertyName("complianceResourceId")]
    public string ComplianceResourceId { get; }

    /// <summary>Whether the resource complies.</summary>
    [JsonPropertyName("complianceType")]
    public ConfigComplianceType ComplianceType { get; }

    /// <summary><see cref="ComplianceType"/> in Config's spelling, for example <c>NON_COMPLIANT</c>: the SDK's <c>ComplianceType</c> value.</summary>
    [JsonIgnore]
    public string ComplianceTypeValue => UpperSnakeCaseEnumConverter<ConfigComplianceType>.ToWire(ComplianceType);

    /// <summary>The time of the Config event that triggered the evaluation.</summary>
    [JsonPropertyName("orderingTimestamp")]
    public DateTimeOffset OrderingTimestamp { get; }

    /// <summary>Why, or <see langword="null"/>.</summary>
    [JsonPropertyName("annotation")]
    public string? Annotation { get; }
}
