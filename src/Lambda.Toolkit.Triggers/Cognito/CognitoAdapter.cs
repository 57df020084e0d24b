using Lambda.Toolkit.Adapters;
using Lambda.Toolkit.Events.Cognito;

namespace Lambda.Toolkit.Triggers.Cognito;

/// <summary>
/// The Cognito user pool adapter: takes every event with a top-level <c>triggerSource</c> and <c>userPoolId</c>,
/// dispatches it to the handler registered for its family, and fails an event of a family no handler is registered
/// for, naming what was received and what the function handles.
/// </summary>
internal sealed class CognitoAdapter(CognitoTriggerBuilder triggers) : LambdaAdapter
{
    public override string Name => "Cognito user pool triggers";

    public override bool Accepts(InvocationContext context) => context.Classify(CognitoClassifier.Instance) != CognitoTrigger.NotCognito;

    public override InvocationDelegate? Build(PipelineBuildContext context)
    {
        context.AddProblems(triggers.Problems);
        if (!triggers.HasHandlers)
        {
            context.AddProblem("MapCognito: no trigger is registered; call cognito.OnPreSignUp(...), cognito.OnPreTokenGenerationV2(...) or another On* method.");
        }

        if (context.HasProblems)
        {
            return null;
        }

        var handlers = triggers.Handlers;
        var handled = triggers.Handled();
        return invocation =>
        {
            var trigger = invocation.Classify(CognitoClassifier.Instance);
            return handlers[(int)trigger] is { } handler ? handler(invocation) : throw Unhandled(invocation, trigger, handled);
        };
    }

    private static InvalidEventException Unhandled(InvocationContext invocation, CognitoTrigger trigger, string handled)
    {
        var (source, version) = CognitoClassifier.ReadSource(invocation.Payload.Span);
        var received = trigger is CognitoTrigger.PreTokenGeneration or CognitoTrigger.PreTokenGenerationV2 || (trigger == CognitoTrigger.Unknown && source?.StartsWith("TokenGeneration_", StringComparison.Ordinal) == true)
            ? $"triggerSource '{source}' with version '{version ?? "(none)"}'"
            : $"triggerSource '{source}'";
        var why = trigger == CognitoTrigger.Unknown ? "which is not a Cognito user pool trigger the toolkit knows" : "for which no handler is registered";
        return new InvalidEventException(typeof(CognitoTriggerEvent), $"The Cognito event has {received}, {why}; this function handles {handled}.")
        {
            JsonPath = "$.triggerSource",
        };
    }
}
