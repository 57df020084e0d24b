namespace Lambda.Toolkit.Http;

/// <summary>The defaults of <see cref="HttpApiOptions"/>.</summary>
public static class HttpApiDefaults
{
    /// <summary>The largest request body accepted: 6 MB, Lambda's synchronous payload limit.</summary>
    public const int MaxRequestBodySize = 6 * 1024 * 1024;
}
