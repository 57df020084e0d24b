using System.Diagnostics.Metrics;

namespace Lambda.Toolkit.Metrics.BuiltIn;

/// <summary>
/// Listens to the toolkit's meters (<c>Lambda.Toolkit.Batch</c>, <c>Lambda.Toolkit.Http</c>, any <c>Lambda.Toolkit*</c>)
/// and adds each measurement to the collector of the invocation on whose flow it was made. Measurements made outside an
/// invocation of this application (another application in the same process, a test) are ignored.
/// </summary>
internal sealed class BuiltInMetricsListener : IDisposable
{
    private readonly MeterListener _listener;
    private readonly MetricsRuntime _runtime;

    public BuiltInMetricsListener(MetricsRuntime runtime)
    {
        _runtime = runtime;
        _listener = new MeterListener
        {
            InstrumentPublished = static (instrument, listener) =>
            {
                if (instrument.Meter.Name.StartsWith("Lambda.Toolkit", StringComparison.Ordinal) && BuiltInInstrument.Create(instrument) is { } builtIn)
                {
                    listener.EnableMeasurementEvents(instrument, builtIn);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, state) => Record(state, value, tags));
        _listener.Start();
    }

    public void Dispose() => _listener.Dispose();

    private void Record(object? state, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (state is BuiltInInstrument instrument && _runtime.Current is { } collector)
        {
            collector.AddBuiltIn(instrument, value, tags);
        }
    }
}
