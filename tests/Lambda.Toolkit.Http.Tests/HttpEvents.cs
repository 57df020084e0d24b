using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Alb;
using Lambda.Toolkit.Events.ApiGateway;
using Lambda.Toolkit.Events.HttpApi;
using Lambda.Toolkit.Testing;

namespace Lambda.Toolkit.Http.Tests;

/// <summary>Builds the same HTTP request in each event format, and reads any format's response back.</summary>
public static class HttpEvents
{
    public static readonly TheoryData<HttpPayloadFormat> Formats = new() { HttpPayloadFormat.RestApiV1, HttpPayloadFormat.HttpApiV2, HttpPayloadFormat.Alb };

    public static string Request(HttpPayloadFormat format, string method, string path, string? body = null, Dictionary<string, string>? headers = null, string query = "", bool base64 = false, bool albMultiValue = false)
    {
        headers ??= [];
        var queryPairs = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).Select(p => (Name: p[0], Value: p.Length > 1 ? p[1] : string.Empty)).ToList();
        switch (format)
        {
            case HttpPayloadFormat.RestApiV1:
                return JsonSerializer.Serialize(new ApiGatewayProxyRequest
                {
                    HttpMethod = method,
                    Path = path,
                    Resource = "/{proxy+}",
                    Headers = headers.Count > 0 ? new(headers) : null,
                    MultiValueHeaders = headers.Count > 0 ? headers.ToDictionary(h => h.Key, h => (IList<string>)[h.Value]) : null,
                    MultiValueQueryStringParameters = queryPairs.Count > 0 ? queryPairs.GroupBy(p => Uri.UnescapeDataString(p.Name)).ToDictionary(g => g.Key, g => (IList<string>)g.Select(p => Uri.UnescapeDataString(p.Value.Replace('+', ' '))).ToList()) : null,
                    RequestContext = new ApiGatewayProxyRequestContext { Identity = new ApiGatewayRequestIdentity { SourceIp = "10.0.0.1" }, RequestId = "gw-1" },
                    Body = body,
                    IsBase64Encoded = base64,
                }, LambdaEventsJsonContext.Default.ApiGatewayProxyRequest);
            case HttpPayloadFormat.HttpApiV2:
                return JsonSerializer.Serialize(new HttpApiRequest
                {
                    Version = "2.0",
                    RawPath = path,
                    RawQueryString = query,
                    Headers = headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value),
                    Cookies = headers.TryGetValue("Cookie", out var cookie) ? cookie.Split(';').Select(c => c.Trim()).ToList() : null,
                    RequestContext = new HttpApiRequestContext { Http = new HttpApiRequestHttp { Method = method, Path = path, SourceIp = "10.0.0.2" }, RequestId = "gw-2" },
                    Body = body,
                    IsBase64Encoded = base64,
                }, LambdaEventsJsonContext.Default.HttpApiRequest);
            default:
                var alb = new AlbRequest
                {
                    HttpMethod = method,
                    Path = path,
                    RequestContext = new AlbRequestContext { Elb = new AlbElbContext { TargetGroupArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/tg/1" } },
                    Body = body,
                    IsBase64Encoded = base64,
                };
                if (albMultiValue)
                {
                    alb.MultiValueHeaders = headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => (IList<string>)[h.Value]);
                    alb.MultiValueQueryStringParameters = queryPairs.GroupBy(p => p.Name).ToDictionary(g => g.Key, g => (IList<string>)g.Select(p => p.Value).ToList());
                }
                else
                {
                    alb.Headers = headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value);
                    alb.QueryStringParameters = queryPairs.GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.Last().Value);
                }

                return JsonSerializer.Serialize(alb, LambdaEventsJsonContext.Default.AlbRequest);
        }
    }

    public static Response Read(TestInvocationResult result)
    {
        Assert.True(result.IsSuccess, result.Error?.ErrorType + ": " + result.Error?.ErrorMessage);
        using var document = JsonDocument.Parse(result.Response);
        var root = document.RootElement;
        var headers = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetProperty("headers", out var single))
        {
            foreach (var h in single.EnumerateObject())
            {
                headers.GetValueOrCreate(h.Name).Add(h.Value.GetString()!);
            }
        }

        if (root.TryGetProperty("multiValueHeaders", out var multi))
        {
            foreach (var h in multi.EnumerateObject())
            {
                headers.GetValueOrCreate(h.Name).AddRange(h.Value.EnumerateArray().Select(v => v.GetString()!));
            }
        }

        var cookies = root.TryGetProperty("cookies", out var c) ? c.EnumerateArray().Select(v => v.GetString()!).ToList() : headers.GetValueOrDefault("Set-Cookie") ?? [];
        var base64 = root.GetProperty("isBase64Encoded").GetBoolean();
        var raw = root.TryGetProperty("body", out var b) ? b.GetString() ?? string.Empty : string.Empty;
        var bytes = base64 ? Convert.FromBase64String(raw) : Encoding.UTF8.GetBytes(raw);
        if (headers.TryGetValue("Content-Encoding", out var encoding))
        {
            using var input = new MemoryStream(bytes);
            using Stream decompress = encoding[0] == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            decompress.CopyTo(output);
            bytes = output.ToArray();
        }

        return new Response(root.GetProperty("statusCode").GetInt32(), headers, cookies, bytes, base64, root.TryGetProperty("statusDescription", out var d) ? d.GetString() : null);
    }

    private static List<string> GetValueOrCreate(this Dictionary<string, List<string>> map, string name)
    {
        if (!map.TryGetValue(name, out var list))
        {
            map[name] = list = [];
        }

        return list;
    }

    public sealed record Response(int Status, Dictionary<string, List<string>> Headers, List<string> Cookies, byte[] Body, bool Base64, string? StatusDescription)
    {
        public string Text => Encoding.UTF8.GetString(Body);

        public string? Header(string name) => Headers.TryGetValue(name, out var values) ? string.Join(",", values) : null;

        public JsonElement Json => JsonDocument.Parse(Body).RootElement;
    }
}
