using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Lambda.Toolkit.Testing;

namespace Lambda.Toolkit.Local.Tracing;

/// <summary>
/// <c>--trace</c>: each invocation gets a sampled X-Ray trace header with a fresh root and a parent id (the emulator
/// plays the Lambda function segment), and, unless the function was given its own <c>AWS_XRAY_DAEMON_ADDRESS</c>,
/// the tool plays the X-Ray daemon on a free local UDP port, collects each invocation's subsegments and prints them
/// as an indented tree after the REPORT line.
/// </summary>
internal sealed class LocalTrace : IAsyncDisposable
{
    /// <summary>How long to wait, after the invocation ended, for the invocation's own subsegment (sent last).</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);
    private readonly UdpClient? _udp;
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private readonly Task _receiving = Task.CompletedTask;

    private LocalTrace(bool listen)
    {
        if (!listen)
        {
            return;
        }

        _udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        DaemonAddress = $"127.0.0.1:{((IPEndPoint)_udp.Client.LocalEndPoint!).Port}";
        _receiving = ReceiveAsync();
    }

    /// <summary>The address the function sends to, or <see langword="null"/> when it has one of its own.</summary>
    public string? DaemonAddress { get; }

    /// <summary>Starts tracing; listens unless <paramref name="environment"/> already names a daemon.</summary>
    public static LocalTrace Start(IReadOnlyDictionary<string, string?> environment) =>
        new(!environment.ContainsKey("AWS_XRAY_DAEMON_ADDRESS"));

    /// <summary>A new sampled invocation: its trace header, and the root and function segment id to print it by.</summary>
    public TracedInvocation Next(string? requestId)
    {
        var root = $"1-{DateTimeOffset.UtcNow.ToUnixTimeSeconds():x8}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}";
        var segment = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        lock (_pending)
        {
            _pending[root] = new Pending(segment);
        }

        return new TracedInvocation(root, segment, new TestInvocation { RequestId = requestId, TraceId = $"Root={root};Parent={segment};Sampled=1" });
    }

    /// <summary>Writes the invocation's trace tree (or why there is none) once its subsegments have arrived.</summary>
    public async Task WriteAsync(TracedInvocation invocation, string functionName, TimeSpan duration, TextWriter output)
    {
        Pending? pending;
        lock (_pending)
        {
            _pending.TryGetValue(invocation.Root, out pending);
        }

        if (_udp is null || pending is null)
        {
            await output.WriteLineAsync($"TRACE {invocation.Root} (sent to the function's own AWS_XRAY_DAEMON_ADDRESS)").ConfigureAwait(false);
            return;
        }

        // Datagrams may still be on their way (or in the socket's queue): wait for the invocation's own subsegment.
        await Task.WhenAny(pending.Done.Task, Task.Delay(Settle)).ConfigureAwait(false);
        lock (_pending)
        {
            _pending.Remove(invocation.Root);
        }

        List<JsonElement> documents;
        lock (pending.Documents)
        {
            documents = [.. pending.Documents];
        }

        await output.WriteAsync(TraceTree.Format(invocation.Root, invocation.Segment, functionName, duration, documents)).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _udp?.Dispose();
        try
        {
            await _receiving.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopping.
        }

        _stop.Dispose();
    }

    private async Task ReceiveAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var datagram = await _udp!.ReceiveAsync(_stop.Token).ConfigureAwait(false);
            var text = Encoding.UTF8.GetString(datagram.Buffer);
            var newline = text.IndexOf('\n', StringComparison.Ordinal);
            JsonElement document;
            try
            {
                document = JsonDocument.Parse(text.AsMemory(newline + 1)).RootElement.Clone();
            }
            catch (JsonException)
            {
                continue;
            }

            if (!document.TryGetProperty("trace_id", out var traceId) || traceId.GetString() is not { } root)
            {
                continue;
            }

            lock (_pending)
            {
                if (!_pending.TryGetValue(root, out var pending))
                {
                    continue;
                }

                lock (pending.Documents)
                {
                    pending.Documents.Add(document);
                }

                // The invocation's own subsegment (child of the function segment) stops last: the trace is complete.
                if (document.TryGetProperty("parent_id", out var parent) && parent.GetString() == pending.Segment)
                {
                    pending.Done.TrySetResult();
                }
            }
        }
    }

    private sealed class Pending(string segment)
    {
        public string Segment { get; } = segment;

        public List<JsonElement> Documents { get; } = [];

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>One traced invocation.</summary>
internal sealed record TracedInvocation(string Root, string Segment, TestInvocation Invocation);

/// <summary>Prints a trace's subsegments as an indented tree under the (emulated) function segment.</summary>
internal static class TraceTree
{
    public static string Format(string root, string segment, string functionName, TimeSpan duration, IReadOnlyList<JsonElement> documents)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"TRACE {root}").AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"  {functionName} (function segment {segment})  {duration.TotalMilliseconds:0.00} ms").AppendLine();
        if (documents.Count == 0)
        {
            text.AppendLine("    (no subsegments received: does the function call builder.Services.AddXRayTracing()?)");
            return text.ToString();
        }

        var ids = new HashSet<string>(documents.Select(static d => Text(d, "id") ?? string.Empty), StringComparer.Ordinal);
        var children = documents
            .OrderBy(static d => d.TryGetProperty("start_time", out var s) ? s.GetDouble() : 0)
            .ToLookup(d => Text(d, "parent_id") is { } parent && ids.Contains(parent) ? parent : segment, StringComparer.Ordinal);
        Append(text, children, segment, depth: 2);
        return text.ToString();
    }

    private static void Append(StringBuilder text, ILookup<string, JsonElement> children, string parent, int depth)
    {
        foreach (var document in children[parent])
        {
            var start = document.GetProperty("start_time").GetDouble();
            var end = document.TryGetProperty("end_time", out var e) ? e.GetDouble() : start;
            text.Append(' ', depth * 2).Append(Text(document, "name")).Append(CultureInfo.InvariantCulture, $"  {(end - start) * 1000:0.00} ms");
            foreach (var mark in (ReadOnlySpan<string>)["fault", "error", "throttle"])
            {
                if (document.TryGetProperty(mark, out var flag) && flag.ValueKind == JsonValueKind.True)
                {
                    text.Append("  [").Append(mark).Append(']');
                }
            }

            if (document.TryGetProperty("annotations", out var annotations))
            {
                foreach (var annotation in annotations.EnumerateObject())
                {
                    if (annotation.Name != "faas_invocation_id")
                    {
                        text.Append("  ").Append(annotation.Name).Append('=').Append(annotation.Value.ValueKind == JsonValueKind.String ? annotation.Value.GetString() : annotation.Value.GetRawText());
                    }
                }
            }

            if (document.TryGetProperty("cause", out var cause) && cause.TryGetProperty("exceptions", out var exceptions) && exceptions.GetArrayLength() > 0)
            {
                text.Append("  (").Append(Text(exceptions[0], "type")).Append(": ").Append(Text(exceptions[0], "message")).Append(')');
            }

            text.AppendLine();
            if (Text(document, "id") is { } id)
            {
                Append(text, children, id, depth + 1);
            }
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
