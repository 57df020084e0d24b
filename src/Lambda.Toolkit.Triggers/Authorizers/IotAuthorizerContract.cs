using Lambda.Toolkit.Events.Iot;

namespace Lambda.Toolkit.Triggers.Authorizers;

/// <summary>
/// IoT Core custom authorizers: the answer is the handler's <see cref="IotCustomAuthorizerResponse"/>, checked against
/// IoT Core's rules when it authenticates (principal id of 1 to 128 letters and digits, durations of 300 to 86,400
/// seconds); the denial is <see cref="Denial"/>.
/// </summary>
internal sealed class IotAuthorizerContract : AuthorizerContract<IotCustomAuthorizerRequest, IotCustomAuthorizerResponse>
{
    /// <summary>
    /// <c>{"isAuthenticated":false,"principalId":"unauthenticated","disconnectAfterInSeconds":300,"refreshAfterInSeconds":300,"policyDocuments":[]}</c>:
    /// refused, in a form IoT Core reads as a complete answer.
    /// </summary>
    internal static readonly byte[] Denial =
        """{"isAuthenticated":false,"principalId":"unauthenticated","disconnectAfterInSeconds":300,"refreshAfterInSeconds":300,"policyDocuments":[]}"""u8.ToArray();

    private const int MinSeconds = 300;
    private const int MaxSeconds = 86_400;

    public override bool Accepts(AuthorizerEventKind kind) => kind == AuthorizerEventKind.Iot;

    public override void Validate(IotCustomAuthorizerRequest request)
    {
    }

    public override string? Check(IotCustomAuthorizerRequest request, IotCustomAuthorizerResponse result)
    {
        if (!result.IsAuthenticated)
        {
            return null;
        }

        if (!IsPrincipalId(result.PrincipalId))
        {
            return $"principalId is {AuthorizerInput.Describe(result.PrincipalId)}; IoT Core takes 1 to 128 letters and digits";
        }

        if (result.DisconnectAfterInSeconds is < MinSeconds or > MaxSeconds)
        {
            return $"disconnectAfterInSeconds is {result.DisconnectAfterInSeconds}; IoT Core takes {MinSeconds} to {MaxSeconds}";
        }

        if (result.RefreshAfterInSeconds is < MinSeconds or > MaxSeconds)
        {
            return $"refreshAfterInSeconds is {result.RefreshAfterInSeconds}; IoT Core takes {MinSeconds} to {MaxSeconds}";
        }

        return result.PolicyDocuments is null ? "policyDocuments is absent; an authenticated connection needs its policies" : null;
    }

    public override void Answer(InvocationContext invocation, IotCustomAuthorizerRequest request, IotCustomAuthorizerResponse result) =>
        invocation.Response.SetJson(result, IotJsonContext.Default.IotCustomAuthorizerResponse);

    public override void Deny(InvocationContext invocation, IotCustomAuthorizerRequest request) => invocation.Response.SetBody(Denial);

    private static bool IsPrincipalId(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 128)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
