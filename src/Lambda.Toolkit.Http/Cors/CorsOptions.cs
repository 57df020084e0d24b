namespace Lambda.Toolkit.Http.Cors;

/// <summary>
/// Cross-origin resource sharing. Preflight requests (OPTIONS with Origin and
/// Access-Control-Request-Method) are answered before any endpoint runs: 204 with the CORS headers for an
/// allowed origin, 403 otherwise. A wildcard origin cannot be combined with credentials.
/// </summary>
public sealed class CorsOptions
{
    /// <summary>The allowed origins, for example <c>https://app.example.com</c>, or <c>*</c> for any. Default: none.</summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>The methods a preflight allows. Default: GET, HEAD, POST, PUT, PATCH, DELETE.</summary>
    public IList<string> AllowedMethods { get; } = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"];

    /// <summary>The request headers a preflight allows. Default: Content-Type, Authorization.</summary>
    public IList<string> AllowedHeaders { get; } = ["Content-Type", "Authorization"];

    /// <summary>Response headers the browser may read. Default: none.</summary>
    public IList<string> ExposedHeaders { get; } = [];

    /// <summary>Whether cookies and credentials are allowed. Default: false.</summary>
    public bool AllowCredentials { get; set; }

    /// <summary>How long a browser may cache a preflight answer. Default: 10 minutes.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(10);

    internal bool AnyOrigin => AllowedOrigins.Contains("*");

    internal bool Allows(string origin) => AnyOrigin || AllowedOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase);

    internal void Validate(List<string> problems)
    {
        if (AllowedOrigins.Count == 0)
        {
            problems.Add("Cors.AllowedOrigins is empty: name the origins to allow, or leave Cors unset.");
        }

        if (AnyOrigin && AllowCredentials)
        {
            problems.Add("Cors cannot allow any origin ('*') together with credentials; name the origins instead.");
        }

        if (MaxAge < TimeSpan.Zero)
        {
            problems.Add($"Cors.MaxAge must not be negative (was {MaxAge}).");
        }
    }
}
