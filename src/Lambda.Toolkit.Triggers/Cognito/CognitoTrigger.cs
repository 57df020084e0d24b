namespace Lambda.Toolkit.Triggers.Cognito;

/// <summary>The trigger family an event belongs to, from its <c>triggerSource</c> prefix (and, for pre token generation, its <c>version</c>).</summary>
internal enum CognitoTrigger
{
    /// <summary>Not a Cognito user pool event (no top-level <c>triggerSource</c> and <c>userPoolId</c>).</summary>
    NotCognito,

    /// <summary>A Cognito event of a <c>triggerSource</c> (or pre token generation <c>version</c>) the toolkit does not know.</summary>
    Unknown,

    PreSignUp,
    PostConfirmation,
    PreAuthentication,
    PostAuthentication,
    PreTokenGeneration,
    PreTokenGenerationV2,
    CustomMessage,
    DefineAuthChallenge,
    CreateAuthChallenge,
    VerifyAuthChallengeResponse,
    UserMigration,
    CustomEmailSender,
    CustomSmsSender,
    InboundFederation,
}
