using System.Globalization;
using System.Net.Sockets;
using Amazon;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace Lambda.Toolkit.Local.Commands;

/// <summary>
/// <c>lambda-toolkit poll sqs</c>: an SQS event source mapping, locally. It long-polls a real queue with the AWS SDK,
/// invokes the function (its own process behind the Runtime API emulator, one batch at a time, as one execution
/// environment) with Lambda's SQS event, deletes what succeeded and leaves the rest for redelivery by the rules in
/// <see cref="SqsBatchSettlement"/>. Ctrl+C or SIGTERM stops it cleanly: no receive after the signal; the batch in
/// flight gets until its deadline to finish and its successes are deleted; messages received but not yet given to the
/// function are made visible again at once. A message is deleted only after a successful answer, so none is lost.
/// </summary>
internal static class PollSqsCommand
{
    /// <summary>SQS's longest long poll.</summary>
    private const int LongPollSeconds = PollSqsOptions.MaxWaitTimeSeconds;

    /// <summary>SQS's most entries in one batch request.</summary>
    internal const int MaxBatchEntries = 10;

    /// <summary>How long a start-up or clean-up call to SQS may take.</summary>
    internal static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    /// <summary><c>poll &lt;source&gt; ...</c>: only <c>sqs</c> is a source.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken stop, Action<PollSqsBatch>? batchSettled = null)
    {
        if (args.Length == 0 || args[0] != "sqs")
        {
            return args.Length > 0 && args[0] is "--help" or "-h"
                ? await HelpAsync(stdout).ConfigureAwait(false)
                : await Usage.FailAsync(stderr, args.Length == 0 ? "poll needs a source: lambda-toolkit poll sqs <function> --queue-url <url>." : $"Unknown source '{args[0]}' for poll; the source is sqs.").ConfigureAwait(false);
        }

        var (options, problem) = PollSqsOptions.Parse(args[1..]);
        if (options is null)
        {
            return await Usage.FailAsync(stderr, problem!).ConfigureAwait(false);
        }

        if (options.ShowHelp)
        {
            return await HelpAsync(stdout).ConfigureAwait(false);
        }

        var output = TextWriter.Synchronized(stdout);
        var errors = TextWriter.Synchronized(stderr);
        AmazonSQSClient client;
        try
        {
            client = CreateClient(options);
        }
        catch (AmazonClientException ex)
        {
            return await Usage.FailOneLineAsync(errors, $"Cannot create the SQS client: {ex.Message}").ConfigureAwait(false);
        }

        using (client)
        {
            SqsQueueFacts queue;
            try
            {
                queue = await ReadQueueAsync(client, options, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                await errors.WriteLineAsync("[lambda-toolkit] Cancelled.").ConfigureAwait(false);
                return ExitCodes.Cancelled;
            }
            catch (Exception ex) when (Describe(ex, options) is { } message)
            {
                return await Usage.FailOneLineAsync(errors, message).ConfigureAwait(false);
            }

            if (queue.Problem is { } wrong)
            {
                return await Usage.FailOneLineAsync(errors, wrong).ConfigureAwait(false);
            }

            try
            {
                return await new SqsPoller(client, options, queue, output, errors, batchSettled).RunAsync(stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Stopped while the emulator was starting.
                await errors.WriteLineAsync("[lambda-toolkit] Cancelled.").ConfigureAwait(false);
                return ExitCodes.Cancelled;
            }
        }
    }

    private static async Task<int> HelpAsync(TextWriter stdout)
    {
        await stdout.WriteLineAsync(Usage.Text).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>
    /// The SDK client: credentials and region from the usual AWS environment; <c>--region</c>, else the region in an
    /// AWS queue URL's host, wins over it; <c>--endpoint-url</c> (or <c>AWS_ENDPOINT_URL_SQS</c>) for a local server.
    /// </summary>
    private static AmazonSQSClient CreateClient(PollSqsOptions options)
    {
        var config = new AmazonSQSConfig { Timeout = TimeSpan.FromSeconds(LongPollSeconds + 20) };
        var region = options.Region ?? RegionOfQueueUrl(options.QueueUrl);
        if (options.EndpointUrl is { } endpoint)
        {
            config.ServiceURL = endpoint;
            config.AuthenticationRegion = region ?? Environment.GetEnvironmentVariable("AWS_REGION") ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION") ?? "us-east-1";
        }
        else if (region is not null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        return new AmazonSQSClient(config);
    }

    /// <summary>The region of <c>https://sqs.us-east-2.amazonaws.com/...</c>, or <see langword="null"/>.</summary>
    private static string? RegionOfQueueUrl(string queueUrl)
    {
        var host = new Uri(queueUrl).Host.Split('.');
        return host.Length >= 4 && host[0] == "sqs" && host[^2] == "amazonaws" ? host[1] : null;
    }

    /// <summary>The queue's ARN, visibility timeout and kind, checked against the mapping's settings as Lambda checks them.</summary>
    private static async Task<SqsQueueFacts> ReadQueueAsync(AmazonSQSClient client, PollSqsOptions options, CancellationToken stop)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(stop);
        limit.CancelAfter(CallTimeout);
        GetQueueAttributesResponse response;
        try
        {
            response = await client.GetQueueAttributesAsync(new GetQueueAttributesRequest { QueueUrl = options.QueueUrl, AttributeNames = ["QueueArn", "VisibilityTimeout", "FifoQueue"] }, limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            throw new TimeoutException($"SQS did not answer within {CallTimeout.TotalSeconds:0} seconds.");
        }

        var attributes = response.Attributes ?? [];
        var arn = attributes.GetValueOrDefault("QueueArn") ?? string.Empty;
        var region = SqsEventMapper.RegionOf(arn) ?? client.Config.AuthenticationRegion ?? client.Config.RegionEndpoint?.SystemName ?? "us-east-1";
        var fifo = string.Equals(attributes.GetValueOrDefault("FifoQueue"), "true", StringComparison.OrdinalIgnoreCase) || options.IsFifoUrl;
        var visibility = int.TryParse(attributes.GetValueOrDefault("VisibilityTimeout"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        string? problem = null;
        if (arn.Length == 0)
        {
            problem = $"SQS did not return the QueueArn attribute of {options.QueueUrl}; the event's eventSourceARN needs it.";
        }
        else if (visibility is { } timeout && timeout < options.Timeout)
        {
            // As CreateEventSourceMapping refuses it: a message would come back while the function still works on it.
            problem = string.Create(CultureInfo.InvariantCulture, $"The queue's visibility timeout ({timeout.TotalSeconds:0} s) is less than the function timeout ({options.Timeout.TotalSeconds:0.##} s); Lambda refuses this mapping. Lower --timeout or raise the queue's VisibilityTimeout (AWS recommends 6 times the function timeout).");
        }
        else if (fifo && !options.IsFifoUrl)
        {
            problem = "The queue is a FIFO queue but its URL does not end in .fifo.";
        }

        return new SqsQueueFacts(arn, region, fifo, problem);
    }

    /// <summary>A one-line explanation of a failed SQS call, or <see langword="null"/> for an exception that is a bug.</summary>
    internal static string? Describe(Exception ex, PollSqsOptions options)
    {
        var where = options.EndpointUrl ?? "AWS";
        return ex switch
        {
            QueueDoesNotExistException => $"The queue {options.QueueUrl} does not exist (at {where}).",
            AmazonServiceException { StatusCode: System.Net.HttpStatusCode.Forbidden } or AmazonServiceException { ErrorCode: "InvalidClientTokenId" or "SignatureDoesNotMatch" or "UnrecognizedClientException" or "ExpiredToken" or "AccessDenied" or "InvalidSecurity" }
                => $"SQS at {where} refused the credentials: {((AmazonServiceException)ex).ErrorCode}: {FirstLine(ex.Message)}",
            TimeoutException => $"SQS at {where} did not answer: {ex.Message}",
            _ when Unreachable(ex) is { } network => $"Cannot reach SQS at {where}: {FirstLine(network.Message)}",
            AmazonServiceException service => $"SQS at {where} answered {(int)service.StatusCode} {service.ErrorCode}: {FirstLine(ex.Message)}",
            AmazonClientException when ex.Message.StartsWith("Failed to resolve AWS credentials", StringComparison.Ordinal)
                => "No AWS credentials were found (environment, AWS_PROFILE or the default profile, web identity, instance metadata); set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE.",
            AmazonClientException => $"The SQS request failed: {FirstLine(ex.Message)}",
            _ => null,
        };
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    private static Exception? Unreachable(Exception ex)
    {
        for (var inner = (Exception?)ex; inner is not null; inner = inner.InnerException)
        {
            if (inner is HttpRequestException or SocketException)
            {
                return inner;
            }
        }

        return null;
    }
}

/// <summary>One settled batch of <c>poll sqs</c>, as its line reports it.</summary>
internal readonly record struct PollSqsBatch(int Number, int Received, int Succeeded, int Failed, int Deleted);
