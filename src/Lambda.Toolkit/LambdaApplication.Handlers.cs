using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

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
        return MapHandler(async context =>
        {
            var input = ReadEvent(context.Payload, eventType);
            var result = await handler(input, context, context.CancellationToken).ConfigureAwait(false);
            context.Response.SetJson(result, resultType);
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
        return MapHandler(context => handler(ReadEvent(context.Payload, eventType), context, context.CancellationToken));
    }

    /// <summary>
    /// Maps a class handler for every event, resolved from the invocation's scope (register it with
    /// <c>builder.Services.AddScoped&lt;THandler&gt;()</c>; if it is not registered, one is created per
    /// invocation with its constructor dependencies from the scope).
    /// </summary>
    /// <typeparam name="TEvent">The event type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <typeparam name="THandler">The handler class.</typeparam>
    /// <param name="eventType">Source-generated metadata for <typeparamref name="TEvent"/>.</param>
    /// <param name="resultType">Source-generated metadata for <typeparamref name="TResult"/>.</param>
    /// <returns>This application.</returns>
    public LambdaApplication MapHandler<TEvent, TResult, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(
        JsonTypeInfo<TEvent> eventType,
        JsonTypeInfo<TResult> resultType)
        where THandler : class, ILambdaHandler<TEvent, TResult>
    {
        var resolve = ServiceActivator.For<THandler>(_services);
        return MapHandler<TEvent, TResult>((input, context, token) => resolve(context.Services).HandleAsync(input, context, token), eventType, resultType);
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

    /// <summary>Reads an event through source-generated metadata, turning every failure into an <see cref="InvalidEventException"/>.</summary>
    internal static TEvent ReadEvent<TEvent>(ReadOnlyMemory<byte> payload, JsonTypeInfo<TEvent> eventType)
    {
        TEvent? input;
        try
        {
            input = JsonSerializer.Deserialize(payload.Span, eventType);
        }
        catch (JsonException ex)
        {
            throw new InvalidEventException(typeof(TEvent), $"The event is not a valid {typeof(TEvent).Name}: {ex.Message}", ex);
        }
        catch (NotSupportedException ex)
        {
            throw new InvalidEventException(typeof(TEvent), $"The event cannot be read as {typeof(TEvent).Name}: {ex.Message}", ex);
        }

        return input ?? throw new InvalidEventException(typeof(TEvent), $"The event is null; a {typeof(TEvent).Name} was expected.");
    }

    private static MemoryStream AsStream(ReadOnlyMemory<byte> payload) =>
        MemoryMarshal.TryGetArray(payload, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(payload.ToArray(), writable: false);
}
