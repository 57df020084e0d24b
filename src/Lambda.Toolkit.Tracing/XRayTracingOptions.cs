using Lambda.Toolkit.Tracing.XRay;

namespace Lambda.Toolkit.Tracing;

/// <summary>How <see cref="XRayTracingServiceCollectionExtensions.AddXRayTracing"/> exports activities to the X-Ray daemon.</summary>
public sealed class XRayTracingOptions
{
    /// <summary>
    /// The daemon's UDP address: <c>host:port</c>, or the pair Lambda sets, <c>tcp:host:port udp:host:port</c> (the
    /// <c>udp:</c> part is used). Default: <see langword="null"/>, read from the <c>AWS_XRAY_DAEMON_ADDRESS</c>
    /// configuration key (the environment variable Lambda sets when active tracing is on); when neither is set nothing is
    /// exported and no listener is registered.
    /// </summary>
    public string? DaemonAddress { get; set; }

    /// <summary>
    /// The activity sources exported, by name; a name ending in <c>*</c> matches every source that starts with what comes
    /// before it. Add your own <see cref="System.Diagnostics.ActivitySource"/> to get its activities as subsegments too.
    /// Default: <see cref="XRayTracingDefaults.Sources"/> (<c>Lambda.Toolkit*</c>).
    /// </summary>
    public IList<string> Sources { get; } = [XRayTracingDefaults.Sources];

    /// <summary>
    /// The tags that become annotations (string, boolean or number values; the key with every character other than a
    /// letter, digit or <c>_</c> replaced by <c>_</c>, so <c>http.route</c> is <c>http_route</c>); the other tags are
    /// metadata in the <c>default</c> namespace under their own names. Default: <see cref="XRayTracingDefaults.AnnotationTags"/>.
    /// </summary>
    public ISet<string> AnnotationTags { get; } = new HashSet<string>(XRayTracingDefaults.AnnotationTags, StringComparer.Ordinal);

    /// <summary>Every problem with these options, in one list; empty when they are valid.</summary>
    /// <returns>The problems.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (DaemonAddress is not null && !XRayDaemonAddress.TryParse(DaemonAddress, out _, out var error))
        {
            problems.Add($"{nameof(DaemonAddress)}: {error}");
        }

        if (Sources.Count == 0)
        {
            problems.Add($"{nameof(Sources)} is empty: name at least one activity source (default: {XRayTracingDefaults.Sources}).");
        }

        foreach (var source in Sources)
        {
            if (string.IsNullOrWhiteSpace(source) || source == "*")
            {
                problems.Add($"{nameof(Sources)} contains '{source}': name a source, or a prefix followed by '*'.");
            }
            else if (source.IndexOf('*', StringComparison.Ordinal) is var star and >= 0 && star != source.Length - 1)
            {
                problems.Add($"{nameof(Sources)} contains '{source}': '*' is allowed only at the end.");
            }
        }

        foreach (var tag in AnnotationTags)
        {
            if (string.IsNullOrEmpty(tag))
            {
                problems.Add($"{nameof(AnnotationTags)} contains an empty tag name.");
            }
        }

        return problems;
    }
}
