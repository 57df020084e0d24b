using System.Globalization;
using System.Net;
using System.Text.Json;
using Lambda.Toolkit.Emulator;
using Lambda.Toolkit.Local.Tracing;
using Lambda.Toolkit.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
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
        var timeout = TimeSpan.FromSeconds(FunctionCommandOptions.DefaultTimeoutSeconds);
        var memory = FunctionCommandOptions.DefaultMemoryMb;
        var traced = false;
        for (var i = 0; i < args.Length; i++)
        {
            try
            {
                switch (args[i])
                {
                    case "--help" or "-h":
                        await stdout.WriteLineAsync(Usage.Text).ConfigureAwait(false);
                        return ExitCodes.Success;
                    case "--port" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p <= 65535:
                        port = p;
                        i++;
                        break;
                    case "--format" when i + 1 < args.Length && args[i + 1] is "v1" or "v2" or "alb":
                        format = args[++i];
                        break;
                    case "--timeout" when i + 1 < args.Length:
                        timeout = OptionValues.Timeout(args[++i]);
                        break;
                    case "--memory" when i + 1 < args.Length:
                        memory = OptionValues.Memory(args[++i]);
                        break;
                    case "--trace":
                        traced = true;
                        break;
                    case var arg when !arg.StartsWith('-') && function is null:
                        function = arg;
                        break;
                    default:
                        return await Usage.FailAsync(stderr, $"Invalid argument '{args[i]}' (serve takes <function> [--port N] [--format v1|v2|alb] [--timeout seconds] [--memory MB] [--trace]).").ConfigureAwait(false);
                }
            }
            catch (FormatException ex)
            {
                return await Usage.FailAsync(stderr, ex.Message).ConfigureAwait(false);
            }
        }

        if (function is null)
        {
            return await Usage.FailAsync(stderr, "Name the function to serve: a project directory, .csproj, .dll or executable.").ConfigureAwait(false);
        }

        var output = TextWriter.Synchronized(stdout);
        var errors = TextWriter.Synchronized(stderr);

        // The port is bound first, so a port in use is one line and exit 2 before anything is built or started.
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        await using var app = builder.Build();
        using var gate = new SemaphoreSlim(1, 1);
        var served = new TaskCompletionSource<LocalFunction>(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Run(async http =>
        {
            var target = await served.Task.WaitAsync(http.RequestAborted).ConfigureAwait(false);
            await gate.WaitAsync(http.RequestAborted).ConfigureAwait(false);
            try
            {
                await HandleAsync(target, http, format, errors, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        });
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            var message = ex.InnerException is AddressInUseException
                ? $"Port {port} on 127.0.0.1 is already in use; stop what uses it or choose another with --port."
                : $"Cannot listen on 127.0.0.1:{port}: {ex.Message}";
            return await Usage.FailOneLineAsync(errors, message).ConfigureAwait(false);
        }

        var stopped = false;
        try
        {
            await using var emulator = await RuntimeApiEmulator.StartAsync(new RuntimeApiEmulatorOptions { FunctionName = Path.GetFileNameWithoutExtension(Path.GetFullPath(function).TrimEnd('/')), Timeout = timeout }, cancellationToken).ConfigureAwait(false);
            await using var trace = traced ? LocalTrace.Start(new Dictionary<string, string?>()) : null;
            await using var target = new LocalFunction(emulator, function, memory, output, errors, trace: trace);
            try
            {
                await target.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (FunctionProcessException ex)
            {
                await errors.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return ExitCodes.ProcessFailed;
            }

            served.TrySetResult(target);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            await errors.WriteLineAsync($"[lambda-toolkit] Serving {function} as {format} events on {address} (Ctrl+C to stop)").ConfigureAwait(false);
            listening?.Invoke(address);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopped: Ctrl+C, SIGTERM or the caller's token.
            }

            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            stopped = true;
            await target.StopAsync().ConfigureAwait(false);
            await errors.WriteLineAsync("[lambda-toolkit] Stopped.").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await errors.WriteLineAsync("[lambda-toolkit] Cancelled.").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        finally
        {
            if (!stopped)
            {
                await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One request, one invocation of the served function; called one at a time.</summary>
    private static async Task HandleAsync(LocalFunction function, HttpContext http, string format, TextWriter errors, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(http.Request).ConfigureAwait(false);
        if (body.Length > LambdaLimits.SyncPayloadBytes)
        {
            await WriteGatewayErrorAsync(http, 413, "Request Entity Too Large").ConfigureAwait(false);
            return;
        }

        var requestId = Guid.NewGuid().ToString();
        var payload = HttpEventFactory.Create(format, http.Request, body, requestId);
        if (payload.Length > LambdaLimits.SyncPayloadBytes)
        {
            await WriteGatewayErrorAsync(http, 413, "Request Entity Too Large").ConfigureAwait(false);
            return;
        }

        if (await function.InvokeAsync(payload, new TestInvocation { RequestId = requestId }, cancellationToken).ConfigureAwait(false) is not { Result: var result })
        {
            // Two processes died before taking the event: give up on this request rather than loop.
            await WriteGatewayErrorAsync(http, 502, "Internal Server Error").ConfigureAwait(false);
            return;
        }

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
