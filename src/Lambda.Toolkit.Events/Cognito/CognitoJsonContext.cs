using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Cognito;

/// <summary>
/// Source-generated JSON metadata for Cognito user pool trigger events: what a function of this source reads and writes, and nothing else.
/// A function that uses only this context carries only these models in its Native AOT binary, where
/// <see cref="LambdaEventsJsonContext"/> carries every source's. The options are those of
/// <see cref="LambdaEventsJsonContext"/> (nulls not written, explicit wire names), so both write the same JSON.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, GenerationMode = JsonSourceGenerationMode.Metadata | JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(CognitoPreSignUpEvent))]
[JsonSerializable(typeof(CognitoPostConfirmationEvent))]
[JsonSerializable(typeof(CognitoPreAuthenticationEvent))]
[JsonSerializable(typeof(CognitoPostAuthenticationEvent))]
[JsonSerializable(typeof(CognitoPreTokenGenerationEvent))]
[JsonSerializable(typeof(CognitoPreTokenGenerationV2Event))]
[JsonSerializable(typeof(CognitoCustomMessageEvent))]
[JsonSerializable(typeof(CognitoDefineAuthChallengeEvent))]
[JsonSerializable(typeof(CognitoCreateAuthChallengeEvent))]
[JsonSerializable(typeof(CognitoVerifyAuthChallengeEvent))]
[JsonSerializable(typeof(CognitoUserMigrationEvent))]
[JsonSerializable(typeof(CognitoCustomSenderEvent))]
[JsonSerializable(typeof(CognitoInboundFederationEvent))]
public sealed partial class CognitoJsonContext : JsonSerializerContext;
