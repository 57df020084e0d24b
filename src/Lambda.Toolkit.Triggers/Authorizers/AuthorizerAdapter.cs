using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Adapters;
using Microsoft.Extensions.Logging;

namespace Lambda.Toolkit.Triggers.Authorizers;

/// <summary>
/// The authorizer adapter, on the public adapter contract, for every authorizer source: it reads the request,
/// rejects bad input with a named error, runs the handler against the invocation's deadline token and answers
/// with the source's denial whenever the handler throws, returns <see langword="null"/> or has not answered when
/// the token fires. Nothing but a handler's own answer ever allows.
/// </summary>
/// <typeparam name="TRequest">The source's request.</typeparam>
/// <typeparam name="TResult">What the handler returns.</typeparam>
internal sealed class AuthorizerAdapter<TRequest, TResult>(
    string name,
    JsonTypeInfo<TRequest> requestType,
    Func<TRequest, InvocationContext, CancellationToken, ValueTask<TResult?>> handler,
    AuthorizerContract<TRequest, TResult> contract) : LambdaAdapter
    where TResult : class
{
    public override string Name => name;

    public override bool Accepts(InvocationContext context) => contract.Accepts(context.Classify(AuthorizerClassifier.Instance));

    public override InvocationDelegate? Build(PipelineBuildContext context)
    {
        var logger = context.CreateLogger("Lambda.Toolkit.Triggers.Authorizers");
        return async invocation =>
        {
            var request = EventReader.Read(invocation.Payload.Span, requestType);
            contract.Validate(request);
            var token = invocation.CancellationToken;
            TResult? result;
            try
            {
                var pending = handler(request, invocation, token);
                result = pending.IsCompleted ? pending.Result : await WaitAsync(pending.AsTask(), token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                AuthorizerLog.DeadlineReached(logger, name);
                contract.Deny(invocation, request);
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                AuthorizerLog.HandlerFailed(logger, name, ex);
                contract.Deny(invocation, request);
                return;
            }

            if (result is null)
            {
                AuthorizerLog.NullResult(logger, name);
                contract.Deny(invocation, request);
                return;
            }

            if (contract.Check(request, result) is { } problem)
            {
                AuthorizerLog.InvalidAnswer(logger, name, problem);
                contract.Deny(invocation, request);
                return;
            }

            contract.Answer(invocation, request, result);
        };
    }

    /// <summary>Waits for the handler until the token fires; a handler still running then is left to finish on its own, its failure observed.</summary>
    private static async Task<TResult?> WaitAsync(Task<TResult?> task, CancellationToken token)
    {
        try
        {
            return await task.WaitAsync(token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested && !task.IsCompleted)
        {
            _ = task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }
    }
}
