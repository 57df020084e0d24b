using System.Globalization;
using System.Net;
using System.Text.Json;
using Lambda.Toolkit.Emulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lambda.Toolkit.Local.Commands;

/// <summary>
/// <c>lambda-toolkit serve</c>: a front door on 127.0.0.1 that turns each real HTTP request into the API
/// Gateway v1, v2 or ALB event, invokes the function process through the Runtime API emulator (one
/// invocation at a time, as one execution environment does), turns the response back into HTTP, and prints
/// a REPORT line per invocation.
/// </summary>
internal static class ServeCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken, Action<string>? listening = null)
    {
        string? function = null;
        var port = 5050;
        var format = "v2";
        var timeout = TimeSpan.FromSeconds(30);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--port" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p <= 65535:
                    port = p;
                    i++;
                    break;
                case "--format" when i + 1 < args.Length && args[i + 1] is "v1" or "v2" or "alb":
                    format = args[++i];
                    break;
                case "--timeout" when i + 1 < args.Length && double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s is > 0 and <= 900:
                    timeout = TimeSpan.FromSeconds(s);
                    i++;
                    break;
                case var arg when !arg.StartsWith('-') && function is null:
                    function = arg;
                    break;
                default:
                    return await Usage.FailAsync(stderr, $"Invalid argument '{args[i]}' (serve takes <function> [--port N] [--format v1|v2|alb] [--timeout seconds]).").ConfigureAwait(false);
            }
        }

        if (function is null)
        {
            return await Usage.FailAsync(stderr, "Name the function to serve: a project directory, .csproj, .dll or executable.").ConfigureAwait(false);
        }

        var output = TextWriter.Synchronized(stdout);
        var errors = TextWriter.Synchronized(stderr);
        await using var emulator = await RuntimeApiEmulator.StartAsync(new RuntimeApiEmulatorOptions { FunctionName = Path.GetFileNameWithoutExtension(Path.GetFullPath(function).TrimEnd('/')), Timeout = timeout }, cancellationToken).ConfigureAwait(false);
        FunctionProcess process;
        try
        {
            process = await FunctionProcess.StartAsync(emulator, new FunctionProcessOptions
            {
                Target = function,
                OnOutput = output.WriteLine,
                OnError = errors.WriteLine,
                OnStatus = status => errors.WriteLine($"[lambda-toolkit] {status}"),
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (FunctionProcessException ex)
        {
            await errors.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return ExitCodes.ProcessFailed;
        }

        await using (process.ConfigureAwait(false))
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
            await using var app = builder.Build();
            var gate = new SemaphoreSlim(1, 1);
            var cold = true;
            app.Run(async http =>
            {
                await gate.WaitAsync(http.RequestAborted).ConfigureAwait(false);
                try
                {
                    var body = await ReadBodyAsync(http.Request).ConfigureAwait(false);
                    var requestId = Guid.NewGuid().ToString();
                    var payload = HttpEventFactory.Create(format, http.Request, body, requestId);
                    var invocation = emulator.InvokeAsync(payload, new EmulatedInvocation { RequestId = requestId }, cancellationToken);
                    if (await Task.WhenAny(invocation, process.Exited).ConfigureAwait(false) != invocation)
                    {
                        await WriteGatewayErrorAsync(http, 502, "The function process exited.").ConfigureAwait(false);
                        return;
                    }

                    var result = await invocation.ConfigureAwait(false);
                    await output.WriteLineAsync(ReportLine.Format(result.RequestId, result.Duration, 128, process.PeakMemoryBytes, cold ? process.InitDuration : null)).ConfigureAwait(false);
                    cold = false;
                    switch (result.Status)
                    {
                        case EmulatedInvocationStatus.Success:
                            await WriteResponseAsync(http, result.Body).ConfigureAwait(false);
                            break;
                        case EmulatedInvocationStatus.Timeout:
                            await WriteGatewayErrorAsync(http, 504, "Endpoint request timed out").ConfigureAwait(false);
                            break;
                        default:
                            await errors.WriteLineAsync($"[lambda-toolkit] {result.ErrorType}: {result.ErrorMessage}").ConfigureAwait(false);
                            await WriteGatewayErrorAsync(http, 502, "Internal Server Error").ConfigureAwait(false);
                            break;
                    }
                }
                finally
                {
                    gate.Release();
                }
            });
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            await errors.WriteLineAsync($"[lambda-toolkit] Serving {function} as {format} events on {address} (Ctrl+C to stop)").ConfigureAwait(false);
            listening?.Invoke(address);
            try
            {
                await Task.WhenAny(Task.Delay(Timeout.Infinite, cancellationToken), process.Exited).ConfigureAwait(false);
            }
            finally
            {
                await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
                gate.Dispose();
            }

            if (process.Exited.IsCompleted && !cancellationToken.IsCancellationRequested)
            {
                await errors.WriteLineAsync($"The function process exited with code {await process.Exited.ConfigureAwait(false)}.").ConfigureAwait(false);
                return ExitCodes.ProcessFailed;
            }

            await process.StopAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
            return ExitCodes.Success;
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static async Task WriteResponseAsync(HttpContext http, ReadOnlyMemory<byte> payload)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException)
        {
            await WriteGatewayErrorAsync(http, 502, "The function's response is not an HTTP response.").ConfigureAwait(false);
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("statusCode", out var status) || !status.TryGetInt32(out var code))
            {
                // Like HTTP API v2, a response without statusCode is sent as a 200 JSON body.
                http.Response.ContentType = "application/json";
                await http.Response.Body.WriteAsync(payload).ConfigureAwait(false);
                return;
            }

            http.Response.StatusCode = code;
            if (root.TryGetProperty("headers", out var headers) && headers.ValueKind == JsonValueKind.Object)
            {
                foreach (var header in headers.EnumerateObject())
                {
                    http.Response.Headers[header.Name] = header.Value.GetString();
                }
            }

            if (root.TryGetProperty("multiValueHeaders", out var multi) && multi.ValueKind == JsonValueKind.Object)
            {
                foreach (var header in multi.EnumerateObject())
                {
                    http.Response.Headers[header.Name] = header.Value.EnumerateArray().Select(v => v.GetString()).ToArray();
                }
            }

            if (root.TryGetProperty("cookies", out var cookies) && cookies.ValueKind == JsonValueKind.Array)
            {
                http.Response.Headers.SetCookie = cookies.EnumerateArray().Select(v => v.GetString()).ToArray();
            }

            if (root.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.String)
            {
                var base64 = root.TryGetProperty("isBase64Encoded", out var flag) && flag.ValueKind == JsonValueKind.True;
                var bytes = base64 ? body.GetBytesFromBase64() : System.Text.Encoding.UTF8.GetBytes(body.GetString()!);
                if (!HttpMethods.IsHead(http.Request.Method))
                {
                    await http.Response.Body.WriteAsync(bytes).ConfigureAwait(false);
                }
            }
        }
    }

    private static Task WriteGatewayErrorAsync(HttpContext http, int status, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(JsonSerializer.Serialize(message, LocalJsonContext.Default.String) is var text ? "{\"message\":" + text + "}" : string.Empty);
    }
}
