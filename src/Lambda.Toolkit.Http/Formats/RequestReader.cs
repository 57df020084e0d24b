using System.Text.Json;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Alb;
using Lambda.Toolkit.Events.ApiGateway;
using Lambda.Toolkit.Events.HttpApi;

namespace Lambda.Toolkit.Http.Formats;

/// <summary>Turns each HTTP event format into the one <see cref="HttpRequest"/> abstraction.</summary>
internal static class RequestReader
{
    public static HttpRequest Read(HttpPayloadFormat format, InvocationContext context) => format switch
    {
        HttpPayloadFormat.HttpApiV2 => FromV2(LambdaApplication.ReadEvent(context.Payload, LambdaEventsJsonContext.Default.HttpApiRequest), context),
        HttpPayloadFormat.RestApiV1 => FromV1(LambdaApplication.ReadEvent(context.Payload, LambdaEventsJsonContext.Default.ApiGatewayProxyRequest), context),
        HttpPayloadFormat.Alb => FromAlb(LambdaApplication.ReadEvent(context.Payload, LambdaEventsJsonContext.Default.AlbRequest), context),
        _ => throw new LambdaFunctionException(LambdaErrorTypes.InvalidEvent, "The event is not an API Gateway (v1 or v2), Function URL or ALB request."),
    };

    private static HttpRequest FromV2(HttpApiRequest e, InvocationContext context)
    {
        var headers = Headers(e.Headers, null);
        var query = ParseQuery(e.RawQueryString, decode: true);
        var claims = e.RequestContext.Authorizer?.Jwt?.Claims is { } jwt ? new Dictionary<string, string>(jwt, StringComparer.Ordinal) : new Dictionary<string, string>();
        return new HttpRequest(HttpPayloadFormat.HttpApiV2, e.RequestContext.Http.Method.ToUpperInvariant(), e.RawPath, headers, query, e.Cookies?.ToList(), e.Body, e.IsBase64Encoded == true, context, e)
        {
            SourceIp = e.RequestContext.Http.SourceIp,
            Claims = claims,
            AuthorizerContext = e.RequestContext.Authorizer?.Lambda ?? new Dictionary<string, JsonElement>(),
        };
    }

    private static HttpRequest FromV1(ApiGatewayProxyRequest e, InvocationContext context)
    {
        var headers = Headers(e.Headers, e.MultiValueHeaders);
        var query = Query(e.QueryStringParameters, e.MultiValueQueryStringParameters, decode: false);
        var claims = new Dictionary<string, string>(StringComparer.Ordinal);
        var authorizer = e.RequestContext?.Authorizer ?? new Dictionary<string, JsonElement>();
        if (authorizer.TryGetValue("claims", out var cognito) && cognito.ValueKind == JsonValueKind.Object)
        {
            foreach (var claim in cognito.EnumerateObject())
            {
                claims[claim.Name] = claim.Value.ValueKind == JsonValueKind.String ? claim.Value.GetString()! : claim.Value.GetRawText();
            }
        }

        return new HttpRequest(HttpPayloadFormat.RestApiV1, e.HttpMethod.ToUpperInvariant(), e.Path, headers, query, null, e.Body, e.IsBase64Encoded == true, context, e)
        {
            SourceIp = e.RequestContext?.Identity?.SourceIp,
            Claims = claims,
            AuthorizerContext = authorizer,
        };
    }

    private static HttpRequest FromAlb(AlbRequest e, InvocationContext context)
    {
        var headers = Headers(e.Headers, e.MultiValueHeaders);
        var query = Query(e.QueryStringParameters, e.MultiValueQueryStringParameters, decode: true);
        var forwarded = headers.TryGetValue("X-Forwarded-For", out var values) && values.Count > 0 ? values[0].Split(',')[0].Trim() : null;
        return new HttpRequest(HttpPayloadFormat.Alb, e.HttpMethod.ToUpperInvariant(), e.Path, headers, query, null, e.Body, e.IsBase64Encoded == true, context, e)
        {
            SourceIp = forwarded,
        };
    }

    private static Dictionary<string, List<string>> Headers(Dictionary<string, string>? single, Dictionary<string, IList<string>>? multi)
    {
        var headers = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        if (multi is not null)
        {
            foreach (var (name, values) in multi)
            {
                Values(headers, name).AddRange(values);
            }
        }

        if (single is not null)
        {
            foreach (var (name, value) in single)
            {
                if (!headers.ContainsKey(name))
                {
                    Values(headers, name).Add(value);
                }
            }
        }

        return headers;
    }

    private static Dictionary<string, List<string>> Query(Dictionary<string, string>? single, Dictionary<string, IList<string>>? multi, bool decode)
    {
        var query = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (multi is not null)
        {
            foreach (var (name, values) in multi)
            {
                var list = Values(query, Decode(name, decode));
                foreach (var value in values)
                {
                    list.Add(Decode(value, decode));
                }
            }
        }
        else if (single is not null)
        {
            foreach (var (name, value) in single)
            {
                Values(query, Decode(name, decode)).Add(Decode(value, decode));
            }
        }

        return query;
    }

    private static Dictionary<string, List<string>> ParseQuery(string? raw, bool decode)
    {
        var query = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(raw))
        {
            return query;
        }

        foreach (var pair in raw.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
            Values(query, Decode(name, decode)).Add(Decode(value, decode));
        }

        return query;
    }

    private static List<string> Values(Dictionary<string, List<string>> map, string name)
    {
        if (!map.TryGetValue(name, out var list))
        {
            map[name] = list = [];
        }

        return list;
    }

    private static string Decode(string value, bool decode)
    {
        if (!decode || (value.IndexOf('%', StringComparison.Ordinal) < 0 && value.IndexOf('+', StringComparison.Ordinal) < 0))
        {
            return value;
        }

        try
        {
            return Uri.UnescapeDataString(value.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            // A malformed escape stays as sent rather than failing the request.
            return value;
        }
    }
}
