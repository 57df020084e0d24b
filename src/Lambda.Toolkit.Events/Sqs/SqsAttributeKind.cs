using System.Diagnostics.CodeAnalysis;

namespace Lambda.Toolkit.Events.Sqs;

/// <summary>The base type of an SQS message attribute.</summary>
public enum SqsAttributeKind
{
    /// <summary>A data type this version does not know.</summary>
    Unknown,

    /// <summary>String (or a custom String.* type).</summary>
    [SuppressMessage("Naming", "CA1720", Justification = "SQS names the data type String.")]
    String,

    /// <summary>Number (or a custom Number.* type), carried as text.</summary>
    Number,

    /// <summary>Binary (or a custom Binary.* type), carried as base64.</summary>
    Binary,
}
