using System.Text.Json;
using Lambda.Toolkit.Events.Cognito;

namespace Lambda.Toolkit.Triggers.Cognito;

/// <summary>
/// The rules Amazon Cognito's documentation states for each trigger's response. Each check returns the field and
/// the rule it breaks, or <see langword="null"/> when the response can be sent.
/// </summary>
internal static class CognitoResponseRules
{
    /// <summary>The longest SMS message Cognito sends, in characters.</summary>
    public const int MaxSmsMessage = 140;

    /// <summary>The longest email message body Cognito sends, in characters.</summary>
    public const int MaxEmailMessage = 20_000;

    /// <summary>The longest email subject Cognito sends, in characters.</summary>
    public const int MaxEmailSubject = 140;

    /// <summary>Claims Cognito sets itself in every token: a pre token generation response may not add, override or suppress them.</summary>
    private static readonly HashSet<string> ReservedClaims = new(StringComparer.Ordinal)
    {
        "acr", "amr", "at_hash", "aud", "auth_time", "azp", "c_hash", "exp", "iat", "identities", "iss", "jti", "nbf", "nonce",
        "origin_jti", "sub", "token_use",
    };

    /// <summary>Access token claims set from the grant: <c>scope</c> changes through <c>scopesToAdd</c>/<c>scopesToSuppress</c>.</summary>
    private static readonly HashSet<string> ReservedAccessClaims = new(StringComparer.Ordinal) { "client_id", "scope" };

    /// <summary>ID token claims whose value must stay a string, number or boolean (no arrays or objects).</summary>
    private static readonly HashSet<string> ScalarIdClaims = new(StringComparer.Ordinal) { "email_verified", "phone_number_verified", "updated_at", "address" };

    public static string? PreSignUp(CognitoPreSignUpEvent e)
    {
        var attributes = e.Request.UserAttributes;
        if (e.Response.AutoVerifyEmail == true && !HasValue(attributes, "email"))
        {
            return "response.autoVerifyEmail is true but the request's userAttributes have no email; Cognito verifies only an email attribute with a value";
        }

        if (e.Response.AutoVerifyPhone == true && !HasValue(attributes, "phone_number"))
        {
            return "response.autoVerifyPhone is true but the request's userAttributes have no phone_number; Cognito verifies only a phone_number attribute with a value";
        }

        return null;
    }

    public static string? PreTokenGeneration(CognitoPreTokenGenerationEvent e)
    {
        var details = e.Response.ClaimsOverrideDetails;
        if (details is null)
        {
            return null;
        }

        return Reserved("response.claimsOverrideDetails.claimsToAddOrOverride", details.ClaimsToAddOrOverride?.Keys, access: false)
            ?? Reserved("response.claimsOverrideDetails.claimsToSuppress", details.ClaimsToSuppress, access: false);
    }

    public static string? PreTokenGenerationV2(CognitoPreTokenGenerationV2Event e)
    {
        var details = e.Response.ClaimsAndScopeOverrideDetails;
        if (details is null)
        {
            return null;
        }

        const string Path = "response.claimsAndScopeOverrideDetails";
        if (details.IdTokenGeneration is { } id)
        {
            if (Reserved(Path + ".idTokenGeneration.claimsToAddOrOverride", id.ClaimsToAddOrOverride?.Keys, access: false) is { } problem)
            {
                return problem;
            }

            if (id.ClaimsToAddOrOverride is { } claims)
            {
                foreach (var (name, value) in claims)
                {
                    if (ScalarIdClaims.Contains(name) && value.ValueKind is JsonValueKind.Array or JsonValueKind.Object)
                    {
                        return $"{Path}.idTokenGeneration.claimsToAddOrOverride['{name}'] is a JSON {value.ValueKind.ToString().ToLowerInvariant()}; in the ID token {name} must be a string, number or boolean";
                    }
                }
            }

            if (Reserved(Path + ".idTokenGeneration.claimsToSuppress", id.ClaimsToSuppress, access: false) is { } suppressed)
            {
                return suppressed;
            }
        }

        if (details.AccessTokenGeneration is { } access)
        {
            return Reserved(Path + ".accessTokenGeneration.claimsToAddOrOverride", access.ClaimsToAddOrOverride?.Keys, access: true)
                ?? Reserved(Path + ".accessTokenGeneration.claimsToSuppress", access.ClaimsToSuppress, access: true);
        }

        return null;
    }

    public static string? CustomMessage(CognitoCustomMessageEvent e)
    {
        var request = e.Request;
        var response = e.Response;
        if (response.SmsMessage is { Length: > MaxSmsMessage } sms)
        {
            return $"response.smsMessage has {sms.Length} characters; Cognito sends at most {MaxSmsMessage}";
        }

        if (response.EmailMessage is { Length: > MaxEmailMessage } email)
        {
            return $"response.emailMessage has {email.Length} characters; Cognito sends at most {MaxEmailMessage:N0}";
        }

        if (response.EmailSubject is { Length: > MaxEmailSubject } subject)
        {
            return $"response.emailSubject has {subject.Length} characters; Cognito sends at most {MaxEmailSubject}";
        }

        var code = request.CodeParameter;
        var link = request.LinkParameter;
        if (!string.IsNullOrEmpty(code))
        {
            if (response.SmsMessage is { } smsText && !smsText.Contains(code, StringComparison.Ordinal))
            {
                return $"response.smsMessage does not contain the request's codeParameter '{code}', where Cognito puts the code";
            }

            if (response.EmailMessage is { } emailText && !emailText.Contains(code, StringComparison.Ordinal)
                && (string.IsNullOrEmpty(link) || !emailText.Contains(link, StringComparison.Ordinal)))
            {
                return string.IsNullOrEmpty(link)
                    ? $"response.emailMessage does not contain the request's codeParameter '{code}', where Cognito puts the code"
                    : $"response.emailMessage contains neither the request's codeParameter '{code}' nor its linkParameter '{link}'";
            }
        }

        var username = request.UsernameParameter;
        if (e.TriggerSource == CognitoTriggerSources.CustomMessageAdminCreateUser && !string.IsNullOrEmpty(username))
        {
            if (response.SmsMessage is { } smsText && !smsText.Contains(username, StringComparison.Ordinal))
            {
                return $"response.smsMessage does not contain the request's usernameParameter '{username}'; an invitation must carry the user name and the temporary password";
            }

            if (response.EmailMessage is { } emailText && !emailText.Contains(username, StringComparison.Ordinal))
            {
                return $"response.emailMessage does not contain the request's usernameParameter '{username}'; an invitation must carry the user name and the temporary password";
            }
        }

        return null;
    }

    public static string? DefineAuthChallenge(CognitoDefineAuthChallengeEvent e)
    {
        var response = e.Response;
        if (response.IssueTokens == true && response.FailAuthentication == true)
        {
            return "response.issueTokens and response.failAuthentication are both true; answer one: issue tokens, fail, or name the next challenge";
        }

        if (response.IssueTokens != true && response.FailAuthentication != true && string.IsNullOrEmpty(response.ChallengeName))
        {
            return "response.challengeName is empty while neither issueTokens nor failAuthentication is true; name the next challenge (for example CUSTOM_CHALLENGE), issue tokens or fail";
        }

        return null;
    }

    public static string? UserMigration(CognitoUserMigrationEvent e)
    {
        var response = e.Response;
        if (response.FinalUserStatus is { } status && status is not ("CONFIRMED" or "RESET_REQUIRED"))
        {
            return $"response.finalUserStatus is '{status}'; Cognito accepts CONFIRMED or RESET_REQUIRED";
        }

        if (response.MessageAction is { } action && action is not ("SUPPRESS" or "RESEND"))
        {
            return $"response.messageAction is '{action}'; Cognito accepts SUPPRESS or RESEND";
        }

        if (response.DesiredDeliveryMediums is { } mediums)
        {
            foreach (var medium in mediums)
            {
                if (medium is not ("EMAIL" or "SMS"))
                {
                    return $"response.desiredDeliveryMediums holds '{medium}'; Cognito accepts EMAIL and SMS";
                }
            }
        }

        return null;
    }

    private static bool HasValue(Dictionary<string, string>? attributes, string name) =>
        attributes is not null && attributes.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value);

    private static string? Reserved(string path, IEnumerable<string>? names, bool access)
    {
        // cognito:* claims (groups, roles, username) are refused only when added or overridden: groups and roles change
        // through groupOverrideDetails, and the documentation does not state that suppressing them is refused.
        var adding = path.EndsWith("claimsToAddOrOverride", StringComparison.Ordinal);
        if (names is null)
        {
            return null;
        }

        foreach (var name in names)
        {
            if (ReservedClaims.Contains(name) || (adding && name.StartsWith("cognito:", StringComparison.Ordinal)) || (access && ReservedAccessClaims.Contains(name)))
            {
                var fix = name.StartsWith("cognito:", StringComparison.Ordinal) ? " (groups and roles change through groupOverrideDetails)"
                    : name == "scope" ? " (scopes change through scopesToAdd and scopesToSuppress)"
                    : string.Empty;
                return $"{path} names '{name}', a claim Cognito sets itself and does not let a trigger change{fix}";
            }
        }

        return null;
    }
}
