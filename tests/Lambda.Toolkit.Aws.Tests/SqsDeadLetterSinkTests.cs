using System.Text;
using Amazon.SQS;
using Amazon.SQS.Model;
using Lambda.Toolkit.Aws.Sqs;
using Lambda.Toolkit.Batch;
using Lambda.Toolkit.Batch.DeadLetter;
using Lambda.Toolkit.Batch.Sqs;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Sqs;
using Lambda.Toolkit.Logging;
using Lambda.Toolkit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Aws.Tests;

public sealed class SqsDeadLetterSinkTests(SqsServerFixture sqs) : IClassFixture<SqsServerFixture>
{
    private async Task<string> NewQueue(bool fifo = false, int? maximumMessageSize = null)
    {
        var name = $"dlq-{Guid.NewGuid():N}"[..20] + (fifo ? ".fifo" : string.Empty);
        var request = new CreateQueueRequest { QueueName = name, Attributes = [] };
        if (fifo)
        {
            request.Attributes["FifoQueue"] = "true";
        }

        if (maximumMessageSize is { } size)
        {
            request.Attributes["MaximumMessageSize"] = size.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return (await sqs.Client.CreateQueueAsync(request)).QueueUrl;
    }

    private async Task<List<Message>> ReceiveAll(string queueUrl, int expected)
    {
        var received = new List<Message>();
        for (var round = 0; round < 20 && received.Count < expected; round++)
        {
            var response = await sqs.Client.ReceiveMessageAsync(new ReceiveMessageRequest
            {
                QueueUrl = queueUrl,
                MaxNumberOfMessages = 10,
                MessageAttributeNames = ["All"],
                MessageSystemAttributeNames = ["All"],
                WaitTimeSeconds = 1,
            });
            received.AddRange(response.Messages ?? []);
        }

        return received;
    }

    [Fact]
    public async Task Dead_letters_arrive_with_body_attributes_and_the_failure()
    {
        var queue = await NewQueue();
        var sink = new SqsDeadLetterSink(sqs.Client, queue);
        var letter = new DeadLetterMessage("m-1", """{"orderId":7}""", "InvalidOperationException", "cannot ship")
        {
            Source = "arn:aws:sqs:us-east-1:123456789012:orders",
            Attributes = new Dictionary<string, SqsMessageAttribute>
            {
                ["tenant"] = new() { DataType = "String", StringValue = "acme" },
                ["priority"] = new() { DataType = "Number", StringValue = "3" },
                ["blob"] = new() { DataType = "Binary", BinaryValue = Convert.ToBase64String([1, 2, 3]) },
                ["weird"] = new() { DataType = "Tensor", StringValue = "x" },
            },
        };

        var refused = await sink.SendAsync([letter], CancellationToken.None);
        var message = Assert.Single(await ReceiveAll(queue, 1));

        Assert.Empty(refused);
        Assert.Equal("""{"orderId":7}""", message.Body);
        var attributes = message.MessageAttributes;
        Assert.Equal("acme", attributes["tenant"].StringValue);
        Assert.Equal("String", attributes["tenant"].DataType);
        Assert.Equal("3", attributes["priority"].StringValue);
        Assert.Equal("Number", attributes["priority"].DataType);
        Assert.Equal(new byte[] { 1, 2, 3 }, attributes["blob"].BinaryValue.ToArray());
        Assert.Equal("InvalidOperationException", attributes[SqsDeadLetterAttributes.ErrorType].StringValue);
        Assert.Equal("cannot ship", attributes[SqsDeadLetterAttributes.ErrorMessage].StringValue);
        Assert.Equal("arn:aws:sqs:us-east-1:123456789012:orders", attributes[SqsDeadLetterAttributes.Source].StringValue);
        Assert.Equal("m-1", attributes[SqsDeadLetterAttributes.RecordId].StringValue);
        Assert.Equal("weird", attributes[SqsDeadLetterAttributes.DroppedAttributes].StringValue);
        Assert.False(attributes.ContainsKey("weird"));
    }

    [Fact]
    public async Task Many_letters_are_chunked_by_ten_and_by_size_and_all_arrive()
    {
        var queue = await NewQueue();
        var sink = new SqsDeadLetterSink(sqs.Client, queue);
        var big = new string('x', 100 * 1024);
        var letters = Enumerable.Range(0, 23).Select(i => new DeadLetterMessage($"m{i}", i % 7 == 0 ? big : $"body {i}", "E", "m")).ToList();

        var refused = await sink.SendAsync(letters, CancellationToken.None);
        var received = await ReceiveAll(queue, 23);

        Assert.Empty(refused);
        Assert.Equal(23, received.Count);
        Assert.Equal(letters.Select(l => l.RecordId).Order(), received.Select(m => m.MessageAttributes[SqsDeadLetterAttributes.RecordId].StringValue).Order());
    }

    [Fact]
    public async Task A_message_over_1_MiB_and_a_missing_queue_are_refused_not_dropped()
    {
        var queue = await NewQueue();
        var sink = new SqsDeadLetterSink(sqs.Client, queue);
        var missing = new SqsDeadLetterSink(sqs.Client, sqs.Endpoint + "/123456789012/does-not-exist");

        var tooBig = await sink.SendAsync([new DeadLetterMessage("huge", new string('x', SqsDeadLetterSink.DefaultMaxMessageBytes + 1), "E", "m"), new DeadLetterMessage("ok", "small", "E", "m")], CancellationToken.None);
        var nowhere = await missing.SendAsync([new DeadLetterMessage("lost", "b", "E", "m")], CancellationToken.None);

        Assert.Equal(["huge"], tooBig);
        Assert.Equal(["lost"], nowhere);
        Assert.Single(await ReceiveAll(queue, 1));
    }

    [Fact]
    public async Task A_900_KB_message_is_accepted_as_SQS_accepts_up_to_1_MiB()
    {
        var queue = await NewQueue();
        var sink = new SqsDeadLetterSink(sqs.Client, queue);
        var body = new string('x', 900 * 1024);

        var refused = await sink.SendAsync([new DeadLetterMessage("big", body, "E", "m")], CancellationToken.None);
        var message = Assert.Single(await ReceiveAll(queue, 1));

        Assert.Empty(refused);
        Assert.Equal(body.Length, message.Body.Length);
    }

    [Fact]
    public async Task Messages_are_sized_by_the_queues_MaximumMessageSize()
    {
        var queue = await NewQueue(maximumMessageSize: 2048);
        var sink = new SqsDeadLetterSink(sqs.Client, queue);
        var letters = new[]
        {
            new DeadLetterMessage("fits", new string('a', 1024), "E", "m"),
            new DeadLetterMessage("too-big", new string('b', 4096), "E", "m"),
            new DeadLetterMessage("also-fits", "small", "E", "m"),
        };

        var refused = await sink.SendAsync(letters, CancellationToken.None);
        var refusedAgain = await sink.SendAsync([new DeadLetterMessage("too-big-2", new string('c', 3000), "E", "m")], CancellationToken.None);
        var received = await ReceiveAll(queue, 2);

        Assert.Equal(["too-big"], refused);
        Assert.Equal(["too-big-2"], refusedAgain);
        Assert.Equal(["also-fits", "fits"], received.Select(m => m.MessageAttributes[SqsDeadLetterAttributes.RecordId].StringValue).Order());
    }

    [Fact]
    public async Task The_queues_MaximumMessageSize_is_read_once_per_sink()
    {
        var queue = await NewQueue(maximumMessageSize: 2048);
        var sink = new SqsDeadLetterSink(sqs.Client, queue);
        await sink.SendAsync([new DeadLetterMessage("first", "small", "E", "m")], CancellationToken.None);
        await sqs.Client.SetQueueAttributesAsync(queue, new Dictionary<string, string> { ["MaximumMessageSize"] = "1048576" });

        var refused = await sink.SendAsync([new DeadLetterMessage("bigger", new string('a', 4096), "E", "m")], CancellationToken.None);

        var fresh = await new SqsDeadLetterSink(sqs.Client, queue).SendAsync([new DeadLetterMessage("bigger", new string('a', 4096), "E", "m")], CancellationToken.None);

        Assert.Equal(["bigger"], refused); // the first sink still sizes by what it read
        Assert.Empty(fresh); // a new sink reads the new size
    }

    [Fact]
    public async Task Fifo_dead_letter_queues_get_the_group_and_a_deduplication_id()
    {
        var queue = await NewQueue(fifo: true);
        var sink = new SqsDeadLetterSink(sqs.Client, queue);

        var refused = await sink.SendAsync([new DeadLetterMessage("m-1", "b1", "E", "m") { MessageGroupId = "customer-9" }], CancellationToken.None);
        var message = Assert.Single(await ReceiveAll(queue, 1));
        var again = await sink.SendAsync([new DeadLetterMessage("m-1", "b1", "E", "m") { MessageGroupId = "customer-9" }], CancellationToken.None);

        Assert.Empty(refused);
        Assert.Empty(again);
        Assert.Equal("b1", message.Body);
        // The server refuses FIFO sends without a group id, so the sink's accepted send carried one.
        await Assert.ThrowsAnyAsync<AmazonSQSException>(() => sqs.Client.SendMessageAsync(new SendMessageRequest { QueueUrl = queue, MessageBody = "no group", MessageDeduplicationId = "x" }));
        Assert.Empty(await ReceiveAll(queue, 0)); // the second send was deduplicated by its record id
    }

    [Fact]
    public async Task A_batch_adapter_dead_letters_to_a_real_queue_end_to_end()
    {
        var queue = await NewQueue();
        var builder = LambdaApplication.CreateBuilder([]);
        builder.Services.Configure<LambdaLoggerOptions>(o => o.Output = Stream.Null);
        builder.Services.AddSingleton<IAmazonSQS>(sqs.Client);
        var app = builder.Build();
        app.MapSqs((message, _, _) => message.Body == "poison" ? throw new FormatException("unreadable order") : ValueTask.CompletedTask, o =>
        {
            o.Retry.MaxRetryAttempts = 1;
            o.Retry.Delay = TimeSpan.Zero;
            o.DeadLetter = SqsDeadLetters.To(queue);
        });
        await using var host = await LambdaTestHost.StartAsync(app);
        var batch = new SqsEvent
        {
            Records =
            [
                new SqsMessage { MessageId = "good", Body = "fine", EventSource = "aws:sqs", EventSourceArn = "arn:aws:sqs:us-east-1:123456789012:orders" },
                new SqsMessage { MessageId = "bad", Body = "poison", EventSource = "aws:sqs", EventSourceArn = "arn:aws:sqs:us-east-1:123456789012:orders" },
            ],
        };

        var result = await host.InvokeAsync(batch, LambdaEventsJsonContext.Default.SqsEvent);
        var dead = Assert.Single(await ReceiveAll(queue, 1));

        Assert.Equal("""{"batchItemFailures":[]}""", result.ResponseText);
        Assert.Equal("poison", dead.Body);
        Assert.Equal("FormatException", dead.MessageAttributes[SqsDeadLetterAttributes.ErrorType].StringValue);
        Assert.Equal("unreadable order", dead.MessageAttributes[SqsDeadLetterAttributes.ErrorMessage].StringValue);
        Assert.Equal("bad", dead.MessageAttributes[SqsDeadLetterAttributes.RecordId].StringValue);
    }

    [Fact]
    public async Task The_correlation_id_is_passed_on_even_when_other_attributes_must_be_dropped()
    {
        var queue = await NewQueue();
        var sink = new SqsDeadLetterSink(sqs.Client, queue);
        var originals = Enumerable.Range(0, 10).ToDictionary(i => $"a{i}", i => new SqsMessageAttribute { DataType = "String", StringValue = $"v{i}" });
        originals[SqsDeadLetterAttributes.CorrelationId] = new SqsMessageAttribute { DataType = "String", StringValue = "corr-original" };
        var letter = new DeadLetterMessage("m-1", "body", "E", "failed") { Attributes = originals, CorrelationId = "corr-7" };

        Assert.Empty(await sink.SendAsync([letter], CancellationToken.None));
        var message = Assert.Single(await ReceiveAll(queue, 1));

        Assert.Equal("x-correlation-id", SqsDeadLetterAttributes.CorrelationId);
        Assert.Equal("corr-7", message.MessageAttributes[SqsDeadLetterAttributes.CorrelationId].StringValue);
        Assert.Equal("String", message.MessageAttributes[SqsDeadLetterAttributes.CorrelationId].DataType);
        Assert.Equal(10, message.MessageAttributes.Count);
        Assert.DoesNotContain(SqsDeadLetterAttributes.CorrelationId, message.MessageAttributes[SqsDeadLetterAttributes.DroppedAttributes].StringValue.Split(','));
    }

    [Fact]
    public async Task A_letter_without_a_correlation_id_gets_no_correlation_attribute()
    {
        var queue = await NewQueue();
        var sink = new SqsDeadLetterSink(sqs.Client, queue);

        Assert.Empty(await sink.SendAsync([new DeadLetterMessage("m-1", "body", "E", "failed")], CancellationToken.None));
        var message = Assert.Single(await ReceiveAll(queue, 1));

        Assert.False(message.MessageAttributes.ContainsKey(SqsDeadLetterAttributes.CorrelationId));
    }

    [Fact]
    public async Task The_adapter_reads_the_correlation_id_logs_it_and_the_sink_passes_it_on()
    {
        var queue = await NewQueue();
        var logs = new MemoryStream();
        var builder = LambdaApplication.CreateBuilder(new LambdaApplicationOptions { Environment = new LambdaEnvironment() });
        builder.Services.Configure<LambdaLoggerOptions>(o => { o.Output = logs; o.Format = LambdaLogFormat.Json; });
        builder.Services.AddSingleton<IAmazonSQS>(sqs.Client);
        var app = builder.Build();
        var seen = new List<string?>();
        app.MapSqs(
            (message, context, _) =>
            {
                lock (seen)
                {
                    seen.Add(context.CorrelationId);
                }

                return message.Body == "poison" ? throw new FormatException("unreadable order") : ValueTask.CompletedTask;
            },
            o => o.DeadLetter = SqsDeadLetters.To(queue));
        await using var host = await LambdaTestHost.StartAsync(app);
        var correlation = new Dictionary<string, SqsMessageAttribute> { ["x-correlation-id"] = new() { DataType = "String", StringValue = "corr-42" } };
        var batch = new SqsEvent
        {
            Records =
            [
                new SqsMessage { MessageId = "good", Body = "fine", EventSource = "aws:sqs", EventSourceArn = "arn:aws:sqs:us-east-1:123456789012:orders" },
                new SqsMessage { MessageId = "bad", Body = "poison", EventSource = "aws:sqs", EventSourceArn = "arn:aws:sqs:us-east-1:123456789012:orders", MessageAttributes = correlation },
            ],
        };

        await host.InvokeAsync(batch, LambdaEventsJsonContext.Default.SqsEvent);
        var dead = Assert.Single(await ReceiveAll(queue, 1));

        Assert.Equal("corr-42", dead.MessageAttributes[SqsDeadLetterAttributes.CorrelationId].StringValue);
        Assert.Equal([null, "corr-42"], seen.Distinct().Order(StringComparer.Ordinal)); // the bad record is retried with the same id
        var failedLine = Encoding.UTF8.GetString(logs.ToArray()).Split('\n').Single(l => l.Contains("\"level\":\"WARN\"", StringComparison.Ordinal));
        using var json = System.Text.Json.JsonDocument.Parse(failedLine);
        Assert.Equal("bad", json.RootElement.GetProperty("messageId").GetString());
        Assert.Equal("corr-42", json.RootElement.GetProperty("correlationId").GetString());
    }
}
