using System.Text;
using System.Text.Json.Nodes;
using Lambda.Toolkit.Events.Ses;

namespace Lambda.Toolkit.Events.Tests;

public class SesTests
{
    private static readonly LambdaEventsJsonContext Context = LambdaEventsJsonContext.Default;

    [Fact]
    public void The_receiving_sample_reads_envelope_headers_verdicts_and_action()
    {
        var @event = LambdaEventSerializer.Deserialize(SampleEvents.Read("ses/ses-email-receiving.json"), Context.SesEvent);

        var record = Assert.Single(@event.Records);
        Assert.Equal(("aws:ses", "1.0"), (record.EventSource, record.EventVersion));
        var mail = record.Ses.Mail;
        Assert.Equal("o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g1", mail.MessageId);
        Assert.Equal("janedoe@example.com", mail.Source);
        Assert.Equal("1970-01-01T00:00:00Z", mail.Timestamp);
        Assert.Equal(["johndoe@example.com"], mail.Destination!);
        Assert.False(mail.HeadersTruncated);
        Assert.Equal(10, mail.Headers!.Count);
        Assert.Equal(("Subject", "Test Subject"), (mail.Headers[7].Name, mail.Headers[7].Value));
        var common = mail.CommonHeaders!;
        Assert.Equal(["Jane Doe <janedoe@example.com>"], common.From!);
        Assert.Equal(["johndoe@example.com"], common.To!);
        Assert.Equal(("janedoe@example.com", "Wed, 7 Oct 2015 12:34:56 -0700", "<0123456789example.com>", "Test Subject"), (common.ReturnPath, common.Date, common.MessageId, common.Subject));
        Assert.Null(common.Cc);
        var receipt = record.Ses.Receipt;
        Assert.Equal(574L, receipt.ProcessingTimeMillis);
        Assert.Equal(["johndoe@example.com"], receipt.Recipients!);
        Assert.True(receipt.SpamVerdict!.Passed && receipt.VirusVerdict!.Passed && receipt.SpfVerdict!.Passed && receipt.DkimVerdict!.Passed);
        Assert.Null(receipt.DmarcVerdict);
        Assert.Null(receipt.DmarcPolicy);
        Assert.Equal((SesReceiptAction.LambdaType, SesInvocationType.Event), (receipt.Action!.Type, receipt.Action.InvocationType));
        Assert.False(receipt.Action.IsSynchronous);
        Assert.Equal("arn:{partition}:lambda:{region}:012345678912:function:Example", receipt.Action.FunctionArn);
    }

    [Fact]
    public void The_simple_email_sample_reads_its_dmarc_verdict_and_millisecond_timestamps()
    {
        var @event = LambdaEventSerializer.Deserialize(SampleEvents.Read("ses/simple-email-event-lambda.json"), Context.SesEvent);

        var record = Assert.Single(@event.Records);
        Assert.Equal("aws:ses", record.EventSource);
        Assert.Equal("2016-12-06T02:40:08.000Z", record.Ses.Mail.Timestamp);
        Assert.Equal("6n4thuhcbhpfiuf25gshf70rss364fuejrvmqko1", record.Ses.Mail.MessageId);
        Assert.Equal(SesVerdictStatus.Pass, record.Ses.Receipt.DmarcVerdict!.Status);
        Assert.Equal("arn:aws:lambda:us-east-1:000000000000:function:my-ses-lambda-function", record.Ses.Receipt.Action!.FunctionArn);
    }

    [Fact]
    public void Optional_headers_a_failed_verdict_and_a_synchronous_action_round_trip()
    {
        const string json = """
            {"Records":[{"eventSource":"aws:ses","eventVersion":"1.0","ses":{
              "mail":{"timestamp":"2026-12-02T08:00:00.123Z","source":"a@example.com","messageId":"m1","destination":["b@example.com","c@example.com"],
                "headersTruncated":true,"headers":[{"name":"X-Dup","value":"1"},{"name":"X-Dup","value":"2"}],
                "commonHeaders":{"returnPath":"a@example.com","from":["A <a@example.com>"],"date":"Wed, 2 Dec 2026 08:00:00 +0000","to":["b@example.com"],
                  "cc":["c@example.com"],"bcc":["d@example.com"],"sender":["s@example.com"],"replyTo":["r@example.com"],"messageId":"<x@example.com>","subject":"Hi"}},
              "receipt":{"timestamp":"2026-12-02T08:00:01.000Z","processingTimeMillis":1205,"recipients":["b@example.com"],
                "spamVerdict":{"status":"GRAY"},"virusVerdict":{"status":"PROCESSING_FAILED"},"spfVerdict":{"status":"DISABLED"},
                "dkimVerdict":{"status":"FAIL"},"dmarcVerdict":{"status":"FAIL"},"dmarcPolicy":"reject",
                "action":{"type":"Lambda","invocationType":"RequestResponse","functionArn":"arn:aws:lambda:us-east-1:123456789012:function:f","topicArn":"arn:aws:sns:us-east-1:123456789012:t"}}}}]}
            """;

        var parsed = LambdaEventSerializer.Deserialize(json, Context.SesEvent);
        var written = LambdaEventSerializer.SerializeToUtf8Bytes(parsed, Context.SesEvent);

        Assert.True(JsonNode.DeepEquals(SampleEvents.Normalize(Encoding.UTF8.GetBytes(json)), SampleEvents.Normalize(written)), Encoding.UTF8.GetString(written));
        var receipt = parsed.Records[0].Ses.Receipt;
        Assert.True(receipt.Action!.IsSynchronous);
        Assert.True(receipt.DkimVerdict!.Failed);
        Assert.False(receipt.SpamVerdict!.Passed || receipt.SpamVerdict.Failed);
        Assert.Equal(["r@example.com"], parsed.Records[0].Ses.Mail.CommonHeaders!.ReplyTo!);
        Assert.DoesNotContain("passed", Encoding.UTF8.GetString(written), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("isSynchronous", Encoding.UTF8.GetString(written), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(SesDisposition.Continue, """{"disposition":"CONTINUE"}""")]
    [InlineData(SesDisposition.StopRule, """{"disposition":"STOP_RULE"}""")]
    [InlineData(SesDisposition.StopRuleSet, """{"disposition":"STOP_RULE_SET"}""")]
    public void Dispositions_are_written_in_SES_spelling_and_read_back(SesDisposition disposition, string json)
    {
        var written = Encoding.UTF8.GetString(LambdaEventSerializer.SerializeToUtf8Bytes(new SesReceiptRuleResponse { Disposition = disposition }, Context.SesReceiptRuleResponse));

        Assert.Equal(json, written);
        Assert.Equal(disposition, LambdaEventSerializer.Deserialize(json, Context.SesReceiptRuleResponse).Disposition);
    }

    [Fact]
    public void A_misspelled_disposition_is_refused_with_its_path()
    {
        var error = Assert.Throws<EventDeserializationException>(() => LambdaEventSerializer.Deserialize("""{"disposition":"STOP"}""", Context.SesReceiptRuleResponse));

        Assert.Equal("$.disposition", error.JsonPath);
    }

    [Theory]
    [InlineData("""{"Records":[{"eventSource":"aws:ses"}]}""", "$.Records[0]", "ses")]
    [InlineData("""{"Records":[{"ses":{"mail":{"messageId":"m"}}}]}""", "$.Records[0].ses", "receipt")]
    [InlineData("""{"Records":[{"ses":{"mail":{"messageId":"m","headers":{}},"receipt":{}}}]}""", "$.Records[0].ses.mail.headers", "")]
    public void An_event_of_the_wrong_shape_names_the_path(string json, string path, string mentions)
    {
        var error = Assert.Throws<EventDeserializationException>(() => LambdaEventSerializer.Deserialize(json, Context.SesEvent));

        Assert.Equal(typeof(SesEvent), error.EventType);
        Assert.Equal(path, error.JsonPath);
        Assert.Contains(mentions, error.Message, StringComparison.Ordinal);
    }
}
