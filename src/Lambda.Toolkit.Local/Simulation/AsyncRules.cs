using System.Globalization;
using System.Text;
using System.Text.Json;
using Lambda.Toolkit.Emulator;

namespace Lambda.Toolkit.Local.Simulation;

/// <summary>
/// What Lambda does with an asynchronous (<c>Event</c>) invocation, one rule per member (Lambda Developer Guide,
/// "Invoking a Lambda function asynchronously", "Configuring error handling for asynchronous invocation",
/// "Capturing records of Lambda asynchronous invocations" (destinations) and "Adding a dead-letter queue").
/// </summary>
internal static class AsyncRules
{
    /// <summary>MaximumRetryAttempts: after a function error Lambda retries twice by default; 0 to 2.</summary>
    public const int DefaultMaxRetryAttempts = 2;

    /// <inheritdoc cref="DefaultMaxRetryAttempts"/>
    public const int MaxRetryAttemptsLimit = 2;

    /// <summary>MaximumEventAgeInSeconds: an event is kept up to 6 hours by default; 60 seconds to 6 hours.</summary>
    public static readonly TimeSpan DefaultMaxEventAge = TimeSpan.FromHours(6);

    /// <inheritdoc cref="DefaultMaxEventAge"/>
    public static readonly TimeSpan MinMaxEventAge = TimeSpan.FromSeconds(60);

    /// <summary>An asynchronous invocation's payload is at most 1 MB; Lambda refuses a larger one at Invoke.</summary>
    public const int MaxPayloadBytes = LambdaLimits.AsyncPayloadBytes;

    /// <summary>The destination record's <c>condition</c> for a success.</summary>
    public const string Success = "Success";

    /// <summary>The destination record's <c>condition</c> when every attempt failed.</summary>
    public const string RetriesExhausted = "RetriesExhausted";

    /// <summary>The destination record's <c>condition</c> when the event grew older than the maximum event age before an attempt.</summary>
    public const string EventAgeExceeded = "EventAgeExceeded";

    /// <summary>Every problem with a configuration, as PutFunctionEventInvokeConfig would refuse it.</summary>
    public static IReadOnlyList<string> Validate(AsyncSimulationOptions options)
    {
        var problems = new List<string>();
        if (options.MaxRetryAttempts is < 0 or > MaxRetryAttemptsLimit)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--max-retry-attempts must be between 0 and {MaxRetryAttemptsLimit} (was {options.MaxRetryAttempts})."));
        }

        if (options.MaxEventAge < MinMaxEventAge || options.MaxEventAge > DefaultMaxEventAge)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--max-event-age must be between {MinMaxEventAge.TotalSeconds:0} and {DefaultMaxEventAge.TotalSeconds:0} seconds (6 hours), was {options.MaxEventAge.TotalSeconds:0.###}."));
        }

        problems.AddRange(SimulationArguments.OutputProblems(("--on-success", options.OnSuccessPath), ("--on-failure", options.OnFailurePath), ("--dead-letter-queue", options.DeadLetterQueuePath)));

        return problems;
    }

    /// <summary>
    /// The wait before the next attempt after <paramref name="attempts"/> failed ones: one minute before the second
    /// attempt, two minutes before the third.
    /// </summary>
    public static TimeSpan RetryDelay(int attempts) => TimeSpan.FromMinutes(attempts);

    /// <summary>Whether a failed event gets another attempt: at most 1 + MaximumRetryAttempts attempts in all.</summary>
    public static bool ShouldRetry(int attempts, int maxRetryAttempts) => attempts <= maxRetryAttempts;

    /// <summary>An event older than the maximum event age when an attempt is due is discarded instead (EventAgeExceeded).</summary>
    public static bool Expired(DateTimeOffset queuedAt, TimeSpan maxEventAge, DateTimeOffset now) => now - queuedAt > maxEventAge;

    /// <summary>
    /// The record a destination receives: <c>version</c>, <c>timestamp</c>, <c>requestContext</c> (<c>requestId</c>,
    /// <c>functionArn</c> with its version, <c>condition</c>, <c>approximateInvokeCount</c>), <c>requestPayload</c>, and,
    /// when the function ran, <c>responseContext</c> (<c>statusCode</c>, <c>executedVersion</c>, <c>functionError</c> on
    /// an error) and <c>responsePayload</c>.
    /// </summary>
    public static string DestinationRecord(DateTimeOffset timestamp, string requestId, string functionArn, string condition, int attempts, string requestPayload, FunctionInvocation? last)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("version", "1.0");
            json.WriteString("timestamp", SimulatedClock.Iso(timestamp));
            json.WriteStartObject("requestContext");
            json.WriteString("requestId", requestId);
            json.WriteString("functionArn", functionArn + ":$LATEST");
            json.WriteString("condition", condition);
            json.WriteNumber("approximateInvokeCount", attempts);
            json.WriteEndObject();
            json.WritePropertyName("requestPayload");
            json.WriteRawValue(requestPayload);
            if (last is not null)
            {
                json.WriteStartObject("responseContext");
                json.WriteNumber("statusCode", 200);
                json.WriteString("executedVersion", "$LATEST");
                if (!last.Succeeded)
                {
                    json.WriteString("functionError", "Unhandled");
                }

                json.WriteEndObject();
                json.WritePropertyName("responsePayload");
                WritePayload(json, last.Body);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A response that is JSON is kept as JSON; anything else (or nothing) as a string or null.</summary>
    private static void WritePayload(Utf8JsonWriter json, byte[] body)
    {
        if (body.Length == 0)
        {
            json.WriteNullValue();
            return;
        }

        var reader = new Utf8JsonReader(body);
        try
        {
            reader.Read();
            reader.Skip();
            if (!reader.Read())
            {
                json.WriteRawValue(body);
                return;
            }
        }
        catch (JsonException)
        {
            // Not JSON: written as a string below.
        }

        json.WriteStringValue(Encoding.UTF8.GetString(body));
    }
}
