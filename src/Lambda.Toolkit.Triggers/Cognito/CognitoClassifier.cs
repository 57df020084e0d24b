using System.Text;
using System.Text.Json;
using Lambda.Toolkit.Adapters;

namespace Lambda.Toolkit.Triggers.Cognito;

/// <summary>
/// Recognises an Amazon Cognito user pool trigger event: a JSON object with top-level <c>triggerSource</c> (a string)
/// and <c>userPoolId</c>. The family comes from the <c>triggerSource</c> prefix (<c>PreSignUp_</c>, <c>TokenGeneration_</c>,
/// …) and, for pre token generation, the <c>version</c> (<c>1</c>; <c>2</c> or <c>3</c>). One forward scan of the top
/// level that skips nested values; allocation-free unless the source string holds escapes.
/// </summary>
internal sealed class CognitoClassifier : EventClassifier<CognitoTrigger>
{
    public static readonly CognitoClassifier Instance = new();

    private enum VersionValue
    {
        Absent,
        One,
        TwoOrThree,
        Other,
    }

    /// <summary>The classifier's answer without the per-invocation cache, for tests.</summary>
    internal CognitoTrigger ClassifyPayload(ReadOnlySpan<byte> payload) => Classify(payload);

    /// <summary>The event's <c>triggerSource</c> and <c>version</c> as strings, for error messages.</summary>
    internal static (string? TriggerSource, string? Version) ReadSource(ReadOnlySpan<byte> payload)
    {
        string? source = null, version = null;
        try
        {
            var reader = new Utf8JsonReader(payload, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return (null, null);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isSource = reader.ValueTextEquals("triggerSource"u8);
                var isVersion = reader.ValueTextEquals("version"u8);
                reader.Read();
                if (reader.TokenType == JsonTokenType.String)
                {
                    source = isSource ? reader.GetString() : source;
                    version = isVersion ? reader.GetString() : version;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Judge by what was read so far.
        }

        return (source, version);
    }

    protected override CognitoTrigger Classify(ReadOnlySpan<byte> payload)
    {
        var trigger = CognitoTrigger.NotCognito;
        var version = VersionValue.Absent;
        bool source = false, userPoolId = false;
        try
        {
            var reader = new Utf8JsonReader(payload, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return CognitoTrigger.NotCognito;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("triggerSource"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        source = true;
                        trigger = reader.ValueIsEscaped ? Family(Encoding.UTF8.GetBytes(reader.GetString()!)) : Family(reader.ValueSpan);
                    }

                    reader.Skip();
                    continue;
                }

                if (reader.ValueTextEquals("version"u8))
                {
                    reader.Read();
                    version = reader.TokenType != JsonTokenType.String ? VersionValue.Other
                        : reader.ValueTextEquals("1"u8) ? VersionValue.One
                        : reader.ValueTextEquals("2"u8) || reader.ValueTextEquals("3"u8) ? VersionValue.TwoOrThree
                        : VersionValue.Other;
                    reader.Skip();
                    continue;
                }

                userPoolId |= reader.ValueTextEquals("userPoolId"u8);
                reader.Read();
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not JSON, or cut short: judge by what was read so far.
        }

        if (!source || !userPoolId)
        {
            return CognitoTrigger.NotCognito;
        }

        return trigger != CognitoTrigger.PreTokenGeneration ? trigger
            : version == VersionValue.One ? CognitoTrigger.PreTokenGeneration
            : version == VersionValue.TwoOrThree ? CognitoTrigger.PreTokenGenerationV2
            : CognitoTrigger.Unknown;
    }

    private static CognitoTrigger Family(ReadOnlySpan<byte> source) =>
        source.StartsWith("PreSignUp_"u8) ? CognitoTrigger.PreSignUp
        : source.StartsWith("PostConfirmation_"u8) ? CognitoTrigger.PostConfirmation
        : source.StartsWith("PreAuthentication_"u8) ? CognitoTrigger.PreAuthentication
        : source.StartsWith("PostAuthentication_"u8) ? CognitoTrigger.PostAuthentication
        : source.StartsWith("TokenGeneration_"u8) ? CognitoTrigger.PreTokenGeneration
        : source.StartsWith("CustomMessage_"u8) ? CognitoTrigger.CustomMessage
        : source.StartsWith("DefineAuthChallenge_"u8) ? CognitoTrigger.DefineAuthChallenge
        : source.StartsWith("CreateAuthChallenge_"u8) ? CognitoTrigger.CreateAuthChallenge
        : source.StartsWith("VerifyAuthChallengeResponse_"u8) ? CognitoTrigger.VerifyAuthChallengeResponse
        : source.StartsWith("UserMigration_"u8) ? CognitoTrigger.UserMigration
        : source.StartsWith("CustomEmailSender_"u8) ? CognitoTrigger.CustomEmailSender
        : source.StartsWith("CustomSMSSender_"u8) ? CognitoTrigger.CustomSmsSender
        : source.StartsWith("InboundFederation_"u8) ? CognitoTrigger.InboundFederation
        : CognitoTrigger.Unknown;
}
