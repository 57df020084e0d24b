using System.Text;
using Lambda.Toolkit.Local.Simulation;

namespace Lambda.Toolkit.Local.Tests.Simulation;

/// <summary>
/// A function played in process for the engine's unit tests: each invocation's payload goes to a delegate that
/// answers it. Every payload is kept, so tests can read what the service delivered and when.
/// </summary>
internal sealed class ScriptedFunction(SimulatedClock clock, Func<string, int, FunctionInvocation> answer) : IFunctionInvoker
{
    /// <summary>Each invocation's payload and the virtual time it was made at.</summary>
    public List<(string Payload, TimeSpan At)> Invocations { get; } = [];

    /// <summary>Each invocation's request id, as the service chose it (<see langword="null"/>: a new one).</summary>
    public List<string?> RequestIds { get; } = [];

    public ValueTask<FunctionInvocation> InvokeAsync(byte[] payload, string? requestId, CancellationToken cancellationToken)
    {
        var text = Encoding.UTF8.GetString(payload);
        Invocations.Add((text, clock.Elapsed));
        RequestIds.Add(requestId);
        var result = answer(text, Invocations.Count);
        return ValueTask.FromResult(requestId is null ? result : result with { RequestId = requestId });
    }

    public static FunctionInvocation Respond(string body, TimeSpan duration = default) =>
        new(InvocationKind.Success, Guid.NewGuid().ToString(), Encoding.UTF8.GetBytes(body), null, duration);

    public static FunctionInvocation Fail(InvocationKind kind = InvocationKind.FunctionError, TimeSpan duration = default) =>
        new(kind, Guid.NewGuid().ToString(), Encoding.UTF8.GetBytes("""{"errorType":"Boom","errorMessage":"boom"}"""), kind == InvocationKind.Timeout ? "Sandbox.Timedout" : "Boom", duration);
}
