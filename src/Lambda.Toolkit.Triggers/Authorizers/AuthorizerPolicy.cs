using Lambda.Toolkit.Events.Authorizers;

namespace Lambda.Toolkit.Triggers.Authorizers;

/// <summary>
/// Builds the IAM-policy answer of an API Gateway Lambda authorizer (REST <c>TOKEN</c>/<c>REQUEST</c>, WebSocket
/// <c>$connect</c>, and HTTP API with IAM policy responses). Start from the request, so that methods are named
/// relative to its API and stage:
/// <code>
/// return AuthorizerPolicy.For(request, principalId: user.Id)
///     .AllowMethod("GET", "/orders/*")
///     .DenyMethod("DELETE", "*")
///     .WithContext("tier", user.Tier)
///     .WithContext("admin", false);
/// </code>
/// API Gateway allows a call only when a statement allows its method ARN and none denies it: a deny always wins,
/// and a policy that names no method at all is answered as a deny of the request's own method ARN (403), never as
/// an allow. <see cref="Unauthorized"/> answers 401 instead.
/// </summary>
public sealed class AuthorizerPolicy
{
    /// <summary>The policy language version API Gateway expects.</summary>
    public const string PolicyVersion = "2012-10-17";

    /// <summary>The action an API Gateway policy allows or denies.</summary>
    public const string InvokeAction = "execute-api:Invoke";

    private readonly List<string> _allowed = [];
    private readonly List<string> _denied = [];
    private Dictionary<string, AuthorizerContextValue>? _context;

    private AuthorizerPolicy(MethodArn? methodArn, string principalId, bool unauthorized)
    {
        MethodArn = methodArn;
        PrincipalId = principalId;
        IsUnauthorized = unauthorized;
    }

    /// <summary>The ARN of the method (or route) being called, which <see cref="AllowMethod"/> names others relative to; <see langword="null"/> for <see cref="Unauthorized"/>.</summary>
    public MethodArn? MethodArn { get; }

    /// <summary>Who the caller is; API Gateway passes it on as <c>$context.authorizer.principalId</c>.</summary>
    public string PrincipalId { get; }

    /// <summary>Whether this is the explicit 401 answer rather than a policy.</summary>
    public bool IsUnauthorized { get; }

    /// <summary>The API key of a usage plan, when the API's key source is <c>AUTHORIZER</c>.</summary>
    public string? UsageIdentifierKey { get; private set; }

    /// <summary>The method ARNs (with wildcards) the policy allows.</summary>
    public IReadOnlyList<string> AllowedResources => _allowed;

    /// <summary>The method ARNs (with wildcards) the policy denies; a deny wins over any allow.</summary>
    public IReadOnlyList<string> DeniedResources => _denied;

    /// <summary>A policy for a REST or WebSocket authorizer request, relative to its <c>methodArn</c>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="principalId">Who the caller is; required.</param>
    /// <returns>An empty policy: add statements.</returns>
    /// <exception cref="ArgumentException"><paramref name="principalId"/> is empty, or the request has no valid <c>methodArn</c>.</exception>
    public static AuthorizerPolicy For(ApiGatewayAuthorizerRequest request, string principalId)
    {
        ArgumentNullException.ThrowIfNull(request);
        return For(ParseArn(request.MethodArn, "methodArn", nameof(request)), principalId);
    }

    /// <summary>A policy for an HTTP API authorizer request, relative to its <c>routeArn</c>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="principalId">Who the caller is; required.</param>
    /// <returns>An empty policy: add statements.</returns>
    /// <exception cref="ArgumentException"><paramref name="principalId"/> is empty, or the request has no valid <c>routeArn</c>.</exception>
    public static AuthorizerPolicy For(HttpApiAuthorizerRequest request, string principalId)
    {
        ArgumentNullException.ThrowIfNull(request);
        return For(ParseArn(request.RouteArn, "routeArn", nameof(request)), principalId);
    }

    /// <summary>A policy relative to a method ARN.</summary>
    /// <param name="methodArn">The ARN of the method being called.</param>
    /// <param name="principalId">Who the caller is; required.</param>
    /// <returns>An empty policy: add statements.</returns>
    /// <exception cref="ArgumentException"><paramref name="principalId"/> is empty.</exception>
    public static AuthorizerPolicy For(MethodArn methodArn, string principalId)
    {
        ArgumentNullException.ThrowIfNull(methodArn);
        ArgumentException.ThrowIfNullOrWhiteSpace(principalId);
        return new AuthorizerPolicy(methodArn, principalId, unauthorized: false);
    }

    /// <summary>
    /// The explicit "who are you?" answer: a REST or WebSocket authorizer fails with the error message
    /// <c>Unauthorized</c>, which API Gateway turns into 401 (a deny policy gives 403). An HTTP API authorizer with
    /// IAM policy responses answers a deny of the route instead, as it has no 401 form.
    /// </summary>
    /// <returns>The answer.</returns>
    public static AuthorizerPolicy Unauthorized() => new(null, "unauthorized", unauthorized: true);

    /// <summary>Allows a method ARN (wildcards <c>*</c> and <c>?</c> allowed).</summary>
    /// <param name="resourceArn">The ARN.</param>
    /// <returns>This policy.</returns>
    public AuthorizerPolicy Allow(string resourceArn) => Add(_allowed, resourceArn);

    /// <summary>Denies a method ARN (wildcards <c>*</c> and <c>?</c> allowed); a deny wins over any allow.</summary>
    /// <param name="resourceArn">The ARN.</param>
    /// <returns>This policy.</returns>
    public AuthorizerPolicy Deny(string resourceArn) => Add(_denied, resourceArn);

    /// <summary>Allows a method of the request's API and stage, for example <c>("GET", "/orders/*")</c>; <c>("*", "*")</c> allows them all.</summary>
    /// <param name="verb">An HTTP verb, <c>*</c>, or a WebSocket route key.</param>
    /// <param name="resourcePath">The resource path; wildcards allowed.</param>
    /// <returns>This policy.</returns>
    public AuthorizerPolicy AllowMethod(string verb, string resourcePath) => Allow(RequireArn().ForMethod(verb, resourcePath));

    /// <summary>Denies a method of the request's API and stage; a deny wins over any allow.</summary>
    /// <param name="verb">An HTTP verb, <c>*</c>, or a WebSocket route key.</param>
    /// <param name="resourcePath">The resource path; wildcards allowed.</param>
    /// <returns>This policy.</returns>
    public AuthorizerPolicy DenyMethod(string verb, string resourcePath) => Deny(RequireArn().ForMethod(verb, resourcePath));

    /// <summary>Allows exactly the method being called (with caching on, other methods then call the authorizer again or reuse this answer only for this method).</summary>
    /// <returns>This policy.</returns>
    public AuthorizerPolicy AllowRequest() => Allow(RequireArn().Value);

    /// <summary>Denies exactly the method being called (403).</summary>
    /// <returns>This policy.</returns>
    public AuthorizerPolicy DenyRequest() => Deny(RequireArn().Value);

    /// <summary>Adds a context value for the integration (<c>$context.authorizer.{key}</c>). Strings, numbers and booleans only: the type allows nothing else.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <returns>This policy.</returns>
    public AuthorizerPolicy WithContext(string key, AuthorizerContextValue value)
    {
        ThrowIfUnauthorized();
        ArgumentException.ThrowIfNullOrEmpty(key);
        (_context ??= new(StringComparer.Ordinal))[key] = value;
        return this;
    }

    /// <summary>Sets the usage plan's API key (the API's key source must be <c>AUTHORIZER</c>).</summary>
    /// <param name="apiKey">The API key value.</param>
    /// <returns>This policy.</returns>
    public AuthorizerPolicy WithUsageIdentifierKey(string apiKey)
    {
        ThrowIfUnauthorized();
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        UsageIdentifierKey = apiKey;
        return this;
    }

    /// <summary>
    /// Whether this policy lets a call to <paramref name="methodArn"/> through, as IAM evaluates it: a matching deny
    /// wins, then a matching allow, else it is denied. <c>*</c> matches any characters and <c>?</c> one; case counts.
    /// </summary>
    /// <param name="methodArn">The ARN of a call.</param>
    /// <returns><see langword="true"/> when the call would be allowed.</returns>
    public bool Allows(string methodArn)
    {
        ArgumentNullException.ThrowIfNull(methodArn);
        if (IsUnauthorized)
        {
            return false;
        }

        foreach (var pattern in _denied)
        {
            if (WildcardMatch(pattern, methodArn))
            {
                return false;
            }
        }

        foreach (var pattern in _allowed)
        {
            if (WildcardMatch(pattern, methodArn))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The answer as API Gateway reads it: <c>principalId</c>, a <c>policyDocument</c> of version <c>2012-10-17</c> with
    /// an <c>Allow</c> statement and a <c>Deny</c> statement of <c>execute-api:Invoke</c> (each only when it names a
    /// resource), the <c>context</c> and the <c>usageIdentifierKey</c>. A policy that names nothing denies the request's method ARN.
    /// </summary>
    /// <returns>The response.</returns>
    /// <exception cref="InvalidOperationException">This is <see cref="Unauthorized"/>, which is an error rather than a response.</exception>
    public ApiGatewayAuthorizerResponse ToResponse()
    {
        var arn = RequireArn();
        var statements = new List<IamPolicyStatement>(2);
        if (_allowed.Count > 0)
        {
            statements.Add(Statement("Allow", _allowed));
        }

        if (_denied.Count > 0)
        {
            statements.Add(Statement("Deny", _denied));
        }

        if (statements.Count == 0)
        {
            statements.Add(Statement("Deny", [arn.Value]));
        }

        return new ApiGatewayAuthorizerResponse
        {
            PrincipalId = PrincipalId,
            PolicyDocument = new IamPolicyDocument { Version = PolicyVersion, Statement = statements },
            Context = _context is null ? null : new Dictionary<string, AuthorizerContextValue>(_context, StringComparer.Ordinal),
            UsageIdentifierKey = UsageIdentifierKey,
        };
    }

    /// <summary>A response that denies <paramref name="arn"/>: what an authorizer answers when it cannot allow.</summary>
    internal static ApiGatewayAuthorizerResponse DenyResponse(string arn) => new()
    {
        PrincipalId = "unauthorized",
        PolicyDocument = new IamPolicyDocument { Version = PolicyVersion, Statement = [Statement("Deny", [arn])] },
    };

    /// <summary>IAM's wildcard match: <c>*</c> any run of characters, <c>?</c> exactly one, ordinal.</summary>
    internal static bool WildcardMatch(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    private static IamPolicyStatement Statement(string effect, IEnumerable<string> resources) => new()
    {
        Action = new IamPolicyValues(InvokeAction),
        Effect = effect,
        Resource = new IamPolicyValues(resources),
    };

    private static MethodArn ParseArn(string? value, string field, string paramName) => Authorizers.MethodArn.TryParse(value, out var arn)
        ? arn
        : throw new ArgumentException($"The request's {field} ({(value is null ? "absent" : $"'{value}'")}) is not an execute-api ARN.", paramName);

    private AuthorizerPolicy Add(List<string> list, string resourceArn)
    {
        ThrowIfUnauthorized();
        ArgumentException.ThrowIfNullOrWhiteSpace(resourceArn);
        list.Add(resourceArn);
        return this;
    }

    private MethodArn RequireArn()
    {
        ThrowIfUnauthorized();
        return MethodArn!;
    }

    private void ThrowIfUnauthorized()
    {
        if (IsUnauthorized)
        {
            throw new InvalidOperationException("AuthorizerPolicy.Unauthorized() is a 401 answer, not a policy: it takes no statements, context or key.");
        }
    }
}
