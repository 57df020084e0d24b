namespace Lambda.Toolkit.Triggers.Authorizers;

/// <summary>Bad-input errors of the authorizer adapters: each names the field and what was received.</summary>
internal static class AuthorizerInput
{
    private const int MaxShown = 100;

    public static InvalidEventException Invalid(Type requestType, string jsonPath, string message) =>
        new(requestType, $"The event is not a valid {requestType.Name} at {jsonPath}: {message}") { JsonPath = jsonPath };

    /// <summary>A received value for a message: quoted and cut at 100 characters, or <c>absent</c>.</summary>
    public static string Describe(string? value) => value is null ? "absent"
        : value.Length <= MaxShown ? $"'{value}'"
        : $"'{value[..MaxShown]}…' ({value.Length} characters)";

    public static MethodArn RequireArn(Type requestType, string? value, string field) => MethodArn.TryParse(value, out var arn)
        ? arn
        : throw Invalid(
            requestType,
            "$." + field,
            $"The authorizer event's {field} is {Describe(value)}, not an execute-api ARN (arn:{{partition}}:execute-api:{{region}}:{{account}}:{{apiId}}/{{stage}}/...).");
}
