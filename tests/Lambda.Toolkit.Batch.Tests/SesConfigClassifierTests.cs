using System.Text;
using Lambda.Toolkit.Batch.Processing;

namespace Lambda.Toolkit.Batch.Tests;

public class SesConfigClassifierTests
{
    private static byte[] Sample(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "events", file));
        return bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes;
    }

    [Theory]
    [InlineData("ses/ses-email-receiving.json", "Ses")]
    [InlineData("ses/simple-email-event-lambda.json", "Ses")]
    [InlineData("config/config-event.json", "Config")]
    [InlineData("config/change-triggered-rule.json", "Config")]
    [InlineData("config/oversized-configuration-item-change-notification.json", "Config")]
    public void SES_and_Config_samples_are_classified(string file, string expected) =>
        Assert.Equal(expected, Classify(Sample(file)));

    [Theory]
    [InlineData("""{"invokingEvent":"{}","version":"1.0","configRuleName":"r"}""", "Config")]
    [InlineData("""{"configRuleName":"r"}""", "Unknown")]
    [InlineData("""{"invokingEvent":"{}"}""", "Unknown")]
    [InlineData("""{"configRuleName":"r","invokingEvent":{"messageType":"x"}}""", "Unknown")]
    [InlineData("""{"detail":{"configRuleName":"r","invokingEvent":"{}"}}""", "Unknown")]
    [InlineData("""{"Records":[{"ses":{"eventSource":"aws:sqs"},"eventSource":"aws:ses"}]}""", "Ses")]
    public void Config_needs_both_top_level_strings_and_SES_is_read_from_the_records_own_eventSource(string json, string expected) =>
        Assert.Equal(expected, Classify(Encoding.UTF8.GetBytes(json)));

    private static string Classify(byte[] payload) =>
        new InvocationContext("req", DateTimeOffset.UtcNow.AddMinutes(1), payload).Classify(EventSourceClassifier.Instance).ToString();
}
