using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lambda.Toolkit.Tracing.XRay;

/// <summary>
/// Listens to the configured activity sources and sends each stopped activity of a sampled invocation to the X-Ray
/// daemon as one UDP datagram (see <see cref="XRaySubsegmentWriter"/>). Created at init by
/// <see cref="XRayTracingFilter"/>; when no daemon address is configured it registers no listener at all.
/// </summary>
/// <remarks>
/// Which activities are exported: an invocation activity (source <c>Lambda.Toolkit</c>) whose remote parent, the
/// X-Ray trace header, is sampled; and any activity of a listened source whose local parent chain leads to such an
/// invocation activity. The sampler answers <see cref="ActivitySamplingResult.None"/> for the rest, so an unsampled
/// invocation creates no activities on this exporter's account. The socket is non-blocking and never connected: a
/// full send buffer, an unreachable or refused address, or any other socket error drops the datagram and counts it
/// in <see cref="Dropped"/>; the first failure is logged once.
/// </remarks>
internal sealed partial class XRayExporter : IDisposable
{
    private const string InvocationSource = "Lambda.Toolkit";
    private readonly object _gate = new();
    private readonly XRaySubsegmentWriter? _writer;
    private readonly ActivityListener? _listener;
    private readonly XRayUdpSender? _sender;
    private long _sent;
    private long _dropped;

    public XRayExporter(XRayTracingOptions options, IConfiguration? configuration = null, ILoggerFactory? loggers = null)
    {
        var value = options;
        var configured = value.DaemonAddress ?? configuration?[XRayTracingDefaults.DaemonAddressVariable];
        var problems = new List<string>(value.Validate());
        XRayDaemonAddress? address = null;
        if (!string.IsNullOrWhiteSpace(configured) && !XRayDaemonAddress.TryParse(configured, out address, out var error) && value.DaemonAddress is null)
        {
            problems.Add($"{XRayTracingDefaults.DaemonAddressVariable}: {error}");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("X-Ray tracing is misconfigured: " + string.Join(" ", problems));
        }

        if (address is not null)
        {
            // The logger is created only when something is exported: a function without a daemon pays nothing for it.
            var log = loggers?.CreateLogger(typeof(XRayExporter).FullName!) ?? NullLogger.Instance;
            _sender = XRayUdpSender.Create(address, log);
            if (_sender is not null)
            {
                _writer = new XRaySubsegmentWriter(new HashSet<string>(value.AnnotationTags, StringComparer.Ordinal));
                _listener = Listen([.. value.Sources]);
                LogStarted(log, configured!);
            }
        }
    }

    /// <summary>The daemon's resolved address, or <see langword="null"/> when nothing is exported.</summary>
    public IPEndPoint? Daemon => _sender?.Daemon;

    /// <summary>Datagrams handed to the socket.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Datagrams dropped: a socket error, a full buffer, or a document over the daemon's size limit.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Dispose()
    {
        _listener?.Dispose();
        _sender?.Dispose();
        lock (_gate)
        {
            _writer?.Dispose();
        }
    }

    private ActivityListener Listen(string[] sources)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => Matches(sources, source.Name),
            Sample = Sample,
            SampleUsingParentId = static (ref ActivityCreationOptions<string> _) => ActivitySamplingResult.None,
            ActivityStopped = Export,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private static bool Matches(string[] sources, string name)
    {
        foreach (var source in sources)
        {
            if (source.EndsWith('*') ? name.StartsWith(source.AsSpan(0, source.Length - 1), StringComparison.Ordinal) : name == source)
            {
                return true;
            }
        }

        return false;
    }

    private static ActivitySamplingResult Sample(ref ActivityCreationOptions<ActivityContext> options)
    {
        var parent = options.Parent;
        if ((parent.TraceFlags & ActivityTraceFlags.Recorded) == 0)
        {
            return ActivitySamplingResult.None;
        }

        // An invocation continues the X-Ray trace header (a remote parent); everything else is a child of ours in the same process.
        var invocation = options.Source.Name == InvocationSource;
        return parent.IsRemote == invocation ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None;
    }

    /// <summary>Whether the activity belongs to an invocation sampled by its X-Ray trace header.</summary>
    private static bool InSampledInvocation(Activity activity)
    {
        for (var current = activity; current is not null; current = current.Parent)
        {
            if (current.Source.Name == InvocationSource && current.HasRemoteParent)
            {
                return current.ParentId is { Length: 55 } parentId && parentId.EndsWith("-01", StringComparison.Ordinal);
            }
        }

        return false;
    }

    private void Export(Activity activity)
    {
        if (!activity.Recorded || !InSampledInvocation(activity))
        {
            return;
        }

        lock (_gate)
        {
            var datagram = _writer!.Write(activity);
            if (!datagram.IsEmpty && _sender!.TrySend(datagram.Span))
            {
                Interlocked.Increment(ref _sent);
            }
            else
            {
                Interlocked.Increment(ref _dropped);
            }
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "X-Ray exporter sending subsegments to {Daemon}")]
    private static partial void LogStarted(ILogger logger, string daemon);
}
