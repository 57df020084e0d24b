using System.Collections.Concurrent;
using Lambda.Toolkit.Batch.DeadLetter;
using Lambda.Toolkit.Batch.Idempotency;
using Lambda.Toolkit.Batch.S3;
using Lambda.Toolkit.Batch.Ses;
using Lambda.Toolkit.Batch.Sns;
using Lambda.Toolkit.Batch.Sqs;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Ses;
using Lambda.Toolkit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Batch.Tests;

public class SesTests
{
    private static string Sample(string file) => Path.Combine(AppContext.BaseDirectory, "events", "ses", file);

    private static void Quick(BatchOptions o)
    {
        o.Retry.Delay = TimeSpan.Zero;
        o.Retry.UseJitter = false;
    }

    /// <summary>An SES event with one record per (message id, subject), invoked as <paramref name="invocationType"/>.</summary>
    private static string Mail(string invocationType, params (string Id, string Subject)[] mails) => "{\"Records\":[" + string.Join(",", mails.Select(m => $$$"""
        {"eventSource":"aws:ses","eventVersion":"1.0","ses":{"mail":{"timestamp":"2026-12-02T08:00:00.000Z","source":"a@example.com","messageId":"{{{m.Id}}}",
         "destination":["b@example.com"],"headersTruncated":false,"headers":[],"commonHeaders":{"from":["a@example.com"],"to":["b@example.com"],"subject":"{{{m.Subject}}}"}},
         "receipt":{"recipients":["b@example.com"],"spamVerdict":{"status":"PASS"},"virusVerdict":{"status":"PASS"},"spfVerdict":{"status":"PASS"},"dkimVerdict":{"status":"PASS"},
         "action":{"type":"Lambda","invocationType":"{{{invocationType}}}","functionArn":"arn:aws:lambda:us-east-1:123456789012:function:f"}} }}
        """)) + "]}";

    [Theory]
    [InlineData("ses-email-receiving.json", "o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g1", "Test Subject", "johndoe@example.com")]
    [InlineData("simple-email-event-lambda.json", "6n4thuhcbhpfiuf25gshf70rss364fuejrvmqko1", "Test Subject", "lambda@amazon.com")]
    public async Task AWS_samples_are_handled_once_and_answer_nothing(string file, string messageId, string subject, string recipient)
    {
        var seen = new ConcurrentQueue<string>();
        var app = Batches.Builder().Build();
        app.MapSes((record, context, _) =>
        {
            Assert.Same(record, context.Record);
            seen.Enqueue($"{record.Ses.Mail.MessageId} {record.Ses.Mail.CommonHeaders!.Subject} {record.Ses.Receipt.Recipients![0]} {record.Ses.Receipt.SpamVerdict!.Passed}");
            return ValueTask.CompletedTask;
        });
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeFileAsync(Sample(file));

        Assert.True(result.IsSuccess, result.Error?.ErrorType + ": " + result.Error?.ErrorMessage);
        Assert.Equal([$"{messageId} {subject} {recipient} True"], seen);
        Assert.True(result.Response.IsEmpty);
    }

    [Fact]
    public async Task A_failing_asynchronous_handler_is_retried_then_fails_the_invocation()
    {
        var attempts = 0;
        var app = Batches.Builder().Build();
        app.MapSes((_, _, _) => { attempts++; return ValueTask.FromException(new InvalidOperationException("mailbox store is down")); }, Quick);
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeFileAsync(Sample("ses-email-receiving.json"));

        Assert.Equal("InvalidOperationException", result.Error!.ErrorType);
        Assert.Equal("mailbox store is down", result.Error.ErrorMessage);
        Assert.Equal(3, attempts);
    }

    [Theory]
    [InlineData("spam", """{"disposition":"STOP_RULE_SET"}""")]
    [InlineData("bounce", """{"disposition":"STOP_RULE"}""")]
    [InlineData("hello", """{"disposition":"CONTINUE"}""")]
    public async Task A_synchronous_rule_answers_the_handlers_disposition(string subject, string response)
    {
        var app = Batches.Builder().Build();
        app.MapSes((record, _, _) => ValueTask.FromResult(record.Ses.Mail.CommonHeaders!.Subject switch
        {
            "spam" => SesDisposition.StopRuleSet,
            "bounce" => SesDisposition.StopRule,
            _ => SesDisposition.Continue,
        }));
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(Mail(SesInvocationType.RequestResponse, ("m1", subject)));

        Assert.True(result.IsSuccess, result.Error?.ErrorType + ": " + result.Error?.ErrorMessage);
        Assert.Equal(response, result.ResponseText);
    }

    [Fact]
    public async Task The_AWS_sample_gets_a_disposition_too_and_the_strongest_of_several_records_wins()
    {
        var app = Batches.Builder().Build();
        app.MapSes((record, _, _) => ValueTask.FromResult(record.Ses.Mail.MessageId == "m2" ? SesDisposition.StopRuleSet : record.Ses.Mail.MessageId == "m1" ? SesDisposition.StopRule : SesDisposition.Continue));
        await using var host = await LambdaTestHost.StartAsync(app);

        var sample = await host.InvokeFileAsync(Sample("simple-email-event-lambda.json"));
        var several = await host.InvokeAsync(Mail(SesInvocationType.RequestResponse, ("m1", "a"), ("m2", "b"), ("m3", "c")));
        var next = await host.InvokeAsync(Mail(SesInvocationType.RequestResponse, ("m3", "c")));

        Assert.Equal(SesDisposition.Continue, sample.ReadResponse(LambdaEventsJsonContext.Default.SesReceiptRuleResponse).Disposition);
        Assert.Equal("""{"disposition":"STOP_RULE_SET"}""", several.ResponseText);
        Assert.Equal("""{"disposition":"CONTINUE"}""", next.ResponseText); // nothing carries over from the invocation before
    }

    [Fact]
    public async Task A_synchronous_handler_that_throws_fails_the_invocation_instead_of_answering_continue()
    {
        var attempts = 0;
        var app = Batches.Builder().Build();
        app.MapSes((_, _, _) =>
        {
            attempts++;
            return attempts < 2 ? throw new TimeoutException("spam service timed out") : ValueTask.FromException<SesDisposition>(new TimeoutException("spam service timed out again"));
        }, o => { Quick(o); o.Retry.MaxRetryAttempts = 1; });
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(Mail(SesInvocationType.RequestResponse, ("m1", "x")));

        Assert.False(result.IsSuccess);
        Assert.Equal("TimeoutException", result.Error!.ErrorType);
        Assert.Equal("spam service timed out again", result.Error.ErrorMessage);
        Assert.Equal(2, attempts);
        Assert.DoesNotContain("disposition", result.ResponseText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_handler_that_fails_once_then_decides_answers_its_decision()
    {
        var attempts = 0;
        var app = Batches.Builder().Build();
        app.MapSes((_, _, _) => ++attempts == 1 ? throw new IOException("blip") : ValueTask.FromResult(SesDisposition.StopRule), Quick);
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(Mail(SesInvocationType.RequestResponse, ("m1", "x")));

        Assert.Equal("""{"disposition":"STOP_RULE"}""", result.ResponseText);
    }

    [Fact]
    public async Task A_disposition_that_is_not_one_of_the_three_fails_the_invocation()
    {
        var app = Batches.Builder().Build();
        app.MapSes((_, _, _) => ValueTask.FromResult((SesDisposition)7), o => o.Retry.MaxRetryAttempts = 0);
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(Mail(SesInvocationType.RequestResponse, ("m1", "x")));

        Assert.Equal("InvalidOperationException", result.Error!.ErrorType);
        Assert.Equal("The SES handler returned 7, which is not an SesDisposition.", result.Error.ErrorMessage);
    }

    [Fact]
    public async Task Idempotency_with_a_disposition_handler_and_dead_letters_fail_init()
    {
        var builder = Batches.Builder();
        builder.Services.AddSingleton(new InMemoryIdempotencyStore());
        var app = builder.Build();
        app.MapSes((_, _, _) => ValueTask.FromResult(SesDisposition.Continue), o => o.Idempotency = Idempotent.With<InMemoryIdempotencyStore>());
        app.MapSes((_, _, _) => ValueTask.CompletedTask, o => o.DeadLetter = DeadLetters.To(_ => new RecordingSink()));

        var error = await Assert.ThrowsAsync<LambdaFunctionException>(() => LambdaTestHost.StartAsync(app));

        Assert.Equal(LambdaErrorTypes.InitFailed, error.ErrorType);
        Assert.Contains("SES: Idempotency does not apply to a handler that returns a disposition", error.Message, StringComparison.Ordinal);
        Assert.Contains("SES: Dead letters do not apply to asynchronous sources", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_asynchronous_mail_handled_before_is_skipped_keyed_by_its_message_id()
    {
        var handled = new ConcurrentQueue<string>();
        var builder = Batches.Builder();
        builder.Services.AddSingleton(new InMemoryIdempotencyStore());
        var app = builder.Build();
        app.MapSes((record, _, _) => { handled.Enqueue(record.Ses.Mail.MessageId); return ValueTask.CompletedTask; }, o => o.Idempotency = Idempotent.With<InMemoryIdempotencyStore>());
        await using var host = await LambdaTestHost.StartAsync(app);

        Assert.True((await host.InvokeAsync(Mail(SesInvocationType.Event, ("m1", "a")))).IsSuccess);
        Assert.True((await host.InvokeAsync(Mail(SesInvocationType.Event, ("m1", "a")))).IsSuccess);

        Assert.Equal(["m1"], handled);
    }

    [Fact]
    public async Task A_record_without_its_receipt_fails_as_an_invalid_event()
    {
        var calls = 0;
        var app = Batches.Builder().Build();
        app.MapSes((_, _, _) => { calls++; return ValueTask.CompletedTask; });
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync("""{"Records":[{"eventSource":"aws:ses","ses":{"mail":{"messageId":"m"}}}]}""");

        Assert.Equal(LambdaErrorTypes.InvalidEvent, result.Error!.ErrorType);
        Assert.StartsWith("The event is not a valid SesEvent at $.Records[0].ses", result.Error.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task SES_events_are_classified_beside_SQS_SNS_and_S3_and_unrouted_without_MapSes()
    {
        var sources = new ConcurrentQueue<string>();
        var app = Batches.Builder().Build();
        app.MapSqs((_, _, _) => { sources.Enqueue("sqs"); return ValueTask.CompletedTask; });
        app.MapSns((_, _, _) => { sources.Enqueue("sns"); return ValueTask.CompletedTask; });
        app.MapS3((_, _, _) => { sources.Enqueue("s3"); return ValueTask.CompletedTask; });
        app.MapSes((_, _, _) => { sources.Enqueue("ses"); return ValueTask.CompletedTask; });
        await using var host = await LambdaTestHost.StartAsync(app);
        var onlySqs = Batches.Builder().Build();
        onlySqs.MapSqs((_, _, _) => ValueTask.CompletedTask);
        await using var sqsHost = await LambdaTestHost.StartAsync(onlySqs);

        foreach (var file in new[] { "ses/simple-email-event-lambda.json", "sqs/sqs-event.json", "sns/sns-event.json", "s3/s3-event.json", "ses/ses-email-receiving.json" })
        {
            var result = await host.InvokeFileAsync(Path.Combine(AppContext.BaseDirectory, "events", file));
            Assert.True(result.IsSuccess, file + ": " + result.Error?.ErrorType + ": " + result.Error?.ErrorMessage);
        }

        Assert.Equal(["ses", "sqs", "sns", "s3", "s3", "ses"], sources);
        Assert.Equal(LambdaErrorTypes.NoHandler, (await sqsHost.InvokeFileAsync(Sample("ses-email-receiving.json"))).Error!.ErrorType);
    }
}
