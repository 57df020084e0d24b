namespace Lambda.Toolkit.Triggers.Cognito;

/// <summary>
/// Maps Amazon Cognito user pool Lambda triggers. Cognito invokes the function synchronously with the trigger's event
/// and waits (at most 5 seconds) for the same event back, its <c>response</c> filled; the adapter returns it.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><description>Events are dispatched on <c>triggerSource</c> (its family prefix) and, for pre token generation, <c>version</c>; one function may register several families.</description></item>
/// <item><description>A handler that throws fails the invocation: Cognito refuses the operation and passes the message on to the app.</description></item>
/// <item><description>
/// A response the trigger does not accept (for example <c>autoVerifyEmail</c> without an <c>email</c> attribute, both
/// <c>issueTokens</c> and <c>failAuthentication</c>, a message without the code placeholder, a reserved claim) fails the
/// invocation with <see cref="CognitoErrorTypes.InvalidResponse"/>, naming the field and the rule, before Cognito sees it.
/// </description></item>
/// <item><description>
/// An event whose <c>triggerSource</c> has no handler (or is unknown) fails with <see cref="LambdaErrorTypes.InvalidEvent"/>,
/// naming the <c>triggerSource</c> received and those the function handles.
/// </description></item>
/// <item><description>Registering a family twice, or none, is an init problem.</description></item>
/// </list>
/// </remarks>
public static class CognitoApplicationExtensions
{
    /// <summary>Maps the Cognito user pool triggers registered in <paramref name="configure"/>.</summary>
    /// <param name="app">The application.</param>
    /// <param name="configure">Registers one handler per trigger family (<c>cognito.OnPreSignUp(...)</c>, …).</param>
    /// <returns>The application.</returns>
    /// <example>
    /// <code>
    /// app.MapCognito(cognito =>
    /// {
    ///     cognito.OnPreSignUp((e, _, _) =>
    ///     {
    ///         e.Response.AutoConfirmUser = e.Request.UserAttributes?.GetValueOrDefault("email")?.EndsWith("@example.com") == true;
    ///         return ValueTask.CompletedTask;
    ///     });
    ///     cognito.OnPreTokenGenerationV2((e, _, _) => ValueTask.CompletedTask);
    /// });
    /// </code>
    /// </example>
    public static LambdaApplication MapCognito(this LambdaApplication app, Action<CognitoTriggerBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(configure);
        var triggers = new CognitoTriggerBuilder();
        configure(triggers);
        return app.MapAdapter(new CognitoAdapter(triggers));
    }
}
