namespace Lambda.Toolkit.Events.Cognito;

/// <summary>The <c>triggerSource</c> values Amazon Cognito user pools send, one constant per value.</summary>
public static class CognitoTriggerSources
{
    /// <summary><c>PreSignUp_SignUp</c>: A user signs up.</summary>
    public const string PreSignUpSignUp = "PreSignUp_SignUp";

    /// <summary><c>PreSignUp_AdminCreateUser</c>: An administrator creates a user.</summary>
    public const string PreSignUpAdminCreateUser = "PreSignUp_AdminCreateUser";

    /// <summary><c>PreSignUp_ExternalProvider</c>: A user signs in through an external identity provider for the first time.</summary>
    public const string PreSignUpExternalProvider = "PreSignUp_ExternalProvider";

    /// <summary><c>PostConfirmation_ConfirmSignUp</c>: A user confirmed their sign-up.</summary>
    public const string PostConfirmationConfirmSignUp = "PostConfirmation_ConfirmSignUp";

    /// <summary><c>PostConfirmation_ConfirmForgotPassword</c>: A user confirmed a forgotten-password reset.</summary>
    public const string PostConfirmationConfirmForgotPassword = "PostConfirmation_ConfirmForgotPassword";

    /// <summary><c>PreAuthentication_Authentication</c>: A user is about to sign in.</summary>
    public const string PreAuthentication = "PreAuthentication_Authentication";

    /// <summary><c>PostAuthentication_Authentication</c>: A user signed in.</summary>
    public const string PostAuthentication = "PostAuthentication_Authentication";

    /// <summary><c>TokenGeneration_HostedAuth</c>: Tokens for a sign-in on the managed login pages.</summary>
    public const string TokenGenerationHostedAuth = "TokenGeneration_HostedAuth";

    /// <summary><c>TokenGeneration_Authentication</c>: Tokens after the authentication flow.</summary>
    public const string TokenGenerationAuthentication = "TokenGeneration_Authentication";

    /// <summary><c>TokenGeneration_NewPasswordChallenge</c>: Tokens after an administrator-created user set their password.</summary>
    public const string TokenGenerationNewPasswordChallenge = "TokenGeneration_NewPasswordChallenge";

    /// <summary><c>TokenGeneration_AuthenticateDevice</c>: Tokens after a device was authenticated.</summary>
    public const string TokenGenerationAuthenticateDevice = "TokenGeneration_AuthenticateDevice";

    /// <summary><c>TokenGeneration_RefreshTokens</c>: Tokens refreshed.</summary>
    public const string TokenGenerationRefreshTokens = "TokenGeneration_RefreshTokens";

    /// <summary><c>TokenGeneration_ClientCredentials</c>: An access token for a machine-to-machine client-credentials grant (version 3 events).</summary>
    public const string TokenGenerationClientCredentials = "TokenGeneration_ClientCredentials";

    /// <summary><c>CustomMessage_SignUp</c>: The confirmation code after sign-up.</summary>
    public const string CustomMessageSignUp = "CustomMessage_SignUp";

    /// <summary><c>CustomMessage_AdminCreateUser</c>: The temporary password for a user an administrator created.</summary>
    public const string CustomMessageAdminCreateUser = "CustomMessage_AdminCreateUser";

    /// <summary><c>CustomMessage_ResendCode</c>: A confirmation code sent again.</summary>
    public const string CustomMessageResendCode = "CustomMessage_ResendCode";

    /// <summary><c>CustomMessage_ForgotPassword</c>: The code to reset a forgotten password.</summary>
    public const string CustomMessageForgotPassword = "CustomMessage_ForgotPassword";

    /// <summary><c>CustomMessage_UpdateUserAttribute</c>: The code to verify a changed email address or phone number.</summary>
    public const string CustomMessageUpdateUserAttribute = "CustomMessage_UpdateUserAttribute";

    /// <summary><c>CustomMessage_VerifyUserAttribute</c>: The code to verify an email address or phone number the user asked for.</summary>
    public const string CustomMessageVerifyUserAttribute = "CustomMessage_VerifyUserAttribute";

    /// <summary><c>CustomMessage_Authentication</c>: A multi-factor authentication code.</summary>
    public const string CustomMessageAuthentication = "CustomMessage_Authentication";

    /// <summary><c>DefineAuthChallenge_Authentication</c>: Decide the next step of a custom authentication flow.</summary>
    public const string DefineAuthChallenge = "DefineAuthChallenge_Authentication";

    /// <summary><c>CreateAuthChallenge_Authentication</c>: Create a custom challenge.</summary>
    public const string CreateAuthChallenge = "CreateAuthChallenge_Authentication";

    /// <summary><c>VerifyAuthChallengeResponse_Authentication</c>: Check the answer to a custom challenge.</summary>
    public const string VerifyAuthChallengeResponse = "VerifyAuthChallengeResponse_Authentication";

    /// <summary><c>UserMigration_Authentication</c>: Migrate a user unknown to the pool at sign-in.</summary>
    public const string UserMigrationAuthentication = "UserMigration_Authentication";

    /// <summary><c>UserMigration_ForgotPassword</c>: Migrate a user unknown to the pool in the forgot-password flow.</summary>
    public const string UserMigrationForgotPassword = "UserMigration_ForgotPassword";

    /// <summary><c>CustomEmailSender_SignUp</c>: Send the sign-up email yourself.</summary>
    public const string CustomEmailSenderSignUp = "CustomEmailSender_SignUp";

    /// <summary><c>CustomEmailSender_ResendCode</c>: Send a confirmation code again by email.</summary>
    public const string CustomEmailSenderResendCode = "CustomEmailSender_ResendCode";

    /// <summary><c>CustomEmailSender_ForgotPassword</c>: Send the forgotten-password code by email.</summary>
    public const string CustomEmailSenderForgotPassword = "CustomEmailSender_ForgotPassword";

    /// <summary><c>CustomEmailSender_UpdateUserAttribute</c>: Send the code verifying a changed email address.</summary>
    public const string CustomEmailSenderUpdateUserAttribute = "CustomEmailSender_UpdateUserAttribute";

    /// <summary><c>CustomEmailSender_VerifyUserAttribute</c>: Send the code verifying an email address.</summary>
    public const string CustomEmailSenderVerifyUserAttribute = "CustomEmailSender_VerifyUserAttribute";

    /// <summary><c>CustomEmailSender_AdminCreateUser</c>: Send the temporary password by email.</summary>
    public const string CustomEmailSenderAdminCreateUser = "CustomEmailSender_AdminCreateUser";

    /// <summary><c>CustomEmailSender_AccountTakeOverNotification</c>: Tell the user about a suspected account takeover.</summary>
    public const string CustomEmailSenderAccountTakeOverNotification = "CustomEmailSender_AccountTakeOverNotification";

    /// <summary><c>CustomEmailSender_Authentication</c>: Send a sign-in code by email.</summary>
    public const string CustomEmailSenderAuthentication = "CustomEmailSender_Authentication";

    /// <summary><c>CustomSMSSender_SignUp</c>: Send the sign-up message yourself.</summary>
    public const string CustomSmsSenderSignUp = "CustomSMSSender_SignUp";

    /// <summary><c>CustomSMSSender_ResendCode</c>: Send a confirmation code again by SMS.</summary>
    public const string CustomSmsSenderResendCode = "CustomSMSSender_ResendCode";

    /// <summary><c>CustomSMSSender_ForgotPassword</c>: Send the forgotten-password code by SMS.</summary>
    public const string CustomSmsSenderForgotPassword = "CustomSMSSender_ForgotPassword";

    /// <summary><c>CustomSMSSender_UpdateUserAttribute</c>: Send the code verifying a changed phone number.</summary>
    public const string CustomSmsSenderUpdateUserAttribute = "CustomSMSSender_UpdateUserAttribute";

    /// <summary><c>CustomSMSSender_VerifyUserAttribute</c>: Send the code verifying a phone number.</summary>
    public const string CustomSmsSenderVerifyUserAttribute = "CustomSMSSender_VerifyUserAttribute";

    /// <summary><c>CustomSMSSender_Authentication</c>: Send a multi-factor authentication code by SMS.</summary>
    public const string CustomSmsSenderAuthentication = "CustomSMSSender_Authentication";

    /// <summary><c>CustomSMSSender_AdminCreateUser</c>: Send the temporary password by SMS.</summary>
    public const string CustomSmsSenderAdminCreateUser = "CustomSMSSender_AdminCreateUser";

    /// <summary><c>InboundFederation_ExternalProvider</c>: Map a federated user's attributes from their identity provider.</summary>
    public const string InboundFederationExternalProvider = "InboundFederation_ExternalProvider";
}
