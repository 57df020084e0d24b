using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Lambda.Toolkit.Runtime.Http;

/// <summary>
/// Where the Runtime API listens: <c>AWS_LAMBDA_RUNTIME_API</c> as <c>host:port</c>, where host is an IPv4
/// address, an IPv6 address in brackets or a DNS name (a missing port means 80, as in an HTTP URL).
/// </summary>
internal sealed class RuntimeApiEndpoint
{
    private RuntimeApiEndpoint(string authority, string host, int port, IPAddress? address)
    {
        Authority = authority;
        Host = host;
        Port = port;
        Address = address;
    }

    /// <summary>The <c>host:port</c> text as configured: the <c>Host</c> header and what error messages name.</summary>
    public string Authority { get; }

    /// <summary>The host name or address literal, without brackets.</summary>
    public string Host { get; }

    /// <summary>The TCP port.</summary>
    public int Port { get; }

    /// <summary>The address when the host is an IP literal; <see langword="null"/> for a DNS name.</summary>
    public IPAddress? Address { get; }

    /// <summary>Parses <c>host:port</c>; throws <see cref="ArgumentException"/> naming the problem.</summary>
    public static RuntimeApiEndpoint Parse(string runtimeApi)
    {
        ArgumentException.ThrowIfNullOrEmpty(runtimeApi);
        var text = runtimeApi.Trim();
        foreach (var c in text)
        {
            if (c is <= ' ' or > '~' or '/' or '?' or '#' or '@')
            {
                throw Invalid(runtimeApi, "it must be host:port in ASCII, with no scheme, path or spaces");
            }
        }

        string host;
        ReadOnlySpan<char> port;
        IPAddress? address = null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || !IPAddress.TryParse(text.AsSpan(1, close - 1), out address) || address.AddressFamily != AddressFamily.InterNetworkV6)
            {
                throw Invalid(runtimeApi, "the part in brackets is not an IPv6 address");
            }

            host = text[1..close];
            var rest = text.AsSpan(close + 1);
            if (!rest.IsEmpty && rest[0] != ':')
            {
                throw Invalid(runtimeApi, "the IPv6 address must be followed by :port");
            }

            port = rest.IsEmpty ? [] : rest[1..];
        }
        else
        {
            var colon = text.LastIndexOf(':');
            if (colon >= 0 && text.IndexOf(':', StringComparison.Ordinal) != colon)
            {
                throw Invalid(runtimeApi, "an IPv6 address must be written in brackets, as [::1]:9001");
            }

            host = colon < 0 ? text : text[..colon];
            port = colon < 0 ? [] : text.AsSpan(colon + 1);
            if (host.Length == 0)
            {
                throw Invalid(runtimeApi, "the host is empty");
            }

            if (IPAddress.TryParse(host, out var parsed) && parsed.AddressFamily == AddressFamily.InterNetwork)
            {
                address = parsed;
            }
        }

        var portNumber = 80;
        if (!port.IsEmpty
            && (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out portNumber) || portNumber is < 1 or > 65535))
        {
            throw Invalid(runtimeApi, "the port must be a number from 1 to 65535");
        }

        return new RuntimeApiEndpoint(text, host, portNumber, address);
    }

    private static ArgumentException Invalid(string runtimeApi, string problem) =>
        new($"The Runtime API address '{runtimeApi}' (AWS_LAMBDA_RUNTIME_API) is invalid: {problem}.", nameof(runtimeApi));
}
