using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Ses;

/// <summary>The receipt rule action that invoked the function.</summary>
public sealed class SesReceiptAction
{
    /// <summary>The <see cref="Type"/> of an action that invokes a Lambda function.</summary>
    public const string LambdaType = "Lambda";

    /// <summary>The action's type: <c>Lambda</c> for a function.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>How SES invoked the function: <see cref="SesInvocationType.Event"/> or <see cref="SesInvocationType.RequestResponse"/>.</summary>
    [JsonPropertyName("invocationType")]
    public string? InvocationType { get; set; }

    /// <summary>The invoked function's ARN.</summary>
    [JsonPropertyName("functionArn")]
    public string? FunctionArn { get; set; }

    /// <summary>The SNS topic the action also notifies, when it names one.</summary>
    [JsonPropertyName("topicArn")]
    public string? TopicArn { get; set; }

    /// <summary>Whether SES waits for the function's answer, a <see cref="SesDisposition"/> (a <c>RequestResponse</c> action).</summary>
    [JsonIgnore]
    public bool IsSynchronous => string.Equals(InvocationType, SesInvocationType.RequestResponse, StringComparison.Ordinal);
}
