using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Lambda.Toolkit.Testing;

/// <summary>
/// Runs a <see cref="LambdaApplication"/>'s whole pipeline in-process, without sockets: init once
/// (container, options, pipeline, init hooks), then any number of invocations, each returning exactly
/// what the Runtime API would receive. The invocation path is the one the real loop uses.
/// </summary>
public sealed class LambdaTestHost : IAsyncDisposable
{
    private readonly LambdaApplication _app;
    private readonly LambdaTestHostOptions _options;
    private readonly LambdaInvoker _invoker;
    private readonly LambdaFunctionInfo _function;
    private readonly TimeProvider _time;

    private LambdaTestHost(LambdaApplication app, LambdaTestHostOptions options, LambdaInvoker invoker)
    {
        _app = app;
        _options = options;
        _invoker = invoker;
        _time = options.TimeProvider ?? invoker.TimeProvider;
        _function = new LambdaFunctionInfo(
            options.FunctionName,
            options.FunctionVersion,
            options.MemorySizeMb,
            "/aws/lambda/" + options.FunctionName,
            "2026/01/01/[$LATEST]00000000000000000000000000000000");
    }

    /// <summary>The application under test.</summary>
    public LambdaApplication Application => _app;

    /// <summary>
    /// Runs the application's init and returns a host ready for invocations. An init failure throws the
    /// exception Lambda's init-error endpoint would have been told about.
    /// </summary>
    /// <param name="app">The built application.</param>
    /// <param name="options">The fake environment.</param>
    /// <param name="cancellationToken">Cancels init.</param>
    /// <returns>The started host.</returns>
    public static async Task<LambdaTestHost> StartAsync(LambdaApplication app, LambdaTestHostOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var invoker = await app.InitializeAsync(cancellationToken).ConfigureAwait(false);
        return new LambdaTestHost(app, options ?? new LambdaTestHostOptions(), invoker);
    }

    /// <summary>Invokes the function with a raw UTF-8 payload.</summary>
    /// <param name="payload">The event bytes.</param>
    /// <param name="invocation">Per-invocation overrides.</param>
    /// <returns>The response or the error, as the Runtime API would receive them.</returns>
    public async Task<TestInvocationResult> InvokeAsync(ReadOnlyMemory<byte> payload, TestInvocation? invocation = null)
    {
        var requestId = invocation?.RequestId ?? Guid.NewGuid().ToString();
        var context = new InvocationContext(requestId, _time.GetUtcNow() + (invocation?.Timeout ?? _options.Timeout), payload.ToArray(), _function, _time)
        {
            InvokedFunctionArn = invocation?.InvokedFunctionArn ?? $"arn:aws:lambda:{_options.Region}:{_options.AccountId}:function:{_options.FunctionName}",
            TraceId = invocation?.TraceId ?? TraceIds.New(_time.GetUtcNow()),
            ClientContext = invocation?.ClientContext,
            CognitoIdentity = invocation?.CognitoIdentity,
        };
        var error = await _invoker.InvokeAsync(context).ConfigureAwait(false);
        return error is null
            ? new TestInvocationResult(requestId, context.Response.Body.ToArray(), null, null)
            : new TestInvocationResult(requestId, [], error, error.ToUtf8Json());
    }

    /// <summary>Invokes the function with a JSON string.</summary>
    /// <param name="json">The event JSON.</param>
    /// <param name="invocation">Per-invocation overrides.</param>
    /// <returns>The response or the error.</returns>
    public Task<TestInvocationResult> InvokeAsync(string json, TestInvocation? invocation = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return InvokeAsync(Encoding.UTF8.GetBytes(json), invocation);
    }

    /// <summary>Invokes the function with an event object serialized through source-generated metadata.</summary>
    /// <typeparam name="TEvent">The event type.</typeparam>
    /// <param name="event">The event.</param>
    /// <param name="eventType">Source-generated metadata for <typeparamref name="TEvent"/>.</param>
    /// <param name="invocation">Per-invocation overrides.</param>
    /// <returns>The response or the error.</returns>
    public Task<TestInvocationResult> InvokeAsync<TEvent>(TEvent @event, JsonTypeInfo<TEvent> eventType, TestInvocation? invocation = null) =>
        InvokeAsync(JsonSerializer.SerializeToUtf8Bytes(@event, eventType), invocation);

    /// <summary>Invokes the function with the event in a file (a leading UTF-8 byte-order mark is ignored).</summary>
    /// <param name="path">The event file.</param>
    /// <param name="invocation">Per-invocation overrides.</param>
    /// <returns>The response or the error.</returns>
    public async Task<TestInvocationResult> InvokeFileAsync(string path, TestInvocation? invocation = null)
    {
        var bytes = await File.ReadAllBytesAsync(path).ConfigureAwait(false);
        return await InvokeAsync(EventReader.TrimByteOrderMark(bytes), invocation).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
