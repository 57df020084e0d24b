using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Lambda.Toolkit.Tracing.XRay;

/// <summary>
/// Writes a stopped activity as the datagram the X-Ray daemon reads: the header line
/// <c>{"format": "json", "version": 1}</c>, a newline, then an independent subsegment document (<c>type</c>
/// <c>subsegment</c>, <c>id</c>, <c>trace_id</c> in X-Ray's <c>1-{8 hex}-{24 hex}</c> form, <c>parent_id</c>,
/// <c>start_time</c>/<c>end_time</c> in epoch seconds with the fraction, <c>error</c>/<c>fault</c>/<c>throttle</c>,
/// <c>http</c>, <c>annotations</c>, <c>metadata</c> and <c>cause</c>). Reuses one buffer: not thread-safe, the
/// exporter serialises calls.
/// </summary>
internal sealed class XRaySubsegmentWriter : IDisposable
{
    private const int MaxNameLength = 200;
    private const int MaxAnnotationValueLength = 1000;
    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true };
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _json;
    private readonly ISet<string> _annotationTags;
    private readonly int _maxBytes;

    public XRaySubsegmentWriter(ISet<string> annotationTags, int maxBytes = XRayTracingDefaults.MaxDocumentBytes)
    {
        _annotationTags = annotationTags;
        _maxBytes = maxBytes;
        _json = new Utf8JsonWriter(_buffer, WriterOptions);
    }

    public void Dispose() => _json.Dispose();

    private static ReadOnlySpan<byte> Header => "{\"format\": \"json\", \"version\": 1}\n"u8;

    /// <summary>
    /// The datagram for <paramref name="activity"/>; empty when it is over the daemon's limit even without its metadata
    /// and stack frames (which are left out first). Valid until the next call.
    /// </summary>
    public ReadOnlyMemory<byte> Write(Activity activity)
    {
        Write(activity, details: true);
        if (_buffer.WrittenCount > _maxBytes)
        {
            Write(activity, details: false);
        }

        return _buffer.WrittenCount > _maxBytes ? ReadOnlyMemory<byte>.Empty : _buffer.WrittenMemory;
    }

    /// <summary>X-Ray's trace id form of a W3C trace id: <c>1-{first 8 hex}-{other 24 hex}</c>.</summary>
    public static string TraceId(ActivityTraceId traceId)
    {
        var hex = traceId.ToHexString();
        return string.Concat("1-", hex.AsSpan(0, 8), "-", hex.AsSpan(8));
    }

    private void Write(Activity activity, bool details)
    {
        _buffer.ResetWrittenCount();
        _buffer.Write(Header);
        _json.Reset(_buffer);
        var json = _json;
        json.WriteStartObject();
        WriteName(json, activity.DisplayName);
        json.WriteString("id"u8, activity.SpanId.ToHexString());
        Span<char> traceId = stackalloc char[35];
        var hex = activity.TraceId.ToHexString();
        "1-".CopyTo(traceId);
        hex.AsSpan(0, 8).CopyTo(traceId[2..]);
        traceId[10] = '-';
        hex.AsSpan(8).CopyTo(traceId[11..]);
        json.WriteString("trace_id"u8, traceId);
        json.WriteString("parent_id"u8, activity.ParentSpanId.ToHexString());
        json.WriteString("type"u8, "subsegment"u8);
        var start = EpochSeconds(activity.StartTimeUtc);
        json.WriteNumber("start_time"u8, start);
        json.WriteNumber("end_time"u8, EpochSeconds(activity.StartTimeUtc + activity.Duration));

        var status = activity.GetTagItem("http.response.status_code") is { } code ? Convert.ToInt32(code, CultureInfo.InvariantCulture) : 0;
        if (status is >= 400 and < 500)
        {
            json.WriteBoolean("error"u8, true);
            if (status == 429)
            {
                json.WriteBoolean("throttle"u8, true);
            }
        }
        else if (status >= 500 || activity.Status == ActivityStatusCode.Error)
        {
            json.WriteBoolean("fault"u8, true);
        }

        WriteHttp(json, activity, status);
        WriteTags(json, activity, details);
        WriteCause(json, activity, details);
        json.WriteEndObject();
        json.Flush();
    }

    private static double EpochSeconds(DateTime utc) => (utc.Ticks - DateTime.UnixEpoch.Ticks) / (double)TimeSpan.TicksPerSecond;

    /// <summary>
    /// X-Ray names allow letters, digits, white space and <c>_ . : / % &amp; # = + \ - @</c>, up to 200 characters: a
    /// route parameter <c>{id}</c> becomes <c>:id</c>, any other character <c>_</c>.
    /// </summary>
    /// <remarks>
    /// The stack buffer is taken here and filled by <see cref="CleanName"/>: a method with both stackalloc and a loop
    /// cannot start at tier 0, so under JIT it would be compiled fully optimized when the first subsegment is written.
    /// </remarks>
    private static void WriteName(Utf8JsonWriter json, string name)
    {
        Span<char> clean = stackalloc char[Math.Min(name.Length, MaxNameLength)];
        var length = CleanName(name, clean);
        json.WriteString("name"u8, length == 0 ? "activity" : clean[..length]);
    }

    /// <summary>Writes the X-Ray form of <paramref name="name"/> into <paramref name="clean"/>, as much as fits; returns its length.</summary>
    private static int CleanName(string name, Span<char> clean)
    {
        var length = 0;
        foreach (var c in name)
        {
            if (length == clean.Length)
            {
                break;
            }

            if (c == '}')
            {
                continue;
            }

            clean[length++] = c == '{' ? ':'
                : char.IsLetterOrDigit(c) || char.IsWhiteSpace(c) || "_.:/%&#=+\\-@".Contains(c, StringComparison.Ordinal) ? c
                : '_';
        }

        return length;
    }

    private static void WriteHttp(Utf8JsonWriter json, Activity activity, int status)
    {
        var method = activity.GetTagItem("http.request.method") as string;
        if (method is null && status == 0)
        {
            return;
        }

        json.WriteStartObject("http"u8);
        if (method is not null)
        {
            json.WriteStartObject("request"u8);
            json.WriteString("method"u8, method);
            if (activity.GetTagItem("url.path") is string path)
            {
                json.WriteString("url"u8, path);
            }

            json.WriteEndObject();
        }

        if (status != 0)
        {
            json.WriteStartObject("response"u8);
            json.WriteNumber("status"u8, status);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private void WriteTags(Utf8JsonWriter json, Activity activity, bool details)
    {
        var annotations = false;
        foreach (var tag in activity.TagObjects)
        {
            if (!_annotationTags.Contains(tag.Key) || !IsAnnotationValue(tag.Value))
            {
                continue;
            }

            if (!annotations)
            {
                json.WriteStartObject("annotations"u8);
                annotations = true;
            }

            WriteAnnotation(json, tag.Key, tag.Value!);
        }

        if (annotations)
        {
            json.WriteEndObject();
        }

        if (!details)
        {
            return;
        }

        var metadata = false;
        foreach (var tag in activity.TagObjects)
        {
            if ((_annotationTags.Contains(tag.Key) && IsAnnotationValue(tag.Value)) || tag.Value is null)
            {
                continue;
            }

            if (!metadata)
            {
                json.WriteStartObject("metadata"u8);
                json.WriteStartObject("default"u8);
                metadata = true;
            }

            json.WritePropertyName(tag.Key);
            WriteValue(json, tag.Value, int.MaxValue);
        }

        if (metadata)
        {
            json.WriteEndObject();
            json.WriteEndObject();
        }
    }

    private static bool IsAnnotationValue(object? value) =>
        value is string or bool or int or long or double or float or short or byte or uint or ulong or ushort or sbyte or decimal;

    private static void WriteAnnotation(Utf8JsonWriter json, string key, object value)
    {
        // Annotation keys: letters, digits and underscores only.
        // The buffer here, the loop in CleanKey: stackalloc and a loop in one method cannot start at tier 0 under JIT.
        Span<char> clean = stackalloc char[Math.Min(key.Length, 500)];
        CleanKey(key, clean);
        json.WritePropertyName(clean);
        WriteValue(json, value, MaxAnnotationValueLength);
    }

    private static void CleanKey(string key, Span<char> clean)
    {
        for (var i = 0; i < clean.Length; i++)
        {
            var c = key[i];
            clean[i] = char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_';
        }
    }

    private static void WriteValue(Utf8JsonWriter json, object value, int maxLength)
    {
        switch (value)
        {
            case string s:
                json.WriteStringValue(s.Length > maxLength ? s.AsSpan(0, maxLength) : s);
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case int i:
                json.WriteNumberValue(i);
                break;
            case long l:
                json.WriteNumberValue(l);
                break;
            case double d when double.IsFinite(d):
                json.WriteNumberValue(d);
                break;
            case float f when float.IsFinite(f):
                json.WriteNumberValue(f);
                break;
            case short or byte or sbyte or ushort or uint:
                json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong u:
                json.WriteNumberValue(u);
                break;
            case decimal m:
                json.WriteNumberValue(m);
                break;
            default:
                json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static void WriteCause(Utf8JsonWriter json, Activity activity, bool details)
    {
        var any = false;
        foreach (var activityEvent in activity.Events)
        {
            if (activityEvent.Name != "exception")
            {
                continue;
            }

            if (!any)
            {
                json.WriteStartObject("cause"u8);
                json.WriteStartArray("exceptions"u8);
                any = true;
            }

            string? type = null, message = null, stack = null;
            foreach (var tag in activityEvent.Tags)
            {
                switch (tag.Key)
                {
                    case "exception.type":
                        type = tag.Value as string;
                        break;
                    case "exception.message":
                        message = tag.Value as string;
                        break;
                    case "exception.stacktrace":
                        stack = tag.Value as string;
                        break;
                }
            }

            json.WriteStartObject();
            json.WriteString("id"u8, ActivitySpanId.CreateRandom().ToHexString());
            if (type is not null)
            {
                json.WriteString("type"u8, type);
            }

            if (message is not null)
            {
                json.WriteString("message"u8, message);
            }

            if (details && stack is not null)
            {
                WriteStack(json, stack);
            }

            json.WriteEndObject();
        }

        if (any)
        {
            json.WriteEndArray();
            json.WriteEndObject();
        }
    }

    /// <summary>The <c>at ...</c> lines of a .NET stack trace as X-Ray frames (<c>label</c>, and <c>path</c>/<c>line</c> when the line has them).</summary>
    private static void WriteStack(Utf8JsonWriter json, string stack)
    {
        var frames = 0;
        var skipped = 0;
        var started = false;
        foreach (var raw in stack.AsSpan().EnumerateLines())
        {
            var line = raw.Trim();
            if (!line.StartsWith("at "))
            {
                continue;
            }

            if (frames == XRayTracingDefaults.MaxStackFrames)
            {
                skipped++;
                continue;
            }

            if (!started)
            {
                json.WriteStartArray("stack"u8);
                started = true;
            }

            line = line[3..];
            json.WriteStartObject();
            var at = line.LastIndexOf(" in ");
            json.WriteString("label"u8, at < 0 ? line : line[..at]);
            if (at >= 0)
            {
                var location = line[(at + 4)..];
                var marker = location.LastIndexOf(":line ");
                json.WriteString("path"u8, marker < 0 ? location : location[..marker]);
                if (marker >= 0 && int.TryParse(location[(marker + 6)..], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                {
                    json.WriteNumber("line"u8, number);
                }
            }

            json.WriteEndObject();
            frames++;
        }

        if (started)
        {
            json.WriteEndArray();
        }

        if (skipped > 0)
        {
            json.WriteNumber("truncated"u8, skipped);
        }
    }
}
