using Lambda.Toolkit.Events;

namespace Lambda.Toolkit.Triggers.Authorizers;

/// <summary>The source-generated JSON metadata the authorizer adapters read and write with.</summary>
internal static class AuthorizerJson
{
    public static LambdaEventsJsonContext Context => LambdaEventsJsonContext.Default;
}
