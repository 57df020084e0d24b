using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Lambda.Toolkit.Metrics.Emf;

/// <summary>
/// Writes Embedded Metric Format documents with a <see cref="Utf8JsonWriter"/> (no reflection, no serializer): one
/// line per document, each line in one write to the output so that it stays one CloudWatch Logs event, metrics split
/// into as many documents as the limits require (100 metric definitions, 100 values per metric). The buffer and the
/// JSON writer are reused; writes are serialized.
/// </summary>
internal sealed class EmfWriter : IDisposable
{
    private readonly Stream _output;
    private readonly object _gate = new();
    private readonly ArrayBufferWriter<byte> _line = new(1024);
    private readonly Utf8JsonWriter _json;
    private readonly string _namespace;
    private int[] _next = new int[16];

    public EmfWriter(string @namespace, Stream output)
    {
        _namespace = @namespace;
        _output = output;
        _json = new Utf8JsonWriter(_line, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
    }

    /// <summary>
    /// Writes <paramref name="metrics"/> under the dimension sets given by <paramref name="dimensionSets"/> (each a list of
    /// names whose values <paramref name="dimensions"/> holds), with <paramref name="metadata"/> in every document.
    /// </summary>
    public void Write(
        long timestamp,
        IReadOnlyList<MetricSeries> metrics,
        IReadOnlyList<IReadOnlyList<string>> dimensionSets,
        IReadOnlyList<KeyValuePair<string, string>> dimensions,
        IReadOnlyList<(string Key, string? Text, double Number)> metadata)
    {
        if (metrics.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            // Every metric's next value to write; a document takes up to 100 metrics that still have values.
            // A reused array, not stackalloc: a method with loops and stackalloc cannot start at tier 0 (no on-stack
            // replacement), so under JIT it was compiled fully optimized on the first write, 10 ms of a cold start.
            if (_next.Length < metrics.Count)
            {
                _next = new int[Math.Max(metrics.Count, _next.Length * 2)];
            }

            var next = _next.AsSpan(0, metrics.Count);
            next.Clear();
            while (true)
            {
                _line.ResetWrittenCount();
                _json.Reset(_line);
                _json.WriteStartObject();
                _json.WriteStartObject("_aws"u8);
                _json.WriteNumber("Timestamp"u8, timestamp);
                _json.WriteStartArray("CloudWatchMetrics"u8);
                _json.WriteStartObject();
                _json.WriteString("Namespace"u8, _namespace);
                _json.WriteStartArray("Dimensions"u8);
                foreach (var set in dimensionSets)
                {
                    _json.WriteStartArray();
                    foreach (var name in set)
                    {
                        _json.WriteStringValue(name);
                    }

                    _json.WriteEndArray();
                }

                _json.WriteEndArray();
                _json.WriteStartArray("Metrics"u8);
                var taken = 0;
                for (var i = 0; i < metrics.Count && taken < EmfRules.MaxMetricsPerDocument; i++)
                {
                    if (next[i] < metrics[i].Values.Count)
                    {
                        var metric = metrics[i];
                        _json.WriteStartObject();
                        _json.WriteString("Name"u8, metric.Name);
                        _json.WriteString("Unit"u8, metric.Unit);
                        if (metric.Resolution == MetricResolution.High)
                        {
                            _json.WriteNumber("StorageResolution"u8, (int)MetricResolution.High);
                        }

                        _json.WriteEndObject();
                        taken++;
                    }
                }

                if (taken == 0)
                {
                    return;
                }

                _json.WriteEndArray();
                _json.WriteEndObject();
                _json.WriteEndArray();
                _json.WriteEndObject();
                foreach (var (name, value) in dimensions)
                {
                    _json.WriteString(name, value);
                }

                taken = 0;
                for (var i = 0; i < metrics.Count && taken < EmfRules.MaxMetricsPerDocument; i++)
                {
                    var values = metrics[i].Values;
                    var from = next[i];
                    if (from >= values.Count)
                    {
                        continue;
                    }

                    var count = Math.Min(values.Count - from, EmfRules.MaxValuesPerMetric);
                    _json.WritePropertyName(metrics[i].Name);
                    if (values.Count == 1)
                    {
                        _json.WriteNumberValue(values[0]);
                    }
                    else
                    {
                        _json.WriteStartArray();
                        for (var v = from; v < from + count; v++)
                        {
                            _json.WriteNumberValue(values[v]);
                        }

                        _json.WriteEndArray();
                    }

                    next[i] = from + count;
                    taken++;
                }

                foreach (var (key, text, number) in metadata)
                {
                    if (text is not null)
                    {
                        _json.WriteString(key, text);
                    }
                    else
                    {
                        _json.WriteNumber(key, number);
                    }
                }

                _json.WriteEndObject();
                _json.Flush();
                _line.Write("\n"u8);
                _output.Write(_line.WrittenSpan);
                _output.Flush();
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _json.Dispose();
        }
    }
}
