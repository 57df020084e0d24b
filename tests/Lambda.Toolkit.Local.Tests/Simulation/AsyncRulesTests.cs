using System.Text;
using System.Text.Json;
using Lambda.Toolkit.Local.Simulation;

namespace Lambda.Toolkit.Local.Tests.Simulation;

/// <summary>Each rule of <see cref="AsyncRules"/> on its own.</summary>
public sealed class AsyncRulesTests
{
    [Fact]
    public void The_defaults_are_Lambdas_and_valid()
    {
        var options = new AsyncSimulationOptions();

        Assert.Empty(AsyncRules.Validate(options));
        Assert.Equal(2, options.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromHours(6), options.MaxEventAge);
    }

    [Fact]
    public void Validate_reports_every_problem_at_once()
    {
        var problems = AsyncRules.Validate(new AsyncSimulationOptions { MaxRetryAttempts = 3, MaxEventAge = TimeSpan.FromSeconds(59), OnFailurePath = "/no/such/dir/failures.jsonl" });

        Assert.Equal(
            [
                "--max-retry-attempts must be between 0 and 2 (was 3).",
                "--max-event-age must be between 60 and 21600 seconds (6 hours), was 59.",
                "--on-failure /no/such/dir/failures.jsonl: the directory /no/such/dir does not exist.",
            ],
            problems);
    }

    [Fact]
    public void Retries_wait_one_minute_then_two()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), AsyncRules.RetryDelay(1));
        Assert.Equal(TimeSpan.FromMinutes(2), AsyncRules.RetryDelay(2));
    }

    [Theory]
    [InlineData(1, 2, true)]
    [InlineData(2, 2, true)]
    [InlineData(3, 2, false)]
    [InlineData(1, 0, false)]
    public void At_most_one_attempt_plus_the_retries(int attempts, int maxRetryAttempts, bool retry) =>
        Assert.Equal(retry, AsyncRules.ShouldRetry(attempts, maxRetryAttempts));

    [Fact]
    public void An_event_expires_once_it_is_older_than_the_maximum_event_age()
    {
        var queued = DateTimeOffset.UnixEpoch;

        Assert.False(AsyncRules.Expired(queued, TimeSpan.FromMinutes(1), queued.AddMinutes(1)));
        Assert.True(AsyncRules.Expired(queued, TimeSpan.FromMinutes(1), queued.AddMinutes(1).AddTicks(1)));
    }

    [Fact]
    public void A_failure_record_has_AWSs_shape()
    {
        var last = new FunctionInvocation(InvocationKind.FunctionError, "req-1", Encoding.UTF8.GetBytes("""{"errorType":"Boom","errorMessage":"boom"}"""), "Boom", TimeSpan.Zero);

        var record = AsyncRules.DestinationRecord(new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero), "req-1", "arn:aws:lambda:us-east-1:123456789012:function:f", AsyncRules.RetriesExhausted, 3, """{"id":1}""", last);

        Assert.Equal("""{"version":"1.0","timestamp":"2026-01-02T03:04:05.678Z","requestContext":{"requestId":"req-1","functionArn":"arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST","condition":"RetriesExhausted","approximateInvokeCount":3},"requestPayload":{"id":1},"responseContext":{"statusCode":200,"executedVersion":"$LATEST","functionError":"Unhandled"},"responsePayload":{"errorType":"Boom","errorMessage":"boom"}}""", record);
    }

    [Theory]
    [InlineData("\"done\"", "\"done\"")]
    [InlineData("plain text", "\"plain text\"")]
    [InlineData("", "null")]
    public void A_success_record_keeps_the_response_as_JSON_when_it_is(string response, string payload)
    {
        var last = new FunctionInvocation(InvocationKind.Success, "req-1", Encoding.UTF8.GetBytes(response), null, TimeSpan.Zero);

        var record = JsonDocument.Parse(AsyncRules.DestinationRecord(DateTimeOffset.UnixEpoch, "req-1", "arn", AsyncRules.Success, 1, "{}", last)).RootElement;

        Assert.Equal("Success", record.GetProperty("requestContext").GetProperty("condition").GetString());
        Assert.False(record.GetProperty("responseContext").TryGetProperty("functionError", out _));
        Assert.Equal(payload, record.GetProperty("responsePayload").GetRawText());
    }

    [Fact]
    public void An_event_that_expired_before_any_attempt_has_no_response()
    {
        var record = JsonDocument.Parse(AsyncRules.DestinationRecord(DateTimeOffset.UnixEpoch, "req-1", "arn", AsyncRules.EventAgeExceeded, 0, "{}", null)).RootElement;

        Assert.Equal(0, record.GetProperty("requestContext").GetProperty("approximateInvokeCount").GetInt32());
        Assert.False(record.TryGetProperty("responseContext", out _));
        Assert.False(record.TryGetProperty("responsePayload", out _));
    }
}
