namespace Lambda.Toolkit.Events.Cognito;

/// <summary>The <c>response</c> of triggers Amazon Cognito expects nothing back from: always <c>{}</c>.</summary>
public sealed class CognitoEmptyResponse;
