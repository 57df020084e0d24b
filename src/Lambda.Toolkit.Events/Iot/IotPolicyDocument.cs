using System.Text.Json.Serialization;
using Lambda.Toolkit.Events.Authorizers;

namespace Lambda.Toolkit.Events.Iot;

/// <summary>
/// One entry of an IoT Core authorizer's <c>policyDocuments</c>. IoT Core's documentation asks for each policy
/// as a JSON <em>string</em>, while AWS's sample response has policy objects; both are read, and each entry is
/// written back in the form it came in (<see cref="IsJsonString"/>). A policy made in code is written as a string.
/// </summary>
[JsonConverter(typeof(IotPolicyDocumentConverter))]
public sealed class IotPolicyDocument
{
    /// <summary>Wraps a policy, written as a JSON string.</summary>
    /// <param name="document">The policy.</param>
    /// <param name="isJsonString">Whether to write it as a JSON string (IoT Core's documented form) rather than an object.</param>
    public IotPolicyDocument(IamPolicyDocument document, bool isJsonString = true)
    {
        ArgumentNullException.ThrowIfNull(document);
        Document = document;
        IsJsonString = isJsonString;
    }

    /// <summary>The policy.</summary>
    public IamPolicyDocument Document { get; }

    /// <summary>Whether the policy is written as a JSON string rather than an object.</summary>
    public bool IsJsonString { get; }
}
