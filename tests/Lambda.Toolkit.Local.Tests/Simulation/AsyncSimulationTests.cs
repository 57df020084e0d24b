using System.Text.Json;
using Lambda.Toolkit.Local.Simulation;

namespace Lambda.Toolkit.Local.Tests.Simulation;

/// <summary>The asynchronous invocation engine on the virtual clock, against an in-process scripted function.</summary>
public sealed class AsyncSimulationTests : IDisposable
{
    private readonly SimulatedClock _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly string _directory = Directory.CreateTempSubdirectory("lambda-toolkit-async-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static FunctionInvocation FailBad(string payload, int _) =>
        payload.Contains("bad", StringComparison.Ordinal) ? ScriptedFunction.Fail() : ScriptedFunction.Respond("\"ok\"");

    private async Task<(IReadOnlyList<RecordFate> Fates, ScriptedFunction Function)> Run(AsyncSimulationOptions options, Func<string, int, FunctionInvocation> answer, params string[] lines)
    {
        var function = new ScriptedFunction(_clock, answer);
        var simulation = new AsyncSimulation(options, function, _clock, "arn:aws:lambda:us-east-1:123456789012:function:f", TextWriter.Null);
        var fates = await simulation.RunAsync(AsyncSimulation.ReadEvents(string.Join("\n", lines), "events.jsonl"), CancellationToken.None);
        return (fates, function);
    }

    private string File(string name) => Path.Combine(_directory, name);

    private static JsonElement[] Lines(string path) => [.. System.IO.File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement)];

    [Fact]
    public async Task A_failing_event_is_tried_three_times_one_then_two_minutes_apart_with_the_same_request_id_then_lost_without_a_destination()
    {
        var (fates, function) = await Run(new AsyncSimulationOptions(), FailBad, """{"id":"bad"}""");

        var fate = Assert.Single(fates);
        Assert.Equal(FateOutcome.Lost, fate.Outcome);
        Assert.Equal(3, fate.Deliveries);
        Assert.StartsWith("RetriesExhausted: 3 attempt(s) failed", fate.Why, StringComparison.Ordinal);
        Assert.EndsWith("no on-failure destination or dead-letter queue is configured, so Lambda discarded it", fate.Why, StringComparison.Ordinal);
        Assert.Equal([0, 60, 180], function.Invocations.Select(i => i.At.TotalSeconds));
        Assert.All(function.RequestIds, id => Assert.Equal(fate.Id, id));
    }

    [Fact]
    public async Task On_failure_and_on_success_destinations_get_AWSs_records()
    {
        var options = new AsyncSimulationOptions { OnSuccessPath = File("success.jsonl"), OnFailurePath = File("failure.jsonl"), MaxRetryAttempts = 1 };

        var (fates, _) = await Run(options, FailBad, """{"id":"good"}""", """{"id":"bad"}""");

        Assert.Equal([FateOutcome.Processed, FateOutcome.DeadLettered], fates.Select(f => f.Outcome));
        var success = Assert.Single(Lines(File("success.jsonl")));
        Assert.Equal("Success", success.GetProperty("requestContext").GetProperty("condition").GetString());
        Assert.Equal(fates[0].Id, success.GetProperty("requestContext").GetProperty("requestId").GetString());
        Assert.Equal("good", success.GetProperty("requestPayload").GetProperty("id").GetString());
        Assert.Equal("ok", success.GetProperty("responsePayload").GetString());
        var failure = Assert.Single(Lines(File("failure.jsonl")));
        Assert.Equal("RetriesExhausted", failure.GetProperty("requestContext").GetProperty("condition").GetString());
        Assert.Equal(2, failure.GetProperty("requestContext").GetProperty("approximateInvokeCount").GetInt32());
        Assert.Equal("Unhandled", failure.GetProperty("responseContext").GetProperty("functionError").GetString());
        Assert.Equal("boom", failure.GetProperty("responsePayload").GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task The_dead_letter_queue_gets_the_event_with_the_request_id_and_error()
    {
        var (fates, _) = await Run(new AsyncSimulationOptions { DeadLetterQueuePath = File("dlq.jsonl"), MaxRetryAttempts = 0 }, FailBad, """{"id":"bad"}""");

        Assert.Equal(FateOutcome.DeadLettered, Assert.Single(fates).Outcome);
        var message = Assert.Single(Lines(File("dlq.jsonl")));
        Assert.Equal("""{"id":"bad"}""", message.GetProperty("body").GetString());
        var attributes = message.GetProperty("messageAttributes");
        Assert.Equal(fates[0].Id, attributes.GetProperty("RequestID").GetProperty("stringValue").GetString());
        Assert.Equal("200", attributes.GetProperty("ErrorCode").GetProperty("stringValue").GetString());
        Assert.Equal("boom", attributes.GetProperty("ErrorMessage").GetProperty("stringValue").GetString());
    }

    [Fact]
    public async Task An_event_older_than_the_maximum_event_age_is_discarded_before_its_next_attempt()
    {
        var options = new AsyncSimulationOptions { MaxEventAge = TimeSpan.FromSeconds(90), OnFailurePath = File("failure.jsonl") };

        var (fates, function) = await Run(options, FailBad, """{"id":"bad"}""");

        Assert.Equal([0, 60], function.Invocations.Select(i => i.At.TotalSeconds));
        Assert.StartsWith("EventAgeExceeded: older than the maximum event age (90 s) when attempt 3 was due", Assert.Single(fates).Why, StringComparison.Ordinal);
        var failure = Assert.Single(Lines(File("failure.jsonl")));
        Assert.Equal("EventAgeExceeded", failure.GetProperty("requestContext").GetProperty("condition").GetString());
        Assert.Equal(2, failure.GetProperty("requestContext").GetProperty("approximateInvokeCount").GetInt32());
    }

    [Fact]
    public async Task A_slow_function_ages_the_events_behind_it()
    {
        var options = new AsyncSimulationOptions { MaxEventAge = TimeSpan.FromSeconds(60) };

        var (fates, function) = await Run(options, (_, _) => ScriptedFunction.Respond("{}", TimeSpan.FromSeconds(61)), "1", "2");

        Assert.Equal(FateOutcome.Processed, fates[0].Outcome);
        Assert.Equal(FateOutcome.Lost, fates[1].Outcome);
        Assert.Equal(0, fates[1].Deliveries);
        Assert.Single(function.Invocations);
    }

    [Fact]
    public void An_event_over_the_asynchronous_payload_limit_is_named()
    {
        var big = "\"" + new string('x', AsyncRules.MaxPayloadBytes) + "\"";

        var ex = Assert.Throws<FormatException>(() => AsyncSimulation.ReadEvents("{}\n" + big, "events.jsonl"));

        Assert.Equal("events.jsonl line 2 is 1,048,578 bytes; Lambda accepts at most 1,048,576 bytes for an asynchronous (Event) invocation.", ex.Message);
    }
}
