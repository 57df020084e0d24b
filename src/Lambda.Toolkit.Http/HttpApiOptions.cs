using Lambda.Toolkit.Http.Cors;

namespace Lambda.Toolkit.Http;

/// <summary>How the HTTP adapter reads requests and writes responses. Validated at init: each problem is an init error.</summary>
public sealed class HttpApiOptions
{
    /// <summary>The event format; <see cref="HttpPayloadFormat.Auto"/> detects it per event. Default: Auto.</summary>
    public HttpPayloadFormat Format { get; set; } = HttpPayloadFormat.Auto;

    /// <summary>Requests with a larger (decoded) body are answered 413. Default: <see cref="HttpApiDefaults.MaxRequestBodySize"/> (6 MB).</summary>
    public int MaxRequestBodySize { get; set; } = HttpApiDefaults.MaxRequestBodySize;

    /// <summary>CORS; <see langword="null"/> (default) adds no CORS headers and answers no preflight.</summary>
    public CorsOptions? Cors { get; set; }

    /// <summary>
    /// Compress textual responses of at least this many bytes with Brotli or gzip when the client accepts it
    /// (sent base64-encoded with Content-Encoding). Default: <see langword="null"/>, no compression.
    /// </summary>
    public int? CompressionThreshold { get; set; }

    internal List<string> Validate()
    {
        var problems = new List<string>();
        if (MaxRequestBodySize <= 0)
        {
            problems.Add($"{nameof(MaxRequestBodySize)} must be positive (was {MaxRequestBodySize}).");
        }

        if (CompressionThreshold is < 0)
        {
            problems.Add($"{nameof(CompressionThreshold)} must not be negative (was {CompressionThreshold}).");
        }

        Cors?.Validate(problems);
        return problems;
    }
}
