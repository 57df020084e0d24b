using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Lambda.Toolkit.Tracing.XRay;

/// <summary>
/// The X-Ray daemon's UDP address, from <c>AWS_XRAY_DAEMON_ADDRESS</c>: <c>host:port</c> (an IPv6 host in brackets),
/// or Lambda's pair <c>tcp:host:port udp:host:port</c> in either order, of which the <c>udp:</c> part is used.
/// </summary>
internal sealed record XRayDaemonAddress(string Host, int Port)
{
    public static bool TryParse(string value, [NotNullWhen(true)] out XRayDaemonAddress? address, [NotNullWhen(false)] out string? error)
    {
        address = null;
        var parts = value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        string udp;
        if (parts.Length == 1 && !parts[0].StartsWith("udp:", StringComparison.OrdinalIgnoreCase) && !parts[0].StartsWith("tcp:", StringComparison.OrdinalIgnoreCase))
        {
            udp = parts[0];
        }
        else if (parts.Length == 2
            && Array.Find(parts, static p => p.StartsWith("udp:", StringComparison.OrdinalIgnoreCase)) is { } udpPart
            && Array.Find(parts, static p => p.StartsWith("tcp:", StringComparison.OrdinalIgnoreCase)) is not null)
        {
            udp = udpPart[4..];
        }
        else
        {
            error = $"'{value}' is not a daemon address: expected host:port (for example 127.0.0.1:2000) or 'tcp:host:port udp:host:port'.";
            return false;
        }

        var colon = udp.LastIndexOf(':');
        if (colon < 0)
        {
            error = $"'{value}' has no valid port: expected host:port (for example 127.0.0.1:2000).";
            return false;
        }

        var host = colon > 0 ? udp[..colon] : string.Empty;
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        if (host.Length == 0 || (host.Contains(':', StringComparison.Ordinal) && !udp.StartsWith('[')))
        {
            error = $"'{value}' has no host: expected host:port (an IPv6 host in brackets, for example [::1]:2000).";
            return false;
        }

        if (!int.TryParse(udp.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            error = $"'{value}' has no valid port: expected a number from 1 to 65535 after the last ':'.";
            return false;
        }

        address = new XRayDaemonAddress(host, port);
        error = null;
        return true;
    }
}
