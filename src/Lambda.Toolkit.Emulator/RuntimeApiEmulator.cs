using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Lambda.Toolkit.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lambda.Toolkit.Emulator;

/// <summary>
/// The Lambda Runtime API on 127.0.0.1 (a random port), for running a function process locally and in
/// end-to-end tests: it queues events, hands them out on <c>invocation/next</c>, and collects responses,
/// errors, init and restore errors, enforcing the timeout and the response size limit as Lambda does.
/// Point a function at it with <c>AWS_LAMBDA_RUNTIME_API=</c><see cref="RuntimeApiAddress"/>.
/// </summary>
public sealed class RuntimeApiEmulator : IAsyncDisposable
{
    private const string Prefix = "/2018-06-01/runtime/";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);
    private readonly RuntimeApiEmulatorOptions _options;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>();
    private readonly ConcurrentDictionary<string, Pending> _inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<HttpContext, DateTimeOffset> _waitingNext = new();
    private readonly TaskCompletionSource<EmulatedError> _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<EmulatedError> _restoreError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<DateTimeOffset> _firstNext = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<DateTimeOffset> _restoreNext = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _resumed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;
    private int _disposed;

    private RuntimeApiEmulator(RuntimeApiEmulatorOptions options)
    {
        _options = options;
    }

    /// <summary>The value for <c>AWS_LAMBDA_RUNTIME_API</c>: <c>127.0.0.1:port</c>.</summary>
    public string RuntimeApiAddress { get; private set; } = string.Empty;

    /// <summary>The emulated function's settings.</summary>
    public RuntimeApiEmulatorOptions Options => _options;

    /// <summary>Faults to inject into the next Runtime API requests.</summary>
    public EmulatorFaults Faults { get; } = new();

    /// <summary>Completes when the function posts to <c>init/error</c>.</summary>
    public Task<EmulatedError> InitError => _initError.Task;

    /// <summary>Completes when the function posts to <c>restore/error</c>.</summary>
    public Task<EmulatedError> RestoreError => _restoreError.Task;

    /// <summary>Completes, with the time, when the function first calls <c>invocation/next</c>: the end of its init.</summary>
    public Task<DateTimeOffset> FirstNextRequested => _firstNext.Task;

    /// <summary>Completes, with the time, when the function calls <c>restore/next</c> (SnapStart).</summary>
    public Task<DateTimeOffset> RestoreNextRequested => _restoreNext.Task;

    /// <summary>
    /// Resumes the snapshot: a <c>restore/next</c> call held because <see cref="RuntimeApiEmulatorOptions.HoldRestore"/>
    /// is set is answered now (and any later one at once). Without <see cref="RuntimeApiEmulatorOptions.HoldRestore"/>
    /// it changes nothing.
    /// </summary>
    public void Restore() => _resumed.TrySetResult();

    /// <summary>Raised, with the time, on every <c>invocation/next</c> request; the function runner measures init with it.</summary>
    internal event Action<DateTimeOffset>? NextRequested;

    /// <summary>Raised when an invocation ends, however it ends; the function runner samples peak memory with it.</summary>
    internal event Action<EmulatedInvocationResult>? InvocationCompleted;

    /// <summary>Starts the emulator on a free port of 127.0.0.1.</summary>
    /// <param name="options">The emulated function.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator.</returns>
    public static async Task<RuntimeApiEmulator> StartAsync(RuntimeApiEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var emulator = new RuntimeApiEmulator(options ?? new RuntimeApiEmulatorOptions());
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Limits.KeepAliveTimeout = TimeSpan.FromHours(1);
        });
        var app = builder.Build();
        app.Run(emulator.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        emulator.RuntimeApiAddress = new Uri(address).Authority;
        emulator._app = app;
        return emulator;
    }

    /// <summary>
    /// Queues an event and waits until the function answers it, times out, or reports an init error.
    /// </summary>
    /// <param name="payload">The event, UTF-8 JSON.</param>
    /// <param name="invocation">Per-invocation header values.</param>
    /// <param name="cancellationToken">Stops waiting (the invocation stays queued or in flight).</param>
    /// <returns>What the function answered.</returns>
    /// <exception cref="ObjectDisposedException">The emulator has been disposed.</exception>
    /// <exception cref="OperationCanceledException">
    /// <paramref name="cancellationToken"/> fired, or the emulator was disposed before the invocation ended.
    /// </exception>
    public async Task<EmulatedInvocationResult> InvokeAsync(ReadOnlyMemory<byte> payload, TestInvocation? invocation = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var pending = new Pending(payload.ToArray(), invocation ?? new TestInvocation(), _options, OnCompleted);
        await _queue.Writer.WriteAsync(pending, cancellationToken).ConfigureAwait(false);
        if (Volatile.Read(ref _disposed) != 0)
        {
            // Disposed while queuing: nobody will hand this invocation out.
            pending.Cancel();
        }

        var finished = await Task.WhenAny(pending.Result.Task, _initError.Task).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (finished == pending.Result.Task)
        {
            return await pending.Result.Task.ConfigureAwait(false);
        }

        var init = await _initError.Task.ConfigureAwait(false);
        return new EmulatedInvocationResult(pending.RequestId, EmulatedInvocationStatus.InitError, Encoding.UTF8.GetBytes(init.Body), init.ErrorType, init.ErrorMessage, null, _options.TimeProvider.GetUtcNow());
    }

    /// <inheritdoc />
    /// <remarks>Invocations still queued or in flight end with an <see cref="OperationCanceledException"/>.</remarks>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _queue.Writer.TryComplete();
        while (_queue.Reader.TryRead(out var queued))
        {
            queued.Cancel();
        }

        foreach (var inFlight in _inFlight.Values)
        {
            inFlight.Cancel();
        }

        _inFlight.Clear();
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private void OnCompleted(EmulatedInvocationResult result) => InvocationCompleted?.Invoke(result);

    private async Task HandleAsync(HttpContext http)
    {
        var fault = Faults.Take();
        if (fault == EmulatorFaults.Abort)
        {
            http.Abort();
            return;
        }

        if (fault > 0)
        {
            await WriteErrorAsync(http, fault, "InjectedFault", "A fault injected by the emulator.").ConfigureAwait(false);
            return;
        }

        var path = http.Request.Path.Value ?? string.Empty;
        var method = http.Request.Method;
        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            await WriteErrorAsync(http, 404, "NotFound", $"Unknown path {path}.").ConfigureAwait(false);
            return;
        }

        var route = path[Prefix.Length..];
        if (HttpMethods.IsGet(method) && route == "invocation/next")
        {
            await NextAsync(http).ConfigureAwait(false);
        }
        else if (HttpMethods.IsPost(method) && route == "init/error")
        {
            _initError.TrySetResult(await ReadErrorAsync(http).ConfigureAwait(false));
            http.Response.StatusCode = 202;
        }
        else if (HttpMethods.IsGet(method) && route == "restore/next")
        {
            _restoreNext.TrySetResult(_options.TimeProvider.GetUtcNow());
            if (_options.HoldRestore)
            {
                using var waiting = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _stopping.Token);
                try
                {
                    await _resumed.Task.WaitAsync(waiting.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            http.Response.StatusCode = 200;
        }
        else if (HttpMethods.IsPost(method) && route == "restore/error")
        {
            _restoreError.TrySetResult(await ReadErrorAsync(http).ConfigureAwait(false));
            http.Response.StatusCode = 202;
        }
        else if (HttpMethods.IsPost(method) && route.StartsWith("invocation/", StringComparison.Ordinal) && route.EndsWith("/response", StringComparison.Ordinal))
        {
            await ResponseAsync(http, Uri.UnescapeDataString(route["invocation/".Length..^"/response".Length])).ConfigureAwait(false);
        }
        else if (HttpMethods.IsPost(method) && route.StartsWith("invocation/", StringComparison.Ordinal) && route.EndsWith("/error", StringComparison.Ordinal))
        {
            await ErrorAsync(http, Uri.UnescapeDataString(route["invocation/".Length..^"/error".Length])).ConfigureAwait(false);
        }
        else
        {
            await WriteErrorAsync(http, 404, "NotFound", $"Unknown Runtime API call {method} {path}.").ConfigureAwait(false);
        }
    }

    private async Task NextAsync(HttpContext http)
    {
        var now = _options.TimeProvider.GetUtcNow();
        _firstNext.TrySetResult(now);
        NextRequested?.Invoke(now);
        Pending pending;
        _waitingNext[http] = now;
        using (var waiting = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _stopping.Token))
        {
            try
            {
                pending = await _queue.Reader.ReadAsync(waiting.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
            {
                return;
            }
            finally
            {
                _waitingNext.TryRemove(http, out _);
            }
        }

        if (http.RequestAborted.IsCancellationRequested)
        {
            // The caller is gone: the event goes to the next caller instead.
            _queue.Writer.TryWrite(pending);
            return;
        }

        var deadline = pending.Dispatch();
        _inFlight[pending.RequestId] = pending;
        var headers = http.Response.Headers;
        headers["Lambda-Runtime-Aws-Request-Id"] = pending.RequestId;
        headers["Lambda-Runtime-Deadline-Ms"] = deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        headers["Lambda-Runtime-Invoked-Function-Arn"] = pending.Invocation.InvokedFunctionArn ?? _options.FunctionArn;
        headers["Lambda-Runtime-Trace-Id"] = pending.Invocation.TraceId ?? TraceIds.New(_options.TimeProvider.GetUtcNow());
        if (pending.Invocation.ClientContext is { } clientContext)
        {
            headers["Lambda-Runtime-Client-Context"] = clientContext;
        }

        if (pending.Invocation.CognitoIdentity is { } cognito)
        {
            headers["Lambda-Runtime-Cognito-Identity"] = cognito;
        }

        http.Response.StatusCode = 200;
        http.Response.ContentType = "application/json";
        http.Response.ContentLength = pending.Payload.Length;
        await http.Response.Body.WriteAsync(pending.Payload, http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits, at most <paramref name="timeout"/>, until every <c>invocation/next</c> request that began before
    /// <paramref name="before"/> has ended. A process that exits leaves its last <c>next</c> request waiting until
    /// the server sees its connection close; until then that request could take an event meant for the next process.
    /// Both times are on the emulator's clock (<see cref="RuntimeApiEmulatorOptions.TimeProvider"/>).
    /// </summary>
    internal async Task WhenNextRequestsEndedAsync(DateTimeOffset before, TimeSpan timeout)
    {
        var time = _options.TimeProvider;
        using var expired = new CancellationTokenSource(timeout, time);
        try
        {
            while (_waitingNext.Values.Any(started => started <= before))
            {
                await Task.Delay(PollInterval, time, expired.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (expired.IsCancellationRequested)
        {
            // Waited long enough: the caller goes on.
        }
    }

    /// <summary>
    /// Ends every invocation handed out and not yet answered with <paramref name="errorType"/>, as Lambda does when the
    /// runtime dies mid-invocation (the function runner calls it when its process exits). Queued events stay queued
    /// for the next process.
    /// </summary>
    internal void FailInFlight(string errorType, string detail)
    {
        foreach (var requestId in _inFlight.Keys)
        {
            if (_inFlight.TryRemove(requestId, out var pending))
            {
                var message = $"RequestId: {requestId} Error: {detail}";
                var body = new MemoryStream();
                using (var json = new Utf8JsonWriter(body))
                {
                    json.WriteStartObject();
                    json.WriteString("errorType", errorType);
                    json.WriteString("errorMessage", message);
                    json.WriteEndObject();
                }

                pending.Complete(EmulatedInvocationStatus.Error, body.ToArray(), errorType, message);
            }
        }
    }

    private async Task ResponseAsync(HttpContext http, string requestId)
    {
        if (!_inFlight.TryGetValue(requestId, out var pending))
        {
            await WriteErrorAsync(http, 400, "InvalidRequestID", $"Invocation {requestId} is not in flight.").ConfigureAwait(false);
            return;
        }

        var body = await ReadBodyAsync(http, _options.MaxResponseSize).ConfigureAwait(false);
        if (body is null)
        {
            var message = $"Exceeded maximum allowed payload size ({_options.MaxResponseSize} bytes).";
            pending.Complete(EmulatedInvocationStatus.Error, Encoding.UTF8.GetBytes(message), "RequestEntityTooLarge", message);
            _inFlight.TryRemove(requestId, out _);
            await WriteErrorAsync(http, 413, "RequestEntityTooLarge", message).ConfigureAwait(false);
            return;
        }

        _inFlight.TryRemove(requestId, out _);
        var accepted = pending.Complete(EmulatedInvocationStatus.Success, body, null, null);
        await WriteAcceptedOrGoneAsync(http, accepted, requestId).ConfigureAwait(false);
    }

    private async Task ErrorAsync(HttpContext http, string requestId)
    {
        if (!_inFlight.TryRemove(requestId, out var pending))
        {
            await WriteErrorAsync(http, 400, "InvalidRequestID", $"Invocation {requestId} is not in flight.").ConfigureAwait(false);
            return;
        }

        var error = await ReadErrorAsync(http).ConfigureAwait(false);
        var accepted = pending.Complete(EmulatedInvocationStatus.Error, Encoding.UTF8.GetBytes(error.Body), error.ErrorType, error.ErrorMessage);
        await WriteAcceptedOrGoneAsync(http, accepted, requestId).ConfigureAwait(false);
    }

    private static async Task WriteAcceptedOrGoneAsync(HttpContext http, bool accepted, string requestId)
    {
        if (accepted)
        {
            http.Response.StatusCode = 202;
            await http.Response.WriteAsync("""{"status":"OK"}""").ConfigureAwait(false);
        }
        else
        {
            // The invocation already timed out.
            await WriteErrorAsync(http, 410, "InvocationGone", $"Invocation {requestId} already ended.").ConfigureAwait(false);
        }
    }

    private static async Task<EmulatedError> ReadErrorAsync(HttpContext http)
    {
        var body = await ReadBodyAsync(http, int.MaxValue).ConfigureAwait(false) ?? [];
        var text = Encoding.UTF8.GetString(body);
        string? errorType = null;
        string? errorMessage = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                if (document.RootElement.TryGetProperty("errorType", out var type) && type.ValueKind == JsonValueKind.String)
                {
                    errorType = type.GetString();
                }

                if (document.RootElement.TryGetProperty("errorMessage", out var message) && message.ValueKind == JsonValueKind.String)
                {
                    errorMessage = message.GetString();
                }
            }
        }
        catch (JsonException)
        {
            // Lambda accepts any body; only its JSON fields are read.
        }

        var header = http.Request.Headers["Lambda-Runtime-Function-Error-Type"].ToString();
        return new EmulatedError(header.Length > 0 ? header : errorType, errorMessage, text);
    }

    /// <summary>Reads the request body; <see langword="null"/> when it is longer than <paramref name="limit"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext http, int limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (true)
        {
            var read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.ToArray();
            }

            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }
    }

    private static async Task WriteErrorAsync(HttpContext http, int status, string errorType, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("errorMessage", message);
            json.WriteString("errorType", errorType);
            json.WriteEndObject();
        }

        await http.Response.Body.WriteAsync(buffer.ToArray()).ConfigureAwait(false);
    }

    private sealed class Pending(byte[] payload, TestInvocation invocation, RuntimeApiEmulatorOptions options, Action<EmulatedInvocationResult> completed)
    {
        // Stops the timeout clock once the invocation has ended, so no timer outlives its invocation.
        private Action? _stopClock;
        private DateTimeOffset? _dispatchedAt;

        public string RequestId { get; } = invocation.RequestId ?? Guid.NewGuid().ToString();

        public byte[] Payload { get; } = payload;

        public TestInvocation Invocation { get; } = invocation;

        public TaskCompletionSource<EmulatedInvocationResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Marks the hand-out, starts the timeout clock and returns the deadline.</summary>
        public DateTimeOffset Dispatch()
        {
            var now = options.TimeProvider.GetUtcNow();
            _dispatchedAt = now;
            var timeout = Invocation.Timeout ?? options.Timeout;
            var clock = new CancellationTokenSource();
            _stopClock = clock.Cancel;
            _ = TimeOutAsync(now + timeout, timeout, clock);
            return now + timeout;
        }

        /// <summary>Ends the invocation; <see langword="false"/> when it had already ended (timed out, answered).</summary>
        public bool Complete(EmulatedInvocationStatus status, byte[] body, string? errorType, string? errorMessage)
        {
            var result = new EmulatedInvocationResult(RequestId, status, body, errorType, errorMessage, _dispatchedAt, options.TimeProvider.GetUtcNow());
            if (!Result.TrySetResult(result))
            {
                return false;
            }

            StopClock();
            completed(result);
            return true;
        }

        /// <summary>Ends the invocation without a result: the emulator is going away.</summary>
        public void Cancel()
        {
            if (Result.TrySetCanceled())
            {
                StopClock();
            }
        }

        private void StopClock()
        {
            try
            {
                _stopClock?.Invoke();
            }
            catch (ObjectDisposedException)
            {
                // The clock already ran out.
            }
        }

        private async Task TimeOutAsync(DateTimeOffset deadline, TimeSpan timeout, CancellationTokenSource clock)
        {
            try
            {
                // Timers may fire a little early; Lambda never reports a timeout before the deadline.
                var time = options.TimeProvider;
                for (var left = timeout; left > TimeSpan.Zero; left = deadline - time.GetUtcNow())
                {
                    await Task.Delay(left + TimeSpan.FromMilliseconds(1), time, clock.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            finally
            {
                clock.Dispose();
            }

            var message = string.Create(CultureInfo.InvariantCulture, $"Task timed out after {timeout.TotalSeconds:0.00} seconds");
            Complete(EmulatedInvocationStatus.Timeout, Encoding.UTF8.GetBytes(message), "Sandbox.Timedout", message);
        }
    }
}
