using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lambda.Toolkit.Logging;

/// <summary>
/// Writes log entries to stdout as Lambda expects them: one write per entry (so an entry with an
/// exception stays one CloudWatch event), tagged with the current invocation's request id.
/// </summary>
[ProviderAlias("Lambda")]
internal sealed class LambdaLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentDictionary<string, LambdaLogger> _loggers = new(StringComparer.Ordinal);
    private readonly IInvocationContextAccessor _invocations;
    private readonly LambdaLogFormat _format;
    private readonly Stream _output;
    private readonly object _gate = new();
    private readonly ArrayBufferWriter<byte> _line = new(512);
    private readonly Utf8JsonWriter _json;
    private readonly TimeProvider _timeProvider;

    public LambdaLoggerProvider(IOptions<LambdaLoggerOptions> options, IInvocationContextAccessor invocations, TimeProvider timeProvider)
    {
        _invocations = invocations;
        _timeProvider = timeProvider;
        _format = options.Value.Format;
        _output = options.Value.Output ?? Console.OpenStandardOutput();
        _json = new Utf8JsonWriter(_line, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, static (name, self) => new LambdaLogger(name, self), this);

    public void Dispose()
    {
        lock (_gate)
        {
            _output.Flush();
            _json.Dispose();
        }
    }

    internal void Write<TState>(string category, LogLevel level, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var message = formatter(state, exception);
        var invocation = _invocations.InvocationContext;
        var timestamp = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            _line.ResetWrittenCount();
            if (_format == LambdaLogFormat.Json)
            {
                WriteJson(category, level, eventId, state, exception, message, invocation, timestamp);
            }
            else
            {
                WriteText(level, exception, message, invocation, timestamp);
            }

            _line.Write("\n"u8);
            _output.Write(_line.WrittenSpan);
            _output.Flush();
        }
    }

    private void WriteText(LogLevel level, Exception? exception, string message, InvocationContext? invocation, DateTimeOffset timestamp)
    {
        var text = new StringBuilder(message.Length + 96)
            .Append(timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))
            .Append('\t')
            .Append(invocation?.RequestId)
            .Append('\t')
            .Append(LambdaLogLevel.Name(level))
            .Append('\t')
            .Append(message);
        if (exception is not null)
        {
            text.Append('\n').Append(exception);
        }

        // Lambda splits CloudWatch events on newlines written separately; a carriage return keeps one entry.
        text.Replace("\r\n", "\r").Replace('\n', '\r');
        Encoding.UTF8.GetBytes(text.ToString(), _line);
    }

    private void WriteJson<TState>(string category, LogLevel level, EventId eventId, TState state, Exception? exception, string message, InvocationContext? invocation, DateTimeOffset timestamp)
    {
        var json = _json;
        json.Reset(_line);
        json.WriteStartObject();
        json.WriteString("timestamp", timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        json.WriteString("level", LambdaLogLevel.Name(level));
        if (invocation is not null)
        {
            json.WriteString("requestId", invocation.RequestId);
            if (invocation.TraceId is not null)
            {
                json.WriteString("traceId", invocation.TraceId);
            }
        }

        json.WriteString("category", category);
        if (eventId.Id != 0)
        {
            json.WriteNumber("eventId", eventId.Id);
        }

        json.WriteString("message", message);
        if (state is IReadOnlyList<KeyValuePair<string, object?>> properties)
        {
            for (var i = 0; i < properties.Count; i++)
            {
                var (key, value) = properties[i];
                if (key == "{OriginalFormat}" || IsReserved(key))
                {
                    continue;
                }

                json.WritePropertyName(key);
                WriteValue(json, value);
            }
        }

        if (exception is not null)
        {
            json.WriteString("errorType", exception.GetType().FullName);
            json.WriteString("errorMessage", exception.Message);
            json.WriteStartArray("stackTrace");
            foreach (var frame in FunctionError.FromException(exception).StackTrace)
            {
                json.WriteStringValue(frame);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.Flush();
    }

    private static bool IsReserved(string key) => key is "timestamp" or "level" or "requestId" or "traceId" or "category" or "eventId" or "message" or "errorType" or "errorMessage" or "stackTrace";

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string s:
                json.WriteStringValue(s);
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case int n:
                json.WriteNumberValue(n);
                break;
            case long n:
                json.WriteNumberValue(n);
                break;
            case double n when double.IsFinite(n):
                json.WriteNumberValue(n);
                break;
            case float n when float.IsFinite(n):
                json.WriteNumberValue(n);
                break;
            case decimal n:
                json.WriteNumberValue(n);
                break;
            case DateTimeOffset d:
                json.WriteStringValue(d);
                break;
            case DateTime d:
                json.WriteStringValue(d);
                break;
            case Guid g:
                json.WriteStringValue(g);
                break;
            case IFormattable f:
                json.WriteStringValue(f.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                json.WriteStringValue(value.ToString());
                break;
        }
    }

    private sealed class LambdaLogger(string category, LambdaLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.None)
            {
                return;
            }

            provider.Write(category, logLevel, eventId, state, exception, formatter);
        }
    }
}
