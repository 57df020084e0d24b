using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Ses;

/// <summary>
/// What a function invoked synchronously (<see cref="SesInvocationType.RequestResponse"/>) by a receipt rule tells SES
/// to do next; written as <c>CONTINUE</c>, <c>STOP_RULE</c> or <c>STOP_RULE_SET</c> in <see cref="SesReceiptRuleResponse"/>.
/// An enum, so a value cannot be misspelled (SES reads a value it does not know as <c>CONTINUE</c>).
/// </summary>
[JsonConverter(typeof(UpperSnakeCaseEnumConverter<SesDisposition>))]
public enum SesDisposition
{
    /// <summary><c>CONTINUE</c>: the rule's further actions and the further rules run.</summary>
    Continue,

    /// <summary><c>STOP_RULE</c>: no further action of this rule runs; further rules still can.</summary>
    StopRule,

    /// <summary><c>STOP_RULE_SET</c>: no further action and no further rule runs.</summary>
    StopRuleSet,
}
