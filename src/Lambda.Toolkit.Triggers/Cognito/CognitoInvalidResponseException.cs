namespace Lambda.Toolkit.Triggers.Cognito;

/// <summary>A handler's <c>response</c> breaks a rule of its Cognito trigger; reported as <see cref="CognitoErrorTypes.InvalidResponse"/>.</summary>
public sealed class CognitoInvalidResponseException : LambdaFunctionException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="triggerSource">The event's <c>triggerSource</c>.</param>
    /// <param name="problem">The field and the rule it breaks.</param>
    public CognitoInvalidResponseException(string triggerSource, string problem)
        : base(CognitoErrorTypes.InvalidResponse, $"The {triggerSource} handler's response is not accepted by Amazon Cognito: {problem}")
    {
        TriggerSource = triggerSource;
        Problem = problem;
    }

    /// <summary>The event's <c>triggerSource</c>.</summary>
    public string TriggerSource { get; }

    /// <summary>The field and the rule it breaks.</summary>
    public string Problem { get; }
}
