using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Lambda.Toolkit.Tracing.XRay;

/// <summary>
/// The exporter's socket: non-blocking, never connected, one datagram per call; a failed send is dropped and counted,
/// never thrown. A type of its own so that a function with no daemon address never loads the socket types at init.
/// </summary>
internal sealed partial class XRayUdpSender : IDisposable
{
    private readonly Socket _socket;
    private readonly ILogger _logger;
    private int _failureLogged;

    private XRayUdpSender(IPEndPoint daemon, ILogger logger)
    {
        Daemon = daemon;
        _logger = logger;
        _socket = new Socket(daemon.AddressFamily, SocketType.Dgram, ProtocolType.Udp) { Blocking = false };
    }

    public IPEndPoint Daemon { get; }

    /// <summary>A sender to <paramref name="address"/>, resolved once; <see langword="null"/> (logged) when the host cannot be resolved.</summary>
    public static XRayUdpSender? Create(XRayDaemonAddress address, ILogger logger)
    {
        if (IPAddress.TryParse(address.Host, out var ip))
        {
            return new XRayUdpSender(new IPEndPoint(ip, address.Port), logger);
        }

        try
        {
            // Once, at init; Lambda's value is an IP address, so only a local setup pays for a lookup.
            var addresses = Dns.GetHostAddresses(address.Host);
            var chosen = Array.Find(addresses, static a => a.AddressFamily == AddressFamily.InterNetwork) ?? (addresses.Length > 0 ? addresses[0] : null);
            if (chosen is not null)
            {
                return new XRayUdpSender(new IPEndPoint(chosen, address.Port), logger);
            }
        }
        catch (SocketException ex)
        {
            LogUnresolved(logger, address.Host, ex);
            return null;
        }

        LogUnresolved(logger, address.Host, null);
        return null;
    }

    /// <summary>Hands the datagram to the socket; <see langword="false"/> when it was dropped (full buffer, unreachable, refused, closed).</summary>
    public bool TrySend(ReadOnlySpan<byte> datagram)
    {
        try
        {
            _socket.SendTo(datagram, SocketFlags.None, Daemon);
            return true;
        }
        catch (SocketException ex)
        {
            if (Interlocked.Exchange(ref _failureLogged, 1) == 0)
            {
                LogSendFailed(_logger, Daemon, ex.SocketErrorCode, ex);
            }

            return false;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    public void Dispose() => _socket.Dispose();

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "X-Ray subsegments to {Daemon} are being dropped ({Error}); invocations are not affected. Further failures are counted, not logged.")]
    private static partial void LogSendFailed(ILogger logger, IPEndPoint daemon, SocketError error, Exception exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "The X-Ray daemon host {Host} cannot be resolved; nothing is exported")]
    private static partial void LogUnresolved(ILogger logger, string host, Exception? exception);
}
