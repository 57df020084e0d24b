using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Cognito;

namespace Lambda.Toolkit.Triggers.Cognito;

/// <summary>
/// Registers the Cognito user pool triggers one function handles, one method per trigger family (every
/// <c>triggerSource</c> of the family goes to it). Each handler receives the typed event, the invocation (its scoped
/// <see cref="InvocationContext.Services"/>) and the invocation's cancellation token; it fills <c>event.Response</c>,
/// or throws to make Cognito refuse the operation (the exception's message reaches the app).
/// </summary>
/// <remarks>
/// Registering a family twice, or no family at all, is an init problem. Amazon Cognito waits at most 5 seconds for a
/// trigger, whatever the function's timeout: keep handlers short, and pass the token on to every call they make (a
/// handler still running when it fires fails the invocation as <see cref="LambdaErrorTypes.Timeout"/>).
/// </remarks>
public sealed class CognitoTriggerBuilder
{
    private readonly Func<InvocationContext, ValueTask>?[] _handlers = new Func<InvocationContext, ValueTask>?[(int)CognitoTrigger.InboundFederation + 1];
    private readonly List<string> _problems = [];

    internal CognitoTriggerBuilder()
    {
    }

    /// <summary>Pre sign-up (<c>PreSignUp_SignUp</c>, <c>_AdminCreateUser</c>, <c>_ExternalProvider</c>): throw to refuse; <c>autoVerifyEmail</c>/<c>autoVerifyPhone</c> need the attribute in the request.</summary>
    /// <param name="handler">Fills <see cref="CognitoPreSignUpEvent.Response"/>.</param>
    /// <returns>This builder.</returns>
    public CognitoTriggerBuilder OnPreSignUp(Func<CognitoPreSignUpEvent, InvocationContext, CancellationToken, ValueTask> handler) =>
        Add(CognitoTrigger.PreSignUp, "pre sign-up", CognitoJsonContext.Default.CognitoPreSignUpEvent, handler, CognitoResponseRules.PreSignUp, static e => (e.Request, e.Response));

    /// <summary>Post confirmation (<c>PostConfirmation_ConfirmSignUp</c>, <c>_ConfirmForgotPassword</c>); the response stays empty.</summary>
    /// <param name="handler">Acts on the confirmed user.</param>
    /// <returns>This builder.</returns>
    public CognitoTriggerBuilder OnPostConfirmation(Func<CognitoPostConfirmationEvent, InvocationContext, CancellationToken, ValueTask> handler) =>
        Add(CognitoTrigger.PostConfirmation, "post confirmation", CognitoJsonContext.Default.CognitoPostConfirmationEvent, handler, null, static e => (e.Request, e.Response));

    /// <summary>Pre authentication (<c>PreAuthentication_Authentication</c>): throw to refuse the sign-in; the response stays empty.</summary>
    /// <param name="handler">Checks the sign-in.</param>
    /// <returns>This builder.</returns>
    public CognitoTriggerBuilder OnPreAuthentication(Func<CognitoPreAuthenticationEvent, InvocationContext, CancellationToken, ValueTask> handler) =>
        Add(CognitoTrigger.PreAuthentication, "pre authentication", CognitoJsonContext.Default.CognitoPreAuthenticationEvent, handler, null, static e => (e.Request, e.Response));

    /// <summary>Post authentication (<c>PostAuthentication_Authentication</c>); the response stays empty.</summary>
    /// <param name="handler">Acts on the sign-in.</param>
    /// <returns>This builder.</returns>
    public CognitoTriggerBuilder OnPostAuthentication(Func<CognitoPostAuthenticationEvent, InvocationContext, CancellationToken, ValueTask> handler) =>
        Add(CognitoTrigger.PostAuthentication, "post authentication", CognitoJsonContext.Default.CognitoPostAuthenticationEvent, handler, null, static e => (e.Request, e.Response));

    /// <summary>
    /// Pre token generation, event version 1 (<c>TokenGeneration_*</c> with <c>version</c> <c>1</c>): change the ID token's
    /// claims and groups. Reserved claims (<c>sub</c>, <c>iss</c>, <c>aud</c>, <c>exp</c>, <c>iat</c>, <c>token_use</c>,
    /// …) may not be added, overridden or suppressed, nor <c>cognito:*</c> claims added or overridden (groups and roles change through <c>groupOverrideDetails</c>).
    /// </summary>
    /// <param name="handler">Fills <see cref="CognitoPreTokenGenerationEvent.Response"/>.</param>
    /// <returns>This builder.</returns>
    public CognitoTriggerBuilder OnPreTokenGeneration(Func<CognitoPreTokenGenerationEvent, InvocationContext, CancellationToken, ValueTask> handler) =>
        Add(CognitoTrigger.PreTokenGeneration, "pre token generation (version 1)", CognitoJsonContext.Default.CognitoPreTokenGenerationEvent, handler, CognitoResponseRules.PreTokenGeneration, static e => (e.Request, e.Response));

    /// <summary>
    /// Pre token generation, event versions 2 and 3 (<c>TokenGeneration_*</c> with <c>version</c> <c>2</c> or <c>3</c>;
    /// version 3 adds <c>TokenGeneration_ClientCredentials</c>): change the ID and access tokens' claims and scopes.
    /// Reserved claims may not be changed, nor <c>client_id</c> and <c>scope</c> in the access token.
    /// </summary>
    /// <param name="handler">Fills <see cref="CognitoPreTokenGenerationV2Event.Response"/>.</param>
    /// <returns>This builder.</returns>
    public CognitoTriggerBuilder OnPreTokenGenerationV2(Func<CognitoPreTokenGenerationV2Event, InvocationContext, CancellationToken, ValueTask> handler) =>
        Add(CognitoTrigger.PreTokenGenerationV2, "pre token generation (versions 2 and 3)", CognitoJsonContext.Default.CognitoPreTokenGenerationV2Event, handler, CognitoResponseRules.PreTokenGenerationV2, static e => (e.Request, e.Response));

    /// <summary>
    /// Custom message (<c>CustomMessage_*</c>): write the SMS (at most 140 characters) and email (subject at most 140,
    /// body at most 20,000) with the request's <c>codeParameter</c> in each message (an email may carry the
    /// <c>linkParameter</c> instead), and for <c>CustomMessage_AdminCreateUser</c> its <c>usernameParameter</c> too.
    /// </summary>
    /// <param name="handler">Fills <see cref="CognitoCustomMessageEvent.Response"/>.</param>
    /// <returns>This builder.</returns>
    public CognitoTriggerBuilder OnCustomMessage(Func<CognitoCustomMessageEvent, InvocationContext, CancellationToken, ValueTask> handler) =>
        Add(CognitoTrigger.CustomMessage, "custom message", CognitoJsonContext.Default.CognitoCustomMessageEvent, handler, CognitoResponseRules.CustomMessage, static e => (e.Request, e.Response));

    /// <summary>Define auth challenge (<c>DefineAuthChallenge_Authentication</c>): exactly one of a next <c>challengeName</c>, <c>issueTokens</c> or <c>failAuthentication</c>.</summary>
    /// <param name="handler">Fills <see cref="CognitoDefineAuthChallengeEvent.Response"/>.</param>
    /// <returns>This builder.</returns>
    public CognitoTriggerBuilder OnDefineAuthChallenge(Func<CognitoDefineAuthChallengeEvent, InvocationContext, CancellationToken, ValueTask> handler) =>
        Add(CognitoTrigger.DefineAuthChallenge, "define auth challenge", CognitoJsonContext.Default.CognitoDefineAuthChallengeEvent, handler, CognitoResponseRules.DefineAuthChallenge, static e => (e.Request, e.Response));

    /// <summary>Create auth challenge (<c>CreateAuthChallenge_Authentication</c>): the public and private challenge parameters.</summary>
    /// <param name="handler">Fills <see cref="CognitoCreateAuthChallengeEvent.Response"/>.</param>
    /// <returns>This builder.</returns>
    public CognitoTriggerBuilder OnCreateAuthChallenge(Func<CognitoCreateAuthChallengeEvent, InvocationContext, CancellationToken, ValueTask> handler) =>
        Add(CognitoTrigger.CreateAuthChallenge, "create auth challenge", CognitoJsonContext.Default.CognitoCreateAuthChallengeEvent, handler, null, static e => (e.Request, e.Response));

    /// <summary>Verify auth challenge response (<c>VerifyAuthChallengeResponse_Authentication</c>): set <c>answerCorrect</c>.</summary>
    /// <param name="handler">Fills <see cref="CognitoVerifyAuthChallengeEvent.Response"/>.</param>
    /// <returns>This builder.</returns>
    public CognitoTriggerBuilder OnVerifyAuthChallengeResponse(Func<CognitoVerifyAuthChallengeEvent, InvocationContext, CancellationToken, ValueTask> handler) =>
        Add(CognitoTrigger.VerifyAuthChallengeResponse, "verify auth challenge response", CognitoJsonContext.Default.CognitoVerifyAuthChallengeEvent, handler, null, static e => (e.Request, e.Response));

    /// <summary>
    /// User migration (<c>UserMigration_Authentication</c>, <c>_ForgotPassword</c>): return the user's attributes, or throw
    /// when the old directory does not know the user or the password. <c>finalUserStatus</c> is <c>CONFIRMED</c> or
    /// <c>RESET_REQUIRED</c>, <c>messageAction</c> <c>SUPPRESS</c> or <c>RESEND</c>, <c>desiredDeliveryMediums</c> <c>EMAIL</c>/<c>SMS</c>.
    /// </summary>
    /// <param name="handler">Fills <see cref="CognitoUserMigrationEvent.Response"/>.</param>
    /// <returns>This builder.</returns>
    public CognitoTriggerBuilder OnUserMigration(Func<CognitoUserMigrationEvent, InvocationContext, CancellationToken, ValueTask> handler) =>
        Add(CognitoTrigger.UserMigration, "user migration", CognitoJsonContext.Default.CognitoUserMigrationEvent, handler, CognitoResponseRules.UserMigration, static e => (e.Request, e.Response));

    /// <summary>
    /// Custom email sender (<c>CustomEmailSender_*</c>): send the email yourself. <see cref="CognitoCustomSenderRequest.Code"/>
    /// is encrypted with the trigger's KMS key: decrypt it with the AWS Encryption SDK for .NET and a KMS keyring for that key.
    /// </summary>
    /// <param name="handler">Sends the message.</param>
    /// <returns>This builder.</returns>
    public CognitoTriggerBuilder OnCustomEmailSender(Func<CognitoCustomSenderEvent, InvocationContext, CancellationToken, ValueTask> handler) =>
        Add(CognitoTrigger.CustomEmailSender, "custom email sender", CognitoJsonContext.Default.CognitoCustomSenderEvent, handler, null, static e => (e.Request, e.Response));

    /// <summary>
    /// Custom SMS sender (<c>CustomSMSSender_*</c>): send the SMS yourself. <see cref="CognitoCustomSenderRequest.Code"/>
    /// is encrypted with the trigger's KMS key: decrypt it with the AWS Encryption SDK for .NET and a KMS keyring for that key.
    /// </summary>
    /// <param name="handler">Sends the message.</param>
    /// <returns>This builder.</returns>
    public CognitoTriggerBuilder OnCustomSmsSender(Func<CognitoCustomSenderEvent, InvocationContext, CancellationToken, ValueTask> handler) =>
        Add(CognitoTrigger.CustomSmsSender, "custom SMS sender", CognitoJsonContext.Default.CognitoCustomSenderEvent, handler, null, static e => (e.Request, e.Response));

    /// <summary>Inbound federation (<c>InboundFederation_ExternalProvider</c>): the attributes to set on the federated user (every attribute to keep; <c>{}</c> keeps them all).</summary>
    /// <param name="handler">Fills <see cref="CognitoInboundFederationEvent.Response"/>.</param>
    /// <returns>This builder.</returns>
    public CognitoTriggerBuilder OnInboundFederation(Func<CognitoInboundFederationEvent, InvocationContext, CancellationToken, ValueTask> handler) =>
        Add(CognitoTrigger.InboundFederation, "inbound federation", CognitoJsonContext.Default.CognitoInboundFederationEvent, handler, null, static e => (e.Request, e.Response));

    /// <summary>The handler per family (indexed by <see cref="CognitoTrigger"/>).</summary>
    internal Func<InvocationContext, ValueTask>?[] Handlers => _handlers;

    /// <summary>Whether any family is registered.</summary>
    internal bool HasHandlers => Array.Exists(_handlers, static h => h is not null);

    /// <summary>The registration mistakes, for the init problem list.</summary>
    internal List<string> Problems => _problems;

    /// <summary>The trigger-source prefixes this function handles, for errors.</summary>
    internal string Handled()
    {
        var names = new List<string>();
        for (var i = 0; i < _handlers.Length; i++)
        {
            if (_handlers[i] is not null)
            {
                names.Add(Describe((CognitoTrigger)i));
            }
        }

        return names.Count == 0 ? "none" : string.Join(", ", names);
    }

    internal static string Describe(CognitoTrigger trigger) => trigger switch
    {
        CognitoTrigger.PreSignUp => "PreSignUp_*",
        CognitoTrigger.PostConfirmation => "PostConfirmation_*",
        CognitoTrigger.PreAuthentication => "PreAuthentication_*",
        CognitoTrigger.PostAuthentication => "PostAuthentication_*",
        CognitoTrigger.PreTokenGeneration => "TokenGeneration_* (version 1)",
        CognitoTrigger.PreTokenGenerationV2 => "TokenGeneration_* (versions 2 and 3)",
        CognitoTrigger.CustomMessage => "CustomMessage_*",
        CognitoTrigger.DefineAuthChallenge => "DefineAuthChallenge_*",
        CognitoTrigger.CreateAuthChallenge => "CreateAuthChallenge_*",
        CognitoTrigger.VerifyAuthChallengeResponse => "VerifyAuthChallengeResponse_*",
        CognitoTrigger.UserMigration => "UserMigration_*",
        CognitoTrigger.CustomEmailSender => "CustomEmailSender_*",
        CognitoTrigger.CustomSmsSender => "CustomSMSSender_*",
        CognitoTrigger.InboundFederation => "InboundFederation_*",
        _ => trigger.ToString(),
    };

    private CognitoTriggerBuilder Add<TEvent>(
        CognitoTrigger trigger,
        string name,
        JsonTypeInfo<TEvent> eventType,
        Func<TEvent, InvocationContext, CancellationToken, ValueTask> handler,
        Func<TEvent, string?>? check,
        Func<TEvent, (object? Request, object? Response)> parts)
        where TEvent : CognitoTriggerEvent
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (_handlers[(int)trigger] is not null)
        {
            _problems.Add($"MapCognito: the {name} trigger ({Describe(trigger)}) is registered twice; register each trigger family once.");
            return this;
        }

        _handlers[(int)trigger] = async invocation =>
        {
            var cognitoEvent = EventReader.Read(invocation.Payload.Span, eventType);
            var (request, response) = parts(cognitoEvent);
            if (request is null || response is null)
            {
                var missing = request is null ? "request" : "response";
                throw new InvalidEventException(typeof(TEvent), $"The Cognito {cognitoEvent.TriggerSource} event's {missing} is null; Cognito sends an object.") { JsonPath = "$." + missing };
            }

            await handler(cognitoEvent, invocation, invocation.CancellationToken).ConfigureAwait(false);
            if (check?.Invoke(cognitoEvent) is { } problem)
            {
                throw new CognitoInvalidResponseException(cognitoEvent.TriggerSource ?? Describe(trigger), problem);
            }

            invocation.Response.SetJson(cognitoEvent, eventType);
        };
        return this;
    }
}
