using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lambda.Toolkit.Local;
using Lambda.Toolkit.Local.Commands;

namespace Lambda.Toolkit.IntegrationTests;

/// <summary><c>lambda-toolkit serve</c> end to end: real HTTP requests to the OrdersApi sample, in each event format.</summary>
public class ServeCommandTests
{
    [Theory]
    [InlineData("v2")]
    [InlineData("v1")]
    [InlineData("alb")]
    public async Task Serves_real_http_requests_through_the_function(string format)
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var stdout = new StringWriter();
        var address = new TaskCompletionSource<string>();
        var serve = ServeCommand.RunAsync([Repository.Path("samples", "OrdersApi"), "--port", "0", "--format", format], stdout, new StringWriter(), stop.Token, a => address.TrySetResult(a));
        var url = await address.Task.WaitAsync(TimeSpan.FromMinutes(2));
        using var http = new HttpClient { BaseAddress = new Uri(url) };

        using var created = await http.PostAsync("/orders", new StringContent("""{"customer":"ada","lines":[{"sku":"book","quantity":2}]}""", Encoding.UTF8, "application/json"));
        var order = await created.Content.ReadFromJsonAsync<JsonElement>();
        using var fetched = await http.GetAsync(created.Headers.Location);
        using var missing = await http.GetAsync("/orders/nope");
        using var invalid = await http.PostAsync("/orders", new StringContent("""{"customer":""", Encoding.UTF8, "application/json"));
        using var wrongMethod = await http.PatchAsync("/orders", new StringContent("{}"));
        await stop.CancelAsync();
        var exitCode = await serve.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("ada", order.GetProperty("customer").GetString());
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Equal(ExitCodes.Cancelled, exitCode); // stopped as by Ctrl+C: the same exit code as every command
        Assert.Equal(5, stdout.ToString().Split('\n').Count(l => l.StartsWith("REPORT RequestId:", StringComparison.Ordinal)));
    }
}
