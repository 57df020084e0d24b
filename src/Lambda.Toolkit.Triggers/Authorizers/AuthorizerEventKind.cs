namespace Lambda.Toolkit.Triggers.Authorizers;

/// <summary>Which authorizer event a payload is, as <see cref="AuthorizerClassifier"/> tells it.</summary>
internal enum AuthorizerEventKind
{
    /// <summary>Not an authorizer event.</summary>
    Unknown,

    /// <summary>An API Gateway REST <c>TOKEN</c> authorizer event.</summary>
    Token,

    /// <summary>An API Gateway REST or WebSocket <c>REQUEST</c> authorizer event.</summary>
    Request,

    /// <summary>An event with a <c>methodArn</c> whose <c>type</c> is neither <c>TOKEN</c> nor <c>REQUEST</c> (or absent): bad input for either.</summary>
    UnknownApiGatewayType,

    /// <summary>An HTTP API authorizer event, payload format 2.0.</summary>
    HttpApi,

    /// <summary>An AWS AppSync Lambda authorizer event.</summary>
    AppSync,

    /// <summary>An AWS IoT Core custom authorizer event.</summary>
    Iot,
}
