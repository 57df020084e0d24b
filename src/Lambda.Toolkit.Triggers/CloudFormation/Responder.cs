using System.Text.Json;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.CloudFormation;
using Microsoft.Extensions.Logging;

namespace Lambda.Toolkit.Triggers.CloudFormation;

/// <summary>
/// Builds custom resource responses (physical id rules, the 4,096-byte limit) and uploads them to the pre-signed
/// <c>ResponseURL</c>: an HTTP <c>PUT</c> with an empty <c>Content-Type</c> (the URL's signature is computed for an
/// empty content type) and a <c>Content-Length</c>, retried with backoff until the invocation would be abandoned.
/// </summary>
internal sealed partial class Responder(HttpClient client, CustomResourceOptions options, TimeSpan timeoutReportMargin, ILogger logger)
{
    /// <summary>Time kept after the last upload attempt, before the runtime abandons the invocation.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(20);

    public CustomResourceOptions Options => options;

    public ILogger Logger => logger;

    /// <summary>The answer to a handler's result: SUCCESS, or FAILED when the result is null or the response is over the limit.</summary>
    public CloudFormationCustomResourceResponse Answer(InvocationContext invocation, CloudFormationCustomResourceRequest request, CustomResourceResult? result)
    {
        if (result is null)
        {
            return Failed(invocation, request, FallbackId(request), $"The {request.RequestType} handler returned null instead of a CustomResourceResult.");
        }

        var given = string.IsNullOrWhiteSpace(result.PhysicalResourceId) ? null : result.PhysicalResourceId;
        var id = request.RequestType switch
        {
            CloudFormationRequestTypes.Create => given ?? DefaultId(request),
            CloudFormationRequestTypes.Update => given ?? NonEmpty(request.PhysicalResourceId) ?? DefaultId(request),
            _ => NonEmpty(request.PhysicalResourceId) ?? given ?? DefaultId(request),
        };

        if (request.RequestType == CloudFormationRequestTypes.Update && given is not null && !string.Equals(given, request.PhysicalResourceId, StringComparison.Ordinal))
        {
            LogReplaced(logger, request.LogicalResourceId ?? string.Empty, request.PhysicalResourceId ?? string.Empty, given);
        }

        var response = Succeeded(request, id, result);
        var size = JsonSerializer.SerializeToUtf8Bytes(response, CloudFormationJsonContext.Default.CloudFormationCustomResourceResponse).Length;
        if (size <= CustomResourceDefaults.MaxResponseBytes)
        {
            return response;
        }

        var dataSize = result.Data is { } data ? JsonSerializer.SerializeToUtf8Bytes(data, CloudFormationJsonContext.Default.JsonElement).Length : 0;
        return Failed(
            invocation,
            request,
            id,
            $"The {request.RequestType} handler succeeded, but its response is {size} bytes, over CloudFormation's limit of {CustomResourceDefaults.MaxResponseBytes} bytes (Data is {dataSize} bytes); return fewer or shorter attributes.");
    }

    public static CloudFormationCustomResourceResponse Succeeded(CloudFormationCustomResourceRequest request, string physicalResourceId, CustomResourceResult? result) => new()
    {
        Status = CloudFormationResponseStatus.Success,
        PhysicalResourceId = physicalResourceId,
        StackId = request.StackId,
        RequestId = request.RequestId,
        LogicalResourceId = request.LogicalResourceId,
        NoEcho = result is { NoEcho: true } ? true : null,
        Data = result?.Data,
    };

    /// <summary>A FAILED answer; the reason names the log stream and is shortened, if need be, to keep the body within the limit.</summary>
    public static CloudFormationCustomResourceResponse Failed(InvocationContext invocation, CloudFormationCustomResourceRequest request, string physicalResourceId, string reason)
    {
        var stream = invocation.Function.LogStreamName;
        var full = string.IsNullOrEmpty(stream) ? reason : $"{reason} See the log stream {stream}.";
        var response = new CloudFormationCustomResourceResponse
        {
            Status = CloudFormationResponseStatus.Failed,
            Reason = full,
            PhysicalResourceId = physicalResourceId,
            StackId = request.StackId,
            RequestId = request.RequestId,
            LogicalResourceId = request.LogicalResourceId,
        };

        var over = JsonSerializer.SerializeToUtf8Bytes(response, CloudFormationJsonContext.Default.CloudFormationCustomResourceResponse).Length - CustomResourceDefaults.MaxResponseBytes;
        if (over > 0)
        {
            // A character can take up to 6 bytes escaped: cut generously so one pass is enough.
            var keep = Math.Max(0, full.Length - over - 16);
            response.Reason = string.Concat(full.AsSpan(0, keep), "...");
        }

        return response;
    }

    /// <summary>Uploads the response, retrying failures; throws when it could not be delivered before the invocation would be abandoned. A priming invocation uploads nothing.</summary>
    public async Task SendAsync(InvocationContext invocation, CloudFormationCustomResourceRequest request, CloudFormationCustomResourceResponse response)
    {
        if (invocation.IsPriming)
        {
            // A synthetic event run at init: its response URL is not CloudFormation's to be told anything.
            return;
        }

        var url = new Uri(request.ResponseUrl!, UriKind.Absolute);
        var body = JsonSerializer.SerializeToUtf8Bytes(response, CloudFormationJsonContext.Default.CloudFormationCustomResourceResponse);
        var time = invocation.TimeProvider;
        var deliverBy = invocation.Deadline - timeoutReportMargin - Slack;
        var budget = deliverBy - time.GetUtcNow();
        using var deadline = new CancellationTokenSource(budget > TimeSpan.Zero ? budget : TimeSpan.Zero, time);
        Exception? last = null;
        var attempts = 0;
        var delay = options.DeliveryRetryDelay;
        while (attempts < options.MaxDeliveryAttempts && !deadline.IsCancellationRequested)
        {
            if (attempts > 0)
            {
                if (time.GetUtcNow() + delay >= deliverBy)
                {
                    break;
                }

                try
                {
                    await Task.Delay(delay, time, deadline.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                delay += delay;
            }

            attempts++;
            try
            {
                using var content = new ByteArrayContent(body);
                content.Headers.TryAddWithoutValidation("Content-Type", string.Empty);
                content.Headers.ContentLength = body.Length;
                using var message = new HttpRequestMessage(HttpMethod.Put, url) { Content = content };
                using var answer = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
                if (answer.IsSuccessStatusCode)
                {
                    LogDelivered(logger, response.Status ?? string.Empty, request.RequestType ?? string.Empty, request.LogicalResourceId ?? string.Empty, attempts);
                    return;
                }

                last = new HttpRequestException($"the upload was answered {(int)answer.StatusCode} {answer.ReasonPhrase}", null, answer.StatusCode);
            }
            catch (HttpRequestException ex)
            {
                last = ex;
            }
            catch (OperationCanceledException ex) when (deadline.IsCancellationRequested)
            {
                last = new TimeoutException("the upload did not finish before the invocation's deadline", ex);
            }

            LogAttemptFailed(logger, attempts, url.Host, last.Message);
        }

        throw new LambdaFunctionException(
            CustomResourceErrorTypes.ResponseNotDelivered,
            $"The {response.Status} response to the custom resource {request.RequestType} of {request.LogicalResourceId} (request {request.RequestId}) could not be uploaded to its ResponseURL on {url.Host} after {attempts} attempt(s): {last?.Message ?? "no time was left before the deadline"}. CloudFormation waits for an answer until the resource times out.",
            last);
    }

    /// <summary>Reads where to answer from a payload that did not bind to the request model (a property of the wrong type), or null when it names no response URL.</summary>
    public static CloudFormationCustomResourceRequest? TryReadTarget(ReadOnlySpan<byte> payload)
    {
        try
        {
            var reader = new Utf8JsonReader(EventReader.TrimByteOrderMark(payload.ToArray()).Span);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            var target = new CloudFormationCustomResourceRequest();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                var value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                switch (name)
                {
                    case "ResponseURL": target.ResponseUrl = value; break;
                    case "StackId": target.StackId = value; break;
                    case "RequestId": target.RequestId = value; break;
                    case "LogicalResourceId": target.LogicalResourceId = value; break;
                    case "PhysicalResourceId": target.PhysicalResourceId = value; break;
                    case "RequestType": target.RequestType = value; break;
                }

                reader.Skip();
            }

            return Uri.TryCreate(target.ResponseUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp) ? target : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string DefaultId(CloudFormationCustomResourceRequest request) =>
        CustomResourceDefaults.PhysicalResourceId(request.StackId ?? string.Empty, request.LogicalResourceId ?? string.Empty, request.RequestId ?? string.Empty);

    /// <summary>The physical id of a FAILED answer made without the handler's id: the request's, or on Create the failed-create id.</summary>
    public static string FallbackId(CloudFormationCustomResourceRequest request) =>
        NonEmpty(request.PhysicalResourceId)
        ?? CustomResourceDefaults.FailedCreatePhysicalResourceId(request.StackId ?? string.Empty, request.LogicalResourceId ?? string.Empty, request.RequestId ?? string.Empty);

    [LoggerMessage(EventId = 164, Level = LogLevel.Information, Message = "Custom resource {Status} for {RequestType} of {LogicalResourceId} delivered (attempt {Attempt})")]
    private static partial void LogDelivered(ILogger logger, string status, string requestType, string logicalResourceId, int attempt);

    [LoggerMessage(EventId = 165, Level = LogLevel.Warning, Message = "Custom resource response upload attempt {Attempt} to {Host} failed: {Reason}")]
    private static partial void LogAttemptFailed(ILogger logger, int attempt, string host, string reason);

    [LoggerMessage(EventId = 166, Level = LogLevel.Information, Message = "Update of {LogicalResourceId} replaces {OldPhysicalResourceId} with {NewPhysicalResourceId}: CloudFormation will send a Delete for the old id")]
    private static partial void LogReplaced(ILogger logger, string logicalResourceId, string oldPhysicalResourceId, string newPhysicalResourceId);
}
