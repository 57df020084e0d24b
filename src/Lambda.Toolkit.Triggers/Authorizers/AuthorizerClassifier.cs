using System.Text.Json;
using Lambda.Toolkit.Adapters;

namespace Lambda.Toolkit.Triggers.Authorizers;

/// <summary>
/// Tells the authorizer events apart from their top-level property names, in one forward scan that skips nested
/// values and allocates nothing: <c>routeArn</c> is an HTTP API (2.0) event; <c>methodArn</c> or a <c>type</c> of
/// <c>TOKEN</c>/<c>REQUEST</c> is an API Gateway REST or WebSocket event; <c>authorizationToken</c> with
/// <c>requestContext</c> and no <c>type</c> is AppSync; <c>token</c> with <c>protocols</c>, <c>protocolData</c>,
/// <c>signatureVerified</c> or <c>connectionMetadata</c> is IoT Core. Every authorizer adapter shares the one
/// instance, so the payload is scanned once per invocation.
/// </summary>
internal sealed class AuthorizerClassifier : EventClassifier<AuthorizerEventKind>
{
    public static readonly AuthorizerClassifier Instance = new();

    private enum TypeValue
    {
        Absent,
        Token,
        Request,
        Other,
    }

    /// <summary>Classifies without the per-invocation cache (for tests).</summary>
    internal AuthorizerEventKind ClassifyPayload(ReadOnlySpan<byte> payload) => Classify(payload);

    protected override AuthorizerEventKind Classify(ReadOnlySpan<byte> payload)
    {
        var type = TypeValue.Absent;
        bool methodArn = false, routeArn = false, authorizationToken = false, requestContext = false, token = false, iotField = false;
        var reader = new Utf8JsonReader(payload, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return AuthorizerEventKind.Unknown;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("type"u8))
                {
                    reader.Read();
                    type = reader.TokenType != JsonTokenType.String ? TypeValue.Other
                        : reader.ValueTextEquals("TOKEN"u8) ? TypeValue.Token
                        : reader.ValueTextEquals("REQUEST"u8) ? TypeValue.Request
                        : TypeValue.Other;
                    reader.Skip();
                    continue;
                }

                methodArn |= reader.ValueTextEquals("methodArn"u8);
                routeArn |= reader.ValueTextEquals("routeArn"u8);
                authorizationToken |= reader.ValueTextEquals("authorizationToken"u8);
                requestContext |= reader.ValueTextEquals("requestContext"u8);
                token |= reader.ValueTextEquals("token"u8);
                iotField |= reader.ValueTextEquals("protocolData"u8) || reader.ValueTextEquals("signatureVerified"u8)
                    || reader.ValueTextEquals("connectionMetadata"u8) || reader.ValueTextEquals("protocols"u8);
                reader.Read();
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not JSON, or cut short: judge by what was read so far.
        }

        return routeArn ? AuthorizerEventKind.HttpApi
            : type == TypeValue.Token ? AuthorizerEventKind.Token
            : type == TypeValue.Request ? AuthorizerEventKind.Request
            : methodArn ? AuthorizerEventKind.UnknownApiGatewayType
            : authorizationToken && requestContext && type == TypeValue.Absent ? AuthorizerEventKind.AppSync
            : token && iotField ? AuthorizerEventKind.Iot
            : AuthorizerEventKind.Unknown;
    }
}
