using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Lambda.Toolkit.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lambda.Toolkit.Logging;

/// <summary>
/// Writes log entries to stdout as Lambda expects them: one write per entry (so an entry with an exception stays one
/// CloudWatch event), tagged with the current invocation. Scopes come from the logging framework's external scope
/// provider (an <see cref="AsyncLocal{T}"/> stack, as <see cref="LoggerExternalScopeProvider"/>): their key/value
/// pairs become keys of the line, inner scopes over outer ones, the entry's own properties over both, and the
/// standard keys (<see cref="LambdaLogKeys.IsReserved"/>) over everything.
/// </summary>
[ProviderAlias(LambdaLevelRules.ProviderAlias)]
internal sealed class LambdaLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private static readonly Action<object?, LambdaLoggerProvider> CollectScope = static (scope, self) => self.AddScope(scope);

    private readonly ConcurrentDictionary<string, LambdaLogger> _loggers = new(StringComparer.Ordinal);
    private readonly IInvocationContextAccessor _invocations;
    private readonly InvocationLogs _logs;
    private readonly LambdaLogFormat _format;
    private readonly LambdaFunctionInfo _function;
    private readonly Stream _output;
    private readonly object _gate = new();
    private readonly ArrayBufferWriter<byte> _line = new(512);
    private readonly Utf8JsonWriter _json;
    private readonly TimeProvider _timeProvider;
    private readonly List<KeyValuePair<string, object?>> _properties = new(8);
    private readonly StringBuilder _text = new(256);
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public LambdaLoggerProvider(IOptions<LambdaLoggerOptions> options, IInvocationContextAccessor invocations, TimeProvider timeProvider, LambdaEnvironment environment, InvocationLogs logs)
    {
        _invocations = invocations;
        _timeProvider = timeProvider;
        _logs = logs;
        _function = environment.Function;
        _format = options.Value.Format;
        _output = options.Value.Output ?? Console.OpenStandardOutput();
        _json = new Utf8JsonWriter(_line, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, static (name, self) => new LambdaLogger(name, self), this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
        lock (_gate)
        {
            _output.Flush();
            _json.Dispose();
        }
    }

    /// <summary>Whether a logger with <paramref name="minLevel"/> handles <paramref name="level"/>: above it, or kept or sampled for this invocation.</summary>
    internal bool IsEnabled(LogLevel level, LogLevel minLevel) =>
        level != LogLevel.None && (level >= minLevel || (_logs.Current is { Ended: false } log && (log.WritesSuppressed || _logs.Buffers)));

    internal void Write<TState>(LambdaLogger logger, LogLevel level, bool suppressed, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var log = _logs.Enabled ? _logs.Current : null;
        if (suppressed && (log is null || log.Ended || (!log.WritesSuppressed && !_logs.Buffers)))
        {
            return;
        }

        var message = formatter(state, exception);
        var invocation = _invocations.InvocationContext;
        var timestamp = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            Format(logger.Category, level, eventId, state, exception, message, invocation, timestamp);
            if (suppressed && !log!.WritesSuppressed)
            {
                log.Keep(_line.WrittenSpan, _logs.MaxLines, _logs.MaxBytes);
                return;
            }

            if (level >= LogLevel.Error && log is { Failed: false } failed)
            {
                failed.Failed = true;
                if (failed.HasLines)
                {
                    WriteKept(failed, invocation, timestamp);
                    Format(logger.Category, level, eventId, state, exception, message, invocation, timestamp);
                }
            }

            _output.Write(_line.WrittenSpan);
            _output.Flush();
        }
    }

    /// <summary>Writes an invocation's kept lines, then a line that says how many were dropped, if any (under the lock).</summary>
    private void WriteKept(InvocationLog log, InvocationContext? invocation, DateTimeOffset timestamp)
    {
        log.WriteTo(_output);
        if (log.Dropped > 0)
        {
            var notice = $"{log.Dropped} suppressed log lines of this invocation were dropped: the debug buffer keeps at most {_logs.MaxLines} lines and {_logs.MaxBytes} bytes.";
            Format(typeof(LambdaLoggerProvider).Namespace!, LogLevel.Warning, default, notice, null, notice, invocation, timestamp);
            _output.Write(_line.WrittenSpan);
        }
    }

    /// <summary>Formats one line, newline included, into <see cref="_line"/> (under the lock).</summary>
    private void Format<TState>(string category, LogLevel level, EventId eventId, TState state, Exception? exception, string message, InvocationContext? invocation, DateTimeOffset timestamp)
    {
        _line.ResetWrittenCount();
        _properties.Clear();
        _scopes.ForEachScope(CollectScope, this);
        if (_format == LambdaLogFormat.Json)
        {
            if (state is IReadOnlyList<KeyValuePair<string, object?>> properties)
            {
                for (var i = 0; i < properties.Count; i++)
                {
                    Set(properties[i].Key, properties[i].Value);
                }
            }

            WriteJson(category, level, eventId, exception, message, invocation, timestamp);
        }
        else
        {
            WriteText(level, exception, message, invocation, timestamp);
        }

        _line.Write("\n"u8);
    }

    private void AddScope(object? scope)
    {
        switch (scope)
        {
            case null:
                break;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                foreach (var (key, value) in pairs)
                {
                    Set(key, value);
                }

                break;
            case IEnumerable<KeyValuePair<string, string?>> pairs:
                foreach (var (key, value) in pairs)
                {
                    Set(key, value);
                }

                break;
            default:
                Set(LambdaLogKeys.Scope, scope);
                break;
        }
    }

    /// <summary>Adds a key, or replaces its earlier value; reserved keys and a message template's <c>{OriginalFormat}</c> are skipped.</summary>
    private void Set(string key, object? value)
    {
        if (string.IsNullOrEmpty(key) || key == "{OriginalFormat}" || LambdaLogKeys.IsReserved(key))
        {
            return;
        }

        for (var i = 0; i < _properties.Count; i++)
        {
            if (string.Equals(_properties[i].Key, key, StringComparison.Ordinal))
            {
                _properties[i] = new(key, value);
                return;
            }
        }

        _properties.Add(new(key, value));
    }

    /// <summary>
    /// <c>timestamp TAB requestId TAB LEVEL TAB message</c>, then the scopes' keys as <c> [key=value, ...]</c>, then the
    /// exception. Lambda's text format; the function, trace and cold-start keys are in Lambda's own START and REPORT lines.
    /// </summary>
    private void WriteText(LogLevel level, Exception? exception, string message, InvocationContext? invocation, DateTimeOffset timestamp)
    {
        var text = _text.Clear()
            .Append(timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))
            .Append('\t')
            .Append(invocation?.RequestId)
            .Append('\t')
            .Append(LambdaLogLevel.Name(level))
            .Append('\t')
            .Append(message);
        if (_properties.Count > 0)
        {
            text.Append(" [");
            for (var i = 0; i < _properties.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(", ");
                }

                text.Append(_properties[i].Key).Append('=').Append(_properties[i].Value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : _properties[i].Value?.ToString());
            }

            text.Append(']');
        }

        if (exception is not null)
        {
            text.Append('\n').Append(exception);
        }

        // Lambda splits CloudWatch events on newlines written separately; a carriage return keeps one entry.
        text.Replace("\r\n", "\r").Replace('\n', '\r');
        foreach (var chunk in text.GetChunks())
        {
            Encoding.UTF8.GetBytes(chunk.Span, _line);
        }
    }

    private void WriteJson(string category, LogLevel level, EventId eventId, Exception? exception, string message, InvocationContext? invocation, DateTimeOffset timestamp)
    {
        var json = _json;
        json.Reset(_line);
        json.WriteStartObject();
        json.WriteString(LambdaLogKeys.Timestamp, timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        json.WriteString(LambdaLogKeys.Level, LambdaLogLevel.Name(level));
        var function = invocation?.Function ?? _function;
        if (invocation is not null)
        {
            json.WriteString(LambdaLogKeys.RequestId, invocation.RequestId);
            if (invocation.TraceId is { } header && XRayTraceHeader.Root(header) is { IsEmpty: false } root)
            {
                json.WriteString(LambdaLogKeys.TraceId, root);
            }
        }

        json.WriteString(LambdaLogKeys.FunctionName, function.Name);
        json.WriteString(LambdaLogKeys.FunctionVersion, function.Version);
        if (invocation is not null)
        {
            json.WriteBoolean(LambdaLogKeys.ColdStart, invocation.IsColdStart);
        }

        json.WriteString(LambdaLogKeys.Category, category);
        if (eventId.Id != 0)
        {
            json.WriteNumber(LambdaLogKeys.LogEventId, eventId.Id);
        }

        json.WriteString(LambdaLogKeys.Message, message);
        foreach (var (key, value) in _properties)
        {
            json.WritePropertyName(key);
            WriteValue(json, value);
        }

        if (exception is not null)
        {
            json.WriteString(LambdaLogKeys.ErrorType, exception.GetType().FullName);
            json.WriteString(LambdaLogKeys.ErrorMessage, exception.Message);
            json.WriteStartArray(LambdaLogKeys.StackTrace);
            foreach (var frame in FunctionError.FromException(exception).StackTrace)
            {
                json.WriteStringValue(frame);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.Flush();
    }

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

    /// <summary>
    /// One category's logger. Its minimum level is the user's level for the category when sampling or buffering is
    /// on (the framework then passes every level through); otherwise the framework has filtered already.
    /// </summary>
    internal sealed class LambdaLogger : ILogger
    {
        private readonly LambdaLoggerProvider _provider;
        private readonly Func<string?, string?, LogLevel, bool>? _filter;

        public LambdaLogger(string category, LambdaLoggerProvider provider)
        {
            Category = category;
            _provider = provider;
            if (provider._logs.Rules is { } rules)
            {
                (MinLevel, _filter) = rules.For(category);
            }
            else
            {
                MinLevel = LogLevel.Trace;
            }
        }

        public string Category { get; }

        public LogLevel MinLevel { get; }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => _provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => _provider.IsEnabled(logLevel, EffectiveMinLevel(logLevel));

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var minLevel = EffectiveMinLevel(logLevel);
            if (_provider.IsEnabled(logLevel, minLevel))
            {
                _provider.Write(this, logLevel, logLevel < minLevel, eventId, state, exception, formatter);
            }
        }

        /// <summary>The minimum level, raised above <paramref name="level"/> when the user's filter function rejects it.</summary>
        private LogLevel EffectiveMinLevel(LogLevel level) =>
            _filter is null || level < MinLevel || _filter(LambdaLevelRules.ProviderName, Category, level) ? MinLevel : LogLevel.None;
    }
}
