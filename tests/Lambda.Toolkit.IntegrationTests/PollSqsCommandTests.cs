using System.Text.Json;
using Amazon.SQS.Model;
using Lambda.Toolkit.Aws.Tests;
using Lambda.Toolkit.Local;
using Lambda.Toolkit.Local.Commands;

namespace Lambda.Toolkit.IntegrationTests;

/// <summary>
/// <c>lambda-toolkit poll sqs</c> end to end with a real sample: it builds and starts OrderWorker, which polls a FIFO
/// queue on local-aws-sqs with the real AWSSDK client; the good orders are deleted, the poison one stays.
/// </summary>
public sealed class PollSqsCommandTests(SqsServerFixture sqs) : IClassFixture<SqsServerFixture>
{
    [Fact]
    public async Task OrderWorker_deletes_the_good_orders_and_leaves_the_one_that_is_not_JSON()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "test");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "test");
        var queue = (await sqs.Client.CreateQueueAsync(new CreateQueueRequest { QueueName = "orders.fifo", Attributes = new() { ["FifoQueue"] = "true", ["VisibilityTimeout"] = "180" } })).QueueUrl;
        string[] groups = ["c-1", "c-2", "c-3", "c-1", "c-2"];
        for (var i = 0; i < groups.Length; i++)
        {
            var body = $$"""{"orderId":"o-{{i}}","customerId":"{{groups[i]}}","sku":"book","quantity":1}""";
            await sqs.Client.SendMessageAsync(new SendMessageRequest { QueueUrl = queue, MessageBody = body, MessageGroupId = groups[i], MessageDeduplicationId = "o-" + i });
        }

        await sqs.Client.SendMessageAsync(new SendMessageRequest { QueueUrl = queue, MessageBody = "this is not an order", MessageGroupId = "c-9", MessageDeduplicationId = "poison" });

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        using var stop = new CancellationTokenSource();
        var received = 0;
        var exitCode = await PollSqsCommand.RunAsync(
            ["sqs", Repository.Path("samples", "OrderWorker"), "--queue-url", queue, "--endpoint-url", sqs.Endpoint, "--report-batch-item-failures", "on", "--batch-size", "6", "--wait-time", "1"],
            TextWriter.Synchronized(stdout),
            TextWriter.Synchronized(stderr),
            stop.Token,
            batch =>
            {
                if ((received += batch.Received) >= 6)
                {
                    stop.Cancel();
                }
            }).WaitAsync(TimeSpan.FromMinutes(4));

        var output = stdout.ToString();
        Assert.True(exitCode == ExitCodes.Cancelled, output + "\n" + stderr);
        Assert.Contains("REPORT RequestId: ", output, StringComparison.Ordinal);
        var summary = JsonDocument.Parse(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1]).RootElement;
        Assert.Equal(6, summary.GetProperty("received").GetInt32());
        Assert.Equal(5, summary.GetProperty("deleted").GetInt32());
        Assert.Equal(1, summary.GetProperty("failed").GetInt32());
        Assert.DoesNotContain("ReceiveMessage failed", stderr.ToString(), StringComparison.Ordinal);

        // The poison message is the only one left: in flight until its visibility timeout, then back for another try.
        var attributes = (await sqs.Client.GetQueueAttributesAsync(queue, ["ApproximateNumberOfMessagesNotVisible"])).Attributes;
        Assert.Equal(1, int.Parse(attributes["ApproximateNumberOfMessagesNotVisible"]));
    }
}
