using System.Collections.ObjectModel;
using System.Text.Json;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Alb;
using Lambda.Toolkit.Events.ApiGateway;
using Lambda.Toolkit.Events.HttpApi;
using Lambda.Toolkit.Events.Http;

namespace Lambda.Toolkit.Http.Formats;

/// <summary>Turns each HTTP event format into the one <see cref="HttpRequest"/> abstraction.</summary>
internal static class RequestReader
{
    public static HttpRequest Read(HttpPayloadFormat format, InvocationContext context) => format switch
    {
        HttpPayloadFormat.HttpApiV2 => FromV2(EventReader.Read(context.Payload.Span, HttpJsonContext.Default.HttpApiRequest), context),
        HttpPayloadFormat.RestApiV1 => FromV1(EventReader.Read(context.Payload.Span, HttpJsonContext.Default.ApiGatewayProxyRequest), context),
        HttpPayloadFormat.Alb => FromAlb(EventReader.Read(context.Payload.Span, HttpJsonContext.Default.AlbRequest), context),
        _ => throw new LambdaFunctionException(LambdaErrorTypes.InvalidEvent, "The event is not an API Gateway (v1 or v2), Function URL or ALB request."),
    };

    private static HttpRequest FromV2(HttpApiRequest e, InvocationContext context) =>
        new(HttpPayloadFormat.HttpApiV2, e.RequestContext.Http.Method.ToUpperInvariant(), e.RawPath, new HeaderSource(e.Headers, null), new QuerySource(null, null, e.RawQueryString ?? string.Empty, Decode: true), e.Cookies as IReadOnlyList<string>, e.Body, e.IsBase64Encoded == true, context, e)
        {
            SourceIp = e.RequestContext.Http.SourceIp,
            GatewayRequestId = e.RequestContext.RequestId,
            Claims = e.RequestContext.Authorizer?.Jwt?.Claims is { } jwt ? jwt : ReadOnlyDictionary<string, string>.Empty,
            AuthorizerContext = e.RequestContext.Authorizer?.Lambda ?? (IReadOnlyDictionary<string, JsonElement>)ReadOnlyDictionary<string, JsonElement>.Empty,
        };

    private static HttpRequest FromV1(ApiGatewayProxyRequest e, InvocationContext context)
    {
        IReadOnlyDictionary<string, string> claims = ReadOnlyDictionary<string, string>.Empty;
        var authorizer = e.RequestContext?.Authorizer;
        if (authorizer is not null && authorizer.TryGetValue("claims", out var cognito) && cognito.ValueKind == JsonValueKind.Object)
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var claim in cognito.EnumerateObject())
            {
                map[claim.Name] = claim.Value.ValueKind == JsonValueKind.String ? claim.Value.GetString()! : claim.Value.GetRawText();
            }

            claims = map;
        }

        // API Gateway has already decoded v1 query values.
        return new HttpRequest(HttpPayloadFormat.RestApiV1, e.HttpMethod.ToUpperInvariant(), e.Path, new HeaderSource(e.Headers, e.MultiValueHeaders), new QuerySource(e.QueryStringParameters, e.MultiValueQueryStringParameters, null, Decode: false), null, e.Body, e.IsBase64Encoded == true, context, e)
        {
            SourceIp = e.RequestContext?.Identity?.SourceIp,
            GatewayRequestId = e.RequestContext?.RequestId,
            Claims = claims,
            AuthorizerContext = authorizer ?? (IReadOnlyDictionary<string, JsonElement>)ReadOnlyDictionary<string, JsonElement>.Empty,
        };
    }

    private static HttpRequest FromAlb(AlbRequest e, InvocationContext context)
    {
        var headers = new HeaderSource(e.Headers, e.MultiValueHeaders);
        // The ALB passes query values as the client sent them, still URL-encoded.
        return new HttpRequest(HttpPayloadFormat.Alb, e.HttpMethod.ToUpperInvariant(), e.Path, headers, new QuerySource(e.QueryStringParameters, e.MultiValueQueryStringParameters, null, Decode: true), null, e.Body, e.IsBase64Encoded == true, context, e)
        {
            SourceIp = headers.First("X-Forwarded-For")?.Split(',')[0].Trim(),
        };
    }
}
