namespace Lambda.Toolkit.Events.Authorizers;

/// <summary>What an <see cref="AuthorizerContextValue"/> holds: the only three kinds API Gateway accepts in an authorizer's context.</summary>
public enum AuthorizerContextValueKind
{
    /// <summary>A JSON string.</summary>
    Text,

    /// <summary>A JSON number, kept in its written form.</summary>
    Number,

    /// <summary>A JSON <c>true</c> or <c>false</c>.</summary>
    Boolean,
}
