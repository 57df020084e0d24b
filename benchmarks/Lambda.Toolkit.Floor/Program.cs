using System.Net;

// A bare function: the same event in, the same fixed response out, nothing else.
var api = Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API");
if (string.IsNullOrEmpty(api))
{
    Console.Error.WriteLine("AWS_LAMBDA_RUNTIME_API is not set.");
    return 3;
}

using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan })
{
    BaseAddress = new Uri($"http://{api}/2018-06-01/runtime/"),
    Timeout = Timeout.InfiniteTimeSpan,
};
var response = """{"statusCode":200,"headers":{"Content-Type":"application/json; charset=utf-8"},"body":"{\"id\":42,\"status\":\"shipped\"}","isBase64Encoded":false}"""u8.ToArray();
while (true)
{
    using var next = await http.GetAsync("invocation/next", HttpCompletionOption.ResponseHeadersRead);
    if (next.StatusCode != HttpStatusCode.OK)
    {
        Console.Error.WriteLine($"invocation/next answered {(int)next.StatusCode}");
        return 2;
    }

    var requestId = next.Headers.GetValues("Lambda-Runtime-Aws-Request-Id").First();
    _ = await next.Content.ReadAsByteArrayAsync();
    using var posted = await http.PostAsync($"invocation/{requestId}/response", new ByteArrayContent(response));
}
