using System.Text.Json;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Cognito;

namespace Lambda.Toolkit.Testing.Events;

/// <summary>
/// Builds Amazon Cognito user pool trigger events as Cognito sends them: the common envelope (version, trigger source,
/// region, user pool, user name, caller context) set once, then one method per trigger family for its typed event,
/// with the user's attributes and the app's client metadata in the request and an empty response.
/// </summary>
/// <example>
/// <code>
/// var cognito = new CognitoTriggerEventBuilder().ForUser("jane").WithAttribute("email", "jane@example.com");
/// var result = await host.InvokeAsync(CognitoTriggerEventBuilder.ToJson(cognito.PreSignUp()));
/// </code>
/// </example>
public sealed class CognitoTriggerEventBuilder
{
    private readonly Dictionary<string, string> _attributes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _clientMetadata = new(StringComparer.Ordinal);
    private string _region = EventDefaults.Region;
    private string? _userPoolId;
    private string _userName = EventIds.Uuid();
    private string _clientId = EventIds.Random("abcdefghijklmnopqrstuvwxyz0123456789", 26);
    private const string SdkVersion = "aws-sdk-unknown-unknown";

    /// <summary>Sets the user name. Default: a new UUID (what pools with email or phone sign-in use).</summary>
    /// <param name="userName">The user name.</param>
    /// <returns>This builder.</returns>
    public CognitoTriggerEventBuilder ForUser(string userName)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        _userName = userName;
        return this;
    }

    /// <summary>Adds a user attribute, for example <c>email</c> or <c>custom:tenant</c>. Default: only <c>sub</c> (the user name).</summary>
    /// <param name="name">The attribute's name.</param>
    /// <param name="value">Its value.</param>
    /// <returns>This builder.</returns>
    public CognitoTriggerEventBuilder WithAttribute(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        _attributes[name] = value;
        return this;
    }

    /// <summary>Adds a client metadata value (what the app passed as <c>ClientMetadata</c>). Default: none, and the field is left out.</summary>
    /// <param name="name">The key.</param>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public CognitoTriggerEventBuilder WithClientMetadata(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        _clientMetadata[name] = value;
        return this;
    }

    /// <summary>Sets the region. Default: <c>us-east-1</c>.</summary>
    /// <param name="region">The region name.</param>
    /// <returns>This builder.</returns>
    public CognitoTriggerEventBuilder InRegion(string region)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        _region = region;
        return this;
    }

    /// <summary>Sets the user pool id. Default: <c>&lt;region&gt;_EXAMPLE</c>.</summary>
    /// <param name="userPoolId">The pool's id.</param>
    /// <returns>This builder.</returns>
    public CognitoTriggerEventBuilder InUserPool(string userPoolId)
    {
        ArgumentException.ThrowIfNullOrEmpty(userPoolId);
        _userPoolId = userPoolId;
        return this;
    }

    /// <summary>Sets the app client's id. Default: 26 random lower-case letters and digits, as Cognito makes them.</summary>
    /// <param name="clientId">The app client's id.</param>
    /// <returns>This builder.</returns>
    public CognitoTriggerEventBuilder WithClientId(string clientId)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        _clientId = clientId;
        return this;
    }

    /// <summary>A pre sign-up event.</summary>
    /// <param name="triggerSource">Default: <c>PreSignUp_SignUp</c>.</param>
    /// <returns>A new event.</returns>
    public CognitoPreSignUpEvent PreSignUp(string triggerSource = CognitoTriggerSources.PreSignUpSignUp) =>
        Envelope(new CognitoPreSignUpEvent { Request = new() { UserAttributes = Attributes(), ClientMetadata = Metadata() } }, triggerSource);

    /// <summary>A post confirmation event.</summary>
    /// <param name="triggerSource">Default: <c>PostConfirmation_ConfirmSignUp</c>.</param>
    /// <returns>A new event.</returns>
    public CognitoPostConfirmationEvent PostConfirmation(string triggerSource = CognitoTriggerSources.PostConfirmationConfirmSignUp) =>
        Envelope(new CognitoPostConfirmationEvent { Request = new() { UserAttributes = Attributes(), ClientMetadata = Metadata() } }, triggerSource);

    /// <summary>A pre authentication event.</summary>
    /// <returns>A new event.</returns>
    public CognitoPreAuthenticationEvent PreAuthentication() =>
        Envelope(new CognitoPreAuthenticationEvent { Request = new() { UserAttributes = Attributes(), ClientMetadata = Metadata() } }, CognitoTriggerSources.PreAuthentication);

    /// <summary>A post authentication event.</summary>
    /// <param name="newDeviceUsed">Whether the user signed in on a new device.</param>
    /// <returns>A new event.</returns>
    public CognitoPostAuthenticationEvent PostAuthentication(bool newDeviceUsed = false) =>
        Envelope(new CognitoPostAuthenticationEvent { Request = new() { UserAttributes = Attributes(), NewDeviceUsed = newDeviceUsed, ClientMetadata = Metadata() } }, CognitoTriggerSources.PostAuthentication);

    /// <summary>A pre token generation event, version 1.</summary>
    /// <param name="triggerSource">Default: <c>TokenGeneration_Authentication</c>.</param>
    /// <param name="groups">The user's groups.</param>
    /// <returns>A new event.</returns>
    public CognitoPreTokenGenerationEvent PreTokenGeneration(string triggerSource = CognitoTriggerSources.TokenGenerationAuthentication, params string[] groups) =>
        Envelope(new CognitoPreTokenGenerationEvent { Request = new() { UserAttributes = Attributes(), GroupConfiguration = Groups(groups), ClientMetadata = Metadata() } }, triggerSource);

    /// <summary>A pre token generation event, version 2 (or 3, for <c>TokenGeneration_ClientCredentials</c>).</summary>
    /// <param name="triggerSource">Default: <c>TokenGeneration_Authentication</c>; <c>TokenGeneration_ClientCredentials</c> builds a version 3 event without user.</param>
    /// <param name="scopes">The access token's scopes. Default: <c>openid</c>, <c>email</c>.</param>
    /// <returns>A new event.</returns>
    public CognitoPreTokenGenerationV2Event PreTokenGenerationV2(string triggerSource = CognitoTriggerSources.TokenGenerationAuthentication, params string[] scopes)
    {
        var machine = triggerSource == CognitoTriggerSources.TokenGenerationClientCredentials;
        var e = Envelope(
            new CognitoPreTokenGenerationV2Event
            {
                Request = new()
                {
                    UserAttributes = machine ? null : Attributes(),
                    Scopes = scopes.Length > 0 ? [.. scopes] : ["openid", "email"],
                    GroupConfiguration = machine ? null : Groups([]),
                    ClientMetadata = Metadata(),
                },
            },
            triggerSource,
            machine ? "3" : "2");
        e.UserName = machine ? null : e.UserName;
        return e;
    }

    /// <summary>A custom message event with the placeholders Cognito sends (<c>{####}</c>, and <c>{username}</c> for <c>CustomMessage_AdminCreateUser</c>).</summary>
    /// <param name="triggerSource">Default: <c>CustomMessage_SignUp</c>.</param>
    /// <returns>A new event.</returns>
    public CognitoCustomMessageEvent CustomMessage(string triggerSource = CognitoTriggerSources.CustomMessageSignUp) =>
        Envelope(
            new CognitoCustomMessageEvent
            {
                Request = new()
                {
                    UserAttributes = Attributes(),
                    CodeParameter = "{####}",
                    UsernameParameter = triggerSource == CognitoTriggerSources.CustomMessageAdminCreateUser ? "{username}" : null,
                    ClientMetadata = Metadata(),
                },
            },
            triggerSource);

    /// <summary>A define auth challenge event.</summary>
    /// <param name="session">The challenges so far.</param>
    /// <returns>A new event.</returns>
    public CognitoDefineAuthChallengeEvent DefineAuthChallenge(params CognitoChallengeResult[] session) =>
        Envelope(new CognitoDefineAuthChallengeEvent { Request = new() { UserAttributes = Attributes(), Session = [.. session], ClientMetadata = Metadata(), UserNotFound = false } }, CognitoTriggerSources.DefineAuthChallenge);

    /// <summary>A create auth challenge event for <c>CUSTOM_CHALLENGE</c>.</summary>
    /// <param name="session">The challenges so far.</param>
    /// <returns>A new event.</returns>
    public CognitoCreateAuthChallengeEvent CreateAuthChallenge(params CognitoChallengeResult[] session) =>
        Envelope(new CognitoCreateAuthChallengeEvent { Request = new() { UserAttributes = Attributes(), ChallengeName = "CUSTOM_CHALLENGE", Session = [.. session], ClientMetadata = Metadata(), UserNotFound = false } }, CognitoTriggerSources.CreateAuthChallenge);

    /// <summary>A verify auth challenge response event.</summary>
    /// <param name="answer">The user's answer.</param>
    /// <param name="privateChallengeParameters">What the create trigger stored, as name/value pairs.</param>
    /// <returns>A new event.</returns>
    public CognitoVerifyAuthChallengeEvent VerifyAuthChallengeResponse(string answer, params (string Name, string Value)[] privateChallengeParameters) =>
        Envelope(
            new CognitoVerifyAuthChallengeEvent
            {
                Request = new()
                {
                    UserAttributes = Attributes(),
                    PrivateChallengeParameters = privateChallengeParameters.ToDictionary(static p => p.Name, static p => p.Value, StringComparer.Ordinal),
                    ChallengeAnswer = answer,
                    ClientMetadata = Metadata(),
                    UserNotFound = false,
                },
            },
            CognitoTriggerSources.VerifyAuthChallengeResponse);

    /// <summary>A user migration event.</summary>
    /// <param name="password">The password the user entered (none for the forgot-password flow).</param>
    /// <param name="triggerSource">Default: <c>UserMigration_Authentication</c>.</param>
    /// <returns>A new event.</returns>
    public CognitoUserMigrationEvent UserMigration(string? password, string triggerSource = CognitoTriggerSources.UserMigrationAuthentication) =>
        Envelope(new CognitoUserMigrationEvent { Request = new() { Password = password, ClientMetadata = Metadata() } }, triggerSource);

    /// <summary>A custom email sender event; the code is an opaque stand-in for the ciphertext Cognito sends (it decrypts with nothing).</summary>
    /// <param name="triggerSource">Default: <c>CustomEmailSender_SignUp</c>.</param>
    /// <returns>A new event.</returns>
    public CognitoCustomSenderEvent CustomEmailSender(string triggerSource = CognitoTriggerSources.CustomEmailSenderSignUp) =>
        Sender(triggerSource, "customEmailSenderRequestV1");

    /// <summary>A custom SMS sender event; the code is an opaque stand-in for the ciphertext Cognito sends (it decrypts with nothing).</summary>
    /// <param name="triggerSource">Default: <c>CustomSMSSender_SignUp</c>.</param>
    /// <returns>A new event.</returns>
    public CognitoCustomSenderEvent CustomSmsSender(string triggerSource = CognitoTriggerSources.CustomSmsSenderSignUp) =>
        Sender(triggerSource, "customSMSSenderRequestV1");

    /// <summary>An inbound federation event from an OIDC provider, its ID token and userInfo claims the user's attributes.</summary>
    /// <param name="providerName">The provider's name in the pool.</param>
    /// <returns>A new event.</returns>
    public CognitoInboundFederationEvent InboundFederation(string providerName = "ExampleOIDCProvider")
    {
        var claims = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (name, value) in Attributes())
        {
            claims[name] = JsonSerializer.SerializeToElement(value, CognitoJsonContext.Default.String);
        }

        return Envelope(
            new CognitoInboundFederationEvent
            {
                Request = new()
                {
                    ProviderName = providerName,
                    ProviderType = "OIDC",
                    Attributes = new()
                    {
                        TokenResponse = new(StringComparer.Ordinal) { ["token_type"] = "Bearer", ["expires_in"] = "3600" },
                        IdToken = claims,
                        UserInfo = new Dictionary<string, JsonElement>(claims, StringComparer.Ordinal),
                    },
                },
            },
            CognitoTriggerSources.InboundFederationExternalProvider);
    }

    /// <summary>The event as UTF-8 JSON, ready for <c>LambdaTestHost.InvokeAsync</c>.</summary>
    /// <param name="cognitoEvent">An event this builder (or anything else) made.</param>
    /// <returns>The JSON.</returns>
    public static byte[] ToJson(CognitoTriggerEvent cognitoEvent)
    {
        ArgumentNullException.ThrowIfNull(cognitoEvent);
        var json = CognitoJsonContext.Default;
        return cognitoEvent switch
        {
            CognitoPreSignUpEvent e => JsonSerializer.SerializeToUtf8Bytes(e, json.CognitoPreSignUpEvent),
            CognitoPostConfirmationEvent e => JsonSerializer.SerializeToUtf8Bytes(e, json.CognitoPostConfirmationEvent),
            CognitoPreAuthenticationEvent e => JsonSerializer.SerializeToUtf8Bytes(e, json.CognitoPreAuthenticationEvent),
            CognitoPostAuthenticationEvent e => JsonSerializer.SerializeToUtf8Bytes(e, json.CognitoPostAuthenticationEvent),
            CognitoPreTokenGenerationEvent e => JsonSerializer.SerializeToUtf8Bytes(e, json.CognitoPreTokenGenerationEvent),
            CognitoPreTokenGenerationV2Event e => JsonSerializer.SerializeToUtf8Bytes(e, json.CognitoPreTokenGenerationV2Event),
            CognitoCustomMessageEvent e => JsonSerializer.SerializeToUtf8Bytes(e, json.CognitoCustomMessageEvent),
            CognitoDefineAuthChallengeEvent e => JsonSerializer.SerializeToUtf8Bytes(e, json.CognitoDefineAuthChallengeEvent),
            CognitoCreateAuthChallengeEvent e => JsonSerializer.SerializeToUtf8Bytes(e, json.CognitoCreateAuthChallengeEvent),
            CognitoVerifyAuthChallengeEvent e => JsonSerializer.SerializeToUtf8Bytes(e, json.CognitoVerifyAuthChallengeEvent),
            CognitoUserMigrationEvent e => JsonSerializer.SerializeToUtf8Bytes(e, json.CognitoUserMigrationEvent),
            CognitoCustomSenderEvent e => JsonSerializer.SerializeToUtf8Bytes(e, json.CognitoCustomSenderEvent),
            CognitoInboundFederationEvent e => JsonSerializer.SerializeToUtf8Bytes(e, json.CognitoInboundFederationEvent),
            _ => throw new ArgumentException($"{cognitoEvent.GetType().Name} is not a Cognito trigger event the toolkit models.", nameof(cognitoEvent)),
        };
    }

    private CognitoCustomSenderEvent Sender(string triggerSource, string type) =>
        Envelope(
            new CognitoCustomSenderEvent
            {
                Request = new()
                {
                    Type = type,
                    Code = "AYADeNotARealCiphertext" + EventIds.Random("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 40) + "==",
                    UserAttributes = Attributes(),
                    ClientMetadata = Metadata(),
                },
            },
            triggerSource);

    private T Envelope<T>(T e, string triggerSource, string version = "1")
        where T : CognitoTriggerEvent
    {
        ArgumentException.ThrowIfNullOrEmpty(triggerSource);
        e.Version = version;
        e.TriggerSource = triggerSource;
        e.Region = _region;
        e.UserPoolId = _userPoolId ?? _region + "_EXAMPLE";
        e.UserName = _userName;
        e.CallerContext = new() { AwsSdkVersion = SdkVersion, ClientId = _clientId };
        return e;
    }

    private Dictionary<string, string> Attributes()
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["sub"] = _userName };
        foreach (var (name, value) in _attributes)
        {
            attributes[name] = value;
        }

        return attributes;
    }

    private Dictionary<string, string>? Metadata() => _clientMetadata.Count == 0 ? null : new(_clientMetadata, StringComparer.Ordinal);

    private static CognitoGroupConfiguration Groups(string[] groups) => new() { GroupsToOverride = [.. groups], IamRolesToOverride = [] };
}
