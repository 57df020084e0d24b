namespace Lambda.Toolkit;

/// <summary>
/// A typed function handler: receives the deserialized event and returns the result that is
/// serialized as the invocation's response. Handlers are resolved from the invocation's scope.
/// </summary>
/// <typeparam name="TEvent">The event type, deserialized with a source-generated <c>JsonTypeInfo</c>.</typeparam>
/// <typeparam name="TResult">The result type, serialized with a source-generated <c>JsonTypeInfo</c>.</typeparam>
public interface ILambdaHandler<in TEvent, TResult>
{
    /// <summary>Handles one event.</summary>
    /// <param name="input">The deserialized event.</param>
    /// <param name="context">The invocation: request id, deadline, scoped services.</param>
    /// <param name="cancellationToken">Fires a safety margin before the invocation's deadline.</param>
    /// <returns>The result to send back to Lambda.</returns>
    ValueTask<TResult> HandleAsync(TEvent input, InvocationContext context, CancellationToken cancellationToken);
}
