using System.Text.Json;
using Lambda.Toolkit.Events.Config;
using Lambda.Toolkit.Events.Ses;

namespace Lambda.Toolkit.Events.Tests;

/// <summary>The one converter behind every upper-snake-case enum on the wire: SES dispositions, Config compliance types.</summary>
public class UpperSnakeCaseEnumTests
{
    [Theory]
    [InlineData(SesDisposition.Continue, "CONTINUE")]
    [InlineData(SesDisposition.StopRule, "STOP_RULE")]
    [InlineData(SesDisposition.StopRuleSet, "STOP_RULE_SET")]
    public void An_SES_disposition_is_written_and_read_in_SES_spelling(SesDisposition disposition, string wire)
    {
        var json = JsonSerializer.Serialize(new SesReceiptRuleResponse { Disposition = disposition }, LambdaEventsJsonContext.Default.SesReceiptRuleResponse);

        Assert.Equal($$"""{"disposition":"{{wire}}"}""", json);
        Assert.Equal(disposition, JsonSerializer.Deserialize(json, LambdaEventsJsonContext.Default.SesReceiptRuleResponse)!.Disposition);
    }

    [Theory]
    [InlineData("""{"disposition":1}""")]
    [InlineData("""{"disposition":"STOP"}""")]
    public void A_number_or_an_unknown_name_is_refused(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, LambdaEventsJsonContext.Default.SesReceiptRuleResponse));

    [Fact]
    public void Every_compliance_type_has_Configs_spelling() =>
        Assert.Equal(
            ["COMPLIANT", "NON_COMPLIANT", "NOT_APPLICABLE", "INSUFFICIENT_DATA"],
            Enum.GetValues<ConfigComplianceType>().Select(t => JsonSerializer.Serialize(t, LambdaEventsJsonContext.Default.ConfigComplianceType).Trim('"')));
}
