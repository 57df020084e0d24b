using System.Runtime.InteropServices;
using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Adapters;

namespace Lambda.Toolkit;

public sealed partial class LambdaApplication
{
    /// <summary>
    /// Maps a typed handler for every event: the payload is read as <typeparamref name="TEvent"/> and the
    /// result written as <typeparamref name="TResult"/>, both through source-generated metadata (no
    /// reflection). An event that is not valid JSON or not a <typeparamref name="TEvent"/> fails with
    /// <see cref="LambdaErrorTypes.InvalidEvent"/>.
    /// </summary>
    /// <typeparam name="TEvent">The event type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="handler">Receives the event, the invocation and its cancellation token.</param>
    /// <param name="eventType">Source-generated metadata for <typeparamref name="TEvent"/>.</param>
    /// <param name="resultType">Source-generated metadata for <typeparamref name="TResult"/>.</param>
    /// <returns>This application.</returns>
    public LambdaApplication MapHandler<TEvent, TResult>(
        Func<TEvent, InvocationContext, CancellationToken, ValueTask<TResult>> handler,
        JsonTypeInfo<TEvent> eventType,
        JsonTypeInfo<TResult> resultType)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(eventType);
        ArgumentNullException.ThrowIfNull(resultType);
        return MapHandler(context =>
        {
            try
            {
                return WriteResult(handler(EventReader.Read(context.Payload.Span, eventType), context, context.CancellationToken), context, resultType);
            }
            catch (Exception ex)
            {
                return ValueTask.FromException(ex);
            }
        });
    }

    /// <summary>
    /// Maps a typed handler without a result, for events whose caller expects none (asynchronous
    /// invocations: S3, SNS, EventBridge). The response body is empty.
    /// </summary>
    /// <typeparam name="TEvent">The event type.</typeparam>
    /// <param name="handler">Receives the event, the invocation and its cancellation token.</param>
    /// <param name="eventType">Source-generated metadata for <typeparamref name="TEvent"/>.</param>
    /// <returns>This application.</returns>
    public LambdaApplication MapHandler<TEvent>(
        Func<TEvent, InvocationContext, CancellationToken, ValueTask> handler,
        JsonTypeInfo<TEvent> eventType)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(eventType);
        return MapHandler(context => handler(EventReader.Read(context.Payload.Span, eventType), context, context.CancellationToken));
    }

    /// <summary>
    /// Maps a class handler for every event, resolved from the invocation's scope. Register it with
    /// <c>builder.Services.AddScoped&lt;THandler&gt;()</c>: an unregistered handler fails init with a message
    /// naming that registration (nothing is created by reflection).
    /// </summary>
    /// <typeparam name="TEvent">The event type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <typeparam name="THandler">The handler class.</typeparam>
    /// <param name="eventType">Source-generated metadata for <typeparamref name="TEvent"/>.</param>
    /// <param name="resultType">Source-generated metadata for <typeparamref name="TResult"/>.</param>
    /// <returns>This application.</returns>
    public LambdaApplication MapHandler<TEvent, TResult, THandler>(
        JsonTypeInfo<TEvent> eventType,
        JsonTypeInfo<TResult> resultType)
        where THandler : class, ILambdaHandler<TEvent, TResult>
    {
        ArgumentNullException.ThrowIfNull(eventType);
        ArgumentNullException.ThrowIfNull(resultType);
        return MapAdapter(new HandlerAdapter(typeof(THandler).Name, null, build =>
        {
            var resolve = build.GetScopedServiceFactory<THandler>();
            return context =>
            {
                try
                {
                    var input = EventReader.Read(context.Payload.Span, eventType);
                    return WriteResult(resolve(context.Services).HandleAsync(input, context, context.CancellationToken), context, resultType);
                }
                catch (Exception ex)
                {
                    return ValueTask.FromException(ex);
                }
            };
        }));
    }

    /// <summary>
    /// Maps a stream handler for every event: it reads the raw payload as a stream and returns the
    /// response as a stream (or <see langword="null"/> for an empty response).
    /// </summary>
    /// <param name="handler">Receives the payload stream, the invocation and its cancellation token.</param>
    /// <returns>This application.</returns>
    public LambdaApplication MapStreamHandler(Func<Stream, InvocationContext, CancellationToken, ValueTask<Stream?>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return MapHandler(async context =>
        {
            using var input = AsStream(context.Payload);
            var output = await handler(input, context, context.CancellationToken).ConfigureAwait(false);
            if (output is null)
            {
                return;
            }

            await using (output.ConfigureAwait(false))
            {
                var writer = context.Response.BodyWriter;
                while (true)
                {
                    var memory = writer.GetMemory(8192);
                    var read = await output.ReadAsync(memory, context.CancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    writer.Advance(read);
                }
            }
        });
    }

    /// <summary>Writes a handler's result as the response: without a state machine when the handler finished synchronously.</summary>
    private static ValueTask WriteResult<TResult>(ValueTask<TResult> pending, InvocationContext context, JsonTypeInfo<TResult> resultType)
    {
        if (!pending.IsCompletedSuccessfully)
        {
            return WriteResultAsync(pending, context, resultType);
        }

        context.Response.SetJson(pending.Result, resultType);
        return ValueTask.CompletedTask;
    }

    private static async ValueTask WriteResultAsync<TResult>(ValueTask<TResult> pending, InvocationContext context, JsonTypeInfo<TResult> resultType) =>
        context.Response.SetJson(await pending.ConfigureAwait(false), resultType);

    private static MemoryStream AsStream(ReadOnlyMemory<byte> payload) =>
        MemoryMarshal.TryGetArray(payload, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(payload.ToArray(), writable: false);
}
