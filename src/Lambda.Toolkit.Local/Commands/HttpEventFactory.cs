using System.Globalization;
using System.Text;
using System.Text.Json;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Alb;
using Lambda.Toolkit.Events.ApiGateway;
using Lambda.Toolkit.Events.HttpApi;
using Microsoft.AspNetCore.Http;
using Lambda.Toolkit.Events.Http;

namespace Lambda.Toolkit.Local.Commands;

/// <summary>Turns a real HTTP request into the API Gateway (v1, v2) or ALB event Lambda would receive for it.</summary>
internal static class HttpEventFactory
{
    public static byte[] Create(string format, HttpRequest request, byte[] body, string requestId)
    {
        var now = DateTimeOffset.UtcNow;
        var textual = IsText(request.ContentType) && IsUtf8(body);
        var bodyText = body.Length == 0 ? null : textual ? Encoding.UTF8.GetString(body) : Convert.ToBase64String(body);
        var sourceIp = request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1";
        var userAgent = request.Headers.UserAgent.ToString();
        var rawQuery = request.QueryString.HasValue ? request.QueryString.Value![1..] : string.Empty;
        var path = request.Path.HasValue ? request.Path.Value! : "/";
        switch (format)
        {
            case "v1":
                return JsonSerializer.SerializeToUtf8Bytes(
                    new ApiGatewayProxyRequest
                    {
                        Resource = "/{proxy+}",
                        Path = path,
                        HttpMethod = request.Method,
                        Headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString()),
                        MultiValueHeaders = request.Headers.ToDictionary(h => h.Key, h => (IList<string>)h.Value.Select(v => v ?? string.Empty).ToList()),
                        QueryStringParameters = request.Query.Count == 0 ? null : request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()),
                        MultiValueQueryStringParameters = request.Query.Count == 0 ? null : request.Query.ToDictionary(q => q.Key, q => (IList<string>)q.Value.Select(v => v ?? string.Empty).ToList()),
                        PathParameters = new() { ["proxy"] = path.TrimStart('/') },
                        RequestContext = new ApiGatewayProxyRequestContext
                        {
                            AccountId = "123456789012",
                            ApiId = "local",
                            Stage = "local",
                            RequestId = requestId,
                            ResourcePath = "/{proxy+}",
                            HttpMethod = request.Method,
                            Path = path,
                            Protocol = request.Protocol,
                            DomainName = request.Host.Value,
                            RequestTime = now.ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture),
                            RequestTimeEpoch = now.ToUnixTimeMilliseconds(),
                            Identity = new ApiGatewayRequestIdentity { SourceIp = sourceIp, UserAgent = userAgent },
                        },
                        Body = bodyText,
                        IsBase64Encoded = bodyText is not null && !textual,
                    },
                    HttpJsonContext.Default.ApiGatewayProxyRequest);
            case "alb":
                return JsonSerializer.SerializeToUtf8Bytes(
                    new AlbRequest
                    {
                        RequestContext = new AlbRequestContext { Elb = new AlbElbContext { TargetGroupArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/local/0000000000000000" } },
                        HttpMethod = request.Method,
                        Path = path,
                        QueryStringParameters = rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.Last().Length > 1 ? g.Last()[1] : string.Empty),
                        Headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
                        Body = bodyText ?? string.Empty,
                        IsBase64Encoded = bodyText is not null && !textual,
                    },
                    HttpJsonContext.Default.AlbRequest);
            default:
                var cookies = request.Headers.Cookie.ToString();
                return JsonSerializer.SerializeToUtf8Bytes(
                    new HttpApiRequest
                    {
                        Version = "2.0",
                        RouteKey = "$default",
                        RawPath = path,
                        RawQueryString = rawQuery,
                        Cookies = cookies.Length == 0 ? null : cookies.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList(),
                        Headers = request.Headers.Where(h => !string.Equals(h.Key, "Cookie", StringComparison.OrdinalIgnoreCase)).ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(',', h.Value.ToArray())),
                        QueryStringParameters = request.Query.Count == 0 ? null : request.Query.ToDictionary(q => q.Key, q => string.Join(',', q.Value.ToArray())),
                        RequestContext = new HttpApiRequestContext
                        {
                            AccountId = "123456789012",
                            ApiId = "local",
                            DomainName = request.Host.Value,
                            Http = new HttpApiRequestHttp { Method = request.Method, Path = path, Protocol = request.Protocol, SourceIp = sourceIp, UserAgent = userAgent },
                            RequestId = requestId,
                            RouteKey = "$default",
                            Stage = "$default",
                            Time = now.ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture),
                            TimeEpoch = now.ToUnixTimeMilliseconds(),
                        },
                        Body = bodyText,
                        IsBase64Encoded = bodyText is not null && !textual,
                    },
                    HttpJsonContext.Default.HttpApiRequest);
        }
    }

    private static bool IsText(string? contentType) =>
        contentType is null
        || contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
        || contentType.Contains("json", StringComparison.OrdinalIgnoreCase)
        || contentType.Contains("xml", StringComparison.OrdinalIgnoreCase)
        || contentType.Contains("x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    private static bool IsUtf8(byte[] body)
    {
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(body);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
