using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using Amazon;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using Lambda.Toolkit.Emulator;
using Lambda.Toolkit.Events.Sqs;
using Lambda.Toolkit.Testing;

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
    private const int MaxBatchEntries = 10;

    /// <summary>How long a start-up or clean-up call to SQS may take.</summary>
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    /// <summary>After a stop signal, how much longer than the function timeout the batch in flight may take (a process restart).</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

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
            QueueFacts queue;
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
                return await new Poller(client, options, queue, output, errors, batchSettled).RunAsync(stop).ConfigureAwait(false);
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
    private static async Task<QueueFacts> ReadQueueAsync(AmazonSQSClient client, PollSqsOptions options, CancellationToken stop)
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

        return new QueueFacts(arn, region, fifo, problem);
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

    /// <summary>What the tool needs to know about the queue.</summary>
    private sealed record QueueFacts(string Arn, string Region, bool IsFifo, string? Problem);

    /// <summary>The polling loop and the counts for the summary.</summary>
    private sealed class Poller(AmazonSQSClient client, PollSqsOptions options, QueueFacts queue, TextWriter output, TextWriter errors, Action<PollSqsBatch>? batchSettled)
    {
        private readonly PollSqsSummary _summary = new();

        /// <summary>Received and not yet given to the function (a batch being gathered, or what did not fit the last one), in order.</summary>
        private readonly List<SqsMessage> _inHand = [];

        /// <summary>When the server ends the last receive's long poll, even if the tool stopped waiting for it.</summary>
        private DateTimeOffset _receiveEnds;

        public async Task<int> RunAsync(CancellationToken stop)
        {
            await using var emulator = await RuntimeApiEmulator.StartAsync(new RuntimeApiEmulatorOptions { FunctionName = options.FunctionName, Timeout = options.Timeout, Region = queue.Region }, stop).ConfigureAwait(false);
            await using var function = new LocalFunction(emulator, options.Function, options.MemorySizeMb, output, errors, options.Environment);
            try
            {
                await function.StartAsync(stop).ConfigureAwait(false);
            }
            catch (FunctionProcessException ex)
            {
                await errors.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return ExitCodes.ProcessFailed;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Stopped while the function was being built or started: nothing was received.
                await output.WriteLineAsync(JsonSerializer.Serialize(_summary, PollSqsJsonContext.Default.PollSqsSummary)).ConfigureAwait(false);
                return ExitCodes.Cancelled;
            }

            await errors.WriteLineAsync($"[lambda-toolkit] Polling {options.QueueUrl} ({(queue.IsFifo ? "FIFO" : "standard")}, batch size {options.BatchSize}{(options.BatchWindow > TimeSpan.Zero ? $", batch window {options.BatchWindow.TotalSeconds:0} s" : string.Empty)}, ReportBatchItemFailures {(options.ReportBatchItemFailures ? "on" : "off")}) for {options.FunctionName} (Ctrl+C to stop)").ConfigureAwait(false);
            var exitCode = ExitCodes.Cancelled;
            var backoff = TimeSpan.Zero;
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await GatherAsync(stop).ConfigureAwait(false);
                    backoff = TimeSpan.Zero;
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex) when (Describe(ex, options) is { } message)
                {
                    // As Lambda's pollers do, keep polling: a local server restarting or a network blip is not the end.
                    backoff = backoff == TimeSpan.Zero ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(Math.Min(30, backoff.TotalSeconds * 2));
                    await errors.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"[lambda-toolkit] ReceiveMessage failed: {message} Retrying in {backoff.TotalSeconds:0} s.")).ConfigureAwait(false);
                    try
                    {
                        await Task.Delay(backoff, stop).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }

                    continue;
                }

                var batch = TakeBatch();
                if (batch.Count == 0)
                {
                    continue;
                }

                if (!await InvokeAsync(function, batch, stop).ConfigureAwait(false))
                {
                    exitCode = ExitCodes.ProcessFailed;
                    break;
                }
            }

            await ReleaseAsync().ConfigureAwait(false);
            await function.StopAsync().ConfigureAwait(false);
            await output.WriteLineAsync(JsonSerializer.Serialize(_summary, PollSqsJsonContext.Default.PollSqsSummary)).ConfigureAwait(false);
            return exitCode;
        }

        /// <summary>
        /// Receives into <see cref="_inHand"/> until a batch is ready: without a batch window, as soon as a receive returns
        /// messages; with one, when the batch is full or the window (started by the first message) has passed.
        /// </summary>
        private async Task GatherAsync(CancellationToken stop)
        {
            DateTimeOffset? closes = _inHand.Count > 0 ? DateTimeOffset.UtcNow + options.BatchWindow : null;
            while (_inHand.Count < options.BatchSize)
            {
                var wait = options.WaitTimeSeconds;
                if (closes is { } end)
                {
                    var left = end - DateTimeOffset.UtcNow;
                    if (left <= TimeSpan.Zero)
                    {
                        return;
                    }

                    // A short poll while messages are in hand: a receive abandoned at a stop ends on the server within a
                    // second, so the messages released after it are not taken by it (see ReleaseAsync).
                    wait = (int)Math.Min(Math.Min(options.WaitTimeSeconds, 1), Math.Ceiling(left.TotalSeconds));
                }

                _receiveEnds = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(wait);

                var request = new ReceiveMessageRequest
                {
                    QueueUrl = options.QueueUrl,
                    MaxNumberOfMessages = Math.Min(MaxBatchEntries, options.BatchSize - _inHand.Count),
                    WaitTimeSeconds = wait,
                    MessageSystemAttributeNames = ["All"],
                    MessageAttributeNames = ["All"],
                };

                // The older name of the same list too: SQS still reads it, and local servers (local-aws-sqs) read only it;
                // without it their messages reach the function with no system attributes (no ApproximateReceiveCount).
#pragma warning disable CS0618
                request.AttributeNames = ["All"];
#pragma warning restore CS0618
                List<Message> messages;
                try
                {
                    messages = (await client.ReceiveMessageAsync(request, stop).ConfigureAwait(false)).Messages ?? [];
                }
                catch (AmazonUnmarshallingException ex) when (ex.StatusCode == System.Net.HttpStatusCode.OK && string.IsNullOrWhiteSpace(ex.ResponseBody))
                {
                    // Some local servers (local-aws-sqs) answer an empty receive with 200 and no body at all, where SQS
                    // answers {}: there were no messages.
                    messages = [];
                }

                foreach (var message in messages)
                {
                    _inHand.Add(SqsEventMapper.ToRecord(message, queue.Arn, queue.Region));
                }

                _summary.Received += messages.Count;
                if (_inHand.Count > 0 && options.BatchWindow == TimeSpan.Zero)
                {
                    return;
                }

                if (_inHand.Count > 0 && closes is null)
                {
                    closes = DateTimeOffset.UtcNow + options.BatchWindow;
                    await errors.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"[lambda-toolkit] Batch window open: {_inHand.Count} message(s) in hand; the batch goes at {options.BatchSize} messages or in {options.BatchWindow.TotalSeconds:0} s.")).ConfigureAwait(false);
                }
            }
        }

        /// <summary>The next batch from <see cref="_inHand"/>: up to the batch size and Lambda's 6 MB payload; the rest waits for the next.</summary>
        private List<SqsMessage> TakeBatch()
        {
            var count = Math.Min(options.BatchSize, _inHand.Count);
            while (count > 1 && SqsEventMapper.Serialize(_inHand.Take(count)).Length > PollSqsOptions.MaxEventBytes)
            {
                count--;
            }

            var batch = _inHand.GetRange(0, count);
            _inHand.RemoveRange(0, count);
            return batch;
        }

        /// <summary>One invocation and its settlement; <see langword="false"/> when the function cannot be started again.</summary>
        private async Task<bool> InvokeAsync(LocalFunction function, List<SqsMessage> batch, CancellationToken stop)
        {
            var number = ++_summary.Batches;
            using var abandon = new CancellationTokenSource();
            using var stopping = stop.Register(() =>
            {
                errors.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[lambda-toolkit] Stopping: batch {number} ({batch.Count} messages) is in flight and gets until its deadline to finish; messages it does not finish stay on the queue."));
                abandon.CancelAfter(options.Timeout + StopGrace);
            });
            LocalInvocation? invocation = null;
            var started = true;
            try
            {
                invocation = await function.InvokeAsync(SqsEventMapper.Serialize(batch), new TestInvocation(), abandon.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (abandon.IsCancellationRequested)
            {
                await errors.WriteLineAsync($"[lambda-toolkit] Batch {number} did not finish in time; its messages stay on the queue and come back after their visibility timeout.").ConfigureAwait(false);
            }
            catch (FunctionProcessException ex)
            {
                await errors.WriteLineAsync(ex.Message).ConfigureAwait(false);
                started = false;
            }

            var settlement = SqsBatchSettlement.Settle(batch, invocation?.Result, options.ReportBatchItemFailures);
            if (settlement.Warning is { } warning)
            {
                await errors.WriteLineAsync("[lambda-toolkit] " + warning).ConfigureAwait(false);
            }

            var succeeded = batch.Where((_, i) => settlement.Reasons[i] is null).ToList();
            var failed = batch.Where((_, i) => settlement.Reasons[i] is not null).ToList();
            var deleted = await DeleteAsync(succeeded).ConfigureAwait(false);
            if (options.FailedVisibility is { } visibility && failed.Count > 0)
            {
                await ChangeVisibilityAsync(failed, visibility, "failed").ConfigureAwait(false);
            }

            _summary.Succeeded += succeeded.Count;
            _summary.Failed += failed.Count;
            _summary.Deleted += deleted;
            _summary.DeleteFailed += succeeded.Count - deleted;
            var reasons = settlement.Reasons.Where(r => r is not null).GroupBy(r => r).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key}"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"batch {number}: received {batch.Count}, succeeded {succeeded.Count}, failed {failed.Count}, deleted {deleted}{(failed.Count > 0 ? $" (failed: {string.Join("; ", reasons)})" : string.Empty)}")).ConfigureAwait(false);
            batchSettled?.Invoke(new PollSqsBatch(number, batch.Count, succeeded.Count, failed.Count, deleted));
            return started;
        }

        /// <summary>Deletes <paramref name="messages"/> (DeleteMessageBatch, 10 at a time), reporting each one SQS does not delete; returns how many it deleted.</summary>
        private async Task<int> DeleteAsync(List<SqsMessage> messages)
        {
            var deleted = 0;
            foreach (var chunk in messages.Chunk(MaxBatchEntries))
            {
                var entries = chunk.Select((m, i) => new DeleteMessageBatchRequestEntry { Id = i.ToString(CultureInfo.InvariantCulture), ReceiptHandle = m.ReceiptHandle }).ToList();
                for (var attempt = 1; entries.Count > 0; attempt++)
                {
                    List<BatchResultErrorEntry> failed;
                    try
                    {
                        using var limit = new CancellationTokenSource(CallTimeout);
                        var response = await client.DeleteMessageBatchAsync(new DeleteMessageBatchRequest { QueueUrl = options.QueueUrl, Entries = entries }, limit.Token).ConfigureAwait(false);
                        deleted += response.Successful?.Count ?? 0;
                        failed = response.Failed ?? [];
                    }
                    catch (Exception ex) when (ex is OperationCanceledException || Describe(ex, options) is not null)
                    {
                        var message = ex is OperationCanceledException ? $"no answer within {CallTimeout.TotalSeconds:0} seconds" : Describe(ex, options)!;
                        failed = [.. entries.Select(e => new BatchResultErrorEntry { Id = e.Id, Code = "RequestFailed", Message = message, SenderFault = false })];
                    }

                    // A failure on SQS's side is tried once more; the sender's (an expired receipt handle) will not change.
                    var retry = attempt == 1 ? failed.Where(f => f.SenderFault != true).Select(f => f.Id).ToHashSet(StringComparer.Ordinal) : [];
                    foreach (var failure in failed.Where(f => !retry.Contains(f.Id)))
                    {
                        var id = chunk[int.Parse(failure.Id, CultureInfo.InvariantCulture)].MessageId;
                        await errors.WriteLineAsync($"[lambda-toolkit] Message {id} succeeded but was not deleted ({failure.Code}: {failure.Message}); SQS will deliver it again.").ConfigureAwait(false);
                    }

                    entries = [.. entries.Where(e => retry.Contains(e.Id))];
                }
            }

            return deleted;
        }

        /// <summary>Sets the visibility timeout of <paramref name="messages"/> (ChangeMessageVisibilityBatch, 10 at a time); failures are reported, not fatal.</summary>
        private async Task ChangeVisibilityAsync(List<SqsMessage> messages, TimeSpan visibility, string what)
        {
            foreach (var chunk in messages.Chunk(MaxBatchEntries))
            {
                var entries = chunk.Select((m, i) => new ChangeMessageVisibilityBatchRequestEntry { Id = i.ToString(CultureInfo.InvariantCulture), ReceiptHandle = m.ReceiptHandle, VisibilityTimeout = (int)visibility.TotalSeconds }).ToList();
                try
                {
                    using var limit = new CancellationTokenSource(CallTimeout);
                    var response = await client.ChangeMessageVisibilityBatchAsync(new ChangeMessageVisibilityBatchRequest { QueueUrl = options.QueueUrl, Entries = entries }, limit.Token).ConfigureAwait(false);
                    foreach (var failure in response.Failed ?? [])
                    {
                        await errors.WriteLineAsync($"[lambda-toolkit] The visibility of {what} message {chunk[int.Parse(failure.Id, CultureInfo.InvariantCulture)].MessageId} was not changed ({failure.Code}: {failure.Message}); it comes back after its visibility timeout.").ConfigureAwait(false);
                    }
                }
                catch (Exception ex) when (ex is OperationCanceledException || Describe(ex, options) is not null)
                {
                    await errors.WriteLineAsync($"[lambda-toolkit] The visibility of {chunk.Length} {what} message(s) was not changed ({(ex is OperationCanceledException ? "no answer" : Describe(ex, options))}); they come back after their visibility timeout.").ConfigureAwait(false);
                }
            }
        }

        /// <summary>At stop: messages received but never given to the function are made visible again at once.</summary>
        private async Task ReleaseAsync()
        {
            if (_inHand.Count == 0)
            {
                return;
            }

            // A receive cancelled by the stop may still be polling on the server, and would take the messages released
            // before it ends (they would then come back only after their visibility timeout): let it end first.
            var polling = _receiveEnds + TimeSpan.FromMilliseconds(250) - DateTimeOffset.UtcNow;
            if (polling > TimeSpan.Zero)
            {
                await Task.Delay(polling).ConfigureAwait(false);
            }

            _summary.Released += _inHand.Count;
            await errors.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"[lambda-toolkit] Releasing {_inHand.Count} message(s) received but not yet given to the function.")).ConfigureAwait(false);
            await ChangeVisibilityAsync(_inHand, TimeSpan.Zero, "released").ConfigureAwait(false);
            _inHand.Clear();
        }
    }
}

/// <summary>One settled batch of <c>poll sqs</c>, as its line reports it.</summary>
internal readonly record struct PollSqsBatch(int Number, int Received, int Succeeded, int Failed, int Deleted);
