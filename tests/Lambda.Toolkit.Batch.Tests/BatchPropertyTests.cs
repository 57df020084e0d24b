using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using CsCheck;
using Lambda.Toolkit.Batch.DeadLetter;
using Lambda.Toolkit.Batch.Kinesis;
using Lambda.Toolkit.Batch.Retry;
using Lambda.Toolkit.Batch.Sqs;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Kinesis;
using Lambda.Toolkit.Testing;

namespace Lambda.Toolkit.Batch.Tests;

/// <summary>For any batch, failure pattern, parallelism and dead-letter behaviour, every record ends exactly once.</summary>
public class BatchPropertyTests
{
    /// <summary>How a record behaves: fails its first <see cref="Failures"/> attempts (permanently, or not).</summary>
    public sealed record Plan(int Failures, bool Permanent, string Group);

    private static readonly Gen<Plan> PlanGen = Gen.Select(Gen.Int[0, 4], Gen.Bool, Gen.Int[0, 2].Select(static g => ((char)('A' + g)).ToString()), (f, p, g) => new Plan(f == 4 ? 99 : f, p && f > 0, g));

    private static readonly Gen<(Plan[] Plans, bool Fifo, int Parallelism, int DeadLetter)> Case =
        Gen.Select(PlanGen.Array[0, 25], Gen.Bool, Gen.Int[1, 6], Gen.Int[0, 2]);

    [Fact]
    public async Task Every_sqs_record_ends_exactly_once_as_succeeded_reported_or_dead_lettered()
    {
        await Case.SampleAsync(
            async c =>
            {
                var (plans, fifo, parallelism, deadLetter) = c;
                var attempts = new ConcurrentDictionary<string, int>();
                var succeeded = new ConcurrentDictionary<string, bool>();
                var firstHandled = new ConcurrentQueue<string>();
                var sink = new RecordingSink { Refuse = m => deadLetter == 2 && int.Parse(m.RecordId[1..]) % 2 == 1 };
                var app = Batches.Builder().Build();
                app.MapSqs(
                    (message, _, _) =>
                    {
                        var id = message.MessageId;
                        var n = attempts.AddOrUpdate(id, 1, (_, v) => v + 1);
                        if (n == 1)
                        {
                            firstHandled.Enqueue(id);
                        }

                        var plan = plans[int.Parse(id[1..])];
                        if (n <= plan.Failures)
                        {
                            throw plan.Permanent ? new PermanentFailureException("permanent") : new TimeoutException("transient");
                        }

                        succeeded[id] = true;
                        return ValueTask.CompletedTask;
                    },
                    o =>
                    {
                        o.MaxDegreeOfParallelism = parallelism;
                        o.Retry.Delay = TimeSpan.Zero;
                        o.Retry.UseJitter = false;
                        o.DeadLetter = deadLetter == 0 ? null : DeadLetters.To(_ => sink);
                    });
                await using var host = await LambdaTestHost.StartAsync(app);
                var messages = plans.Select((p, i) => Batches.Message($"m{i}", "{}", fifo ? p.Group : null)).ToArray();

                var reported = (await host.InvokeAsync(Batches.Sqs(messages))).Failed();

                var ids = messages.Select(m => m.MessageId).ToHashSet();
                var lettered = sink.Sent.Select(m => m.RecordId).ToList();
                var ok = succeeded.Keys.ToList();
                // Exactly once: the three outcomes are disjoint and cover the batch.
                Assert.Equal(ids.Count, reported.Length + lettered.Count + ok.Count);
                Assert.Equal(ids, reported.Concat(lettered).Concat(ok).ToHashSet());
                Assert.Equal(reported.Length, reported.Distinct().Count());
                foreach (var (plan, i) in plans.Select((p, i) => (p, i)))
                {
                    var id = $"m{i}";
                    var expectSuccess = plan.Failures == 0 || (!plan.Permanent && plan.Failures <= 2);
                    if (expectSuccess && (!fifo || attempts.ContainsKey(id)))
                    {
                        Assert.Contains(id, ok);
                    }

                    Assert.True(attempts.GetValueOrDefault(id) <= 3, $"{id} attempted more than 1 + MaxRetryAttempts times");
                }

                if (fifo)
                {
                    foreach (var group in plans.Select((p, i) => (p.Group, Id: $"m{i}")).GroupBy(x => x.Group))
                    {
                        var members = group.Select(x => x.Id).ToList();
                        var handledOrder = firstHandled.Where(members.Contains).ToList();
                        // Handled in order, and a prefix: nothing after a record that stayed failed.
                        Assert.Equal(members.Take(handledOrder.Count), handledOrder);
                        var stop = members.FindIndex(id => reported.Contains(id));
                        if (stop >= 0)
                        {
                            Assert.All(members.Skip(stop), id => Assert.Contains(id, reported));
                            Assert.Equal(stop + 1, handledOrder.Count);
                        }
                    }
                }
            },
            iter: 150);
    }

    [Fact]
    public async Task A_stream_reports_only_its_first_failure_and_handles_a_prefix()
    {
        await Gen.Select(Gen.Int[0, 3].Array[0, 20], Gen.Int[0, 1]).SampleAsync(
            async c =>
            {
                var (failures, permanent) = c;
                var handled = new ConcurrentQueue<string>();
                var attempts = new ConcurrentDictionary<string, int>();
                var app = Batches.Builder().Build();
                app.MapKinesis(
                    (record, _, _) =>
                    {
                        var seq = record.Kinesis.SequenceNumber;
                        var n = attempts.AddOrUpdate(seq, 1, (_, v) => v + 1);
                        if (n == 1)
                        {
                            handled.Enqueue(seq);
                        }

                        return n <= failures[int.Parse(seq)] ? throw (permanent == 1 ? new PermanentFailureException("p") : new TimeoutException("t")) : ValueTask.CompletedTask;
                    },
                    o =>
                    {
                        o.Retry.Delay = TimeSpan.Zero;
                        o.Retry.UseJitter = false;
                    });
                await using var host = await LambdaTestHost.StartAsync(app);
                var payload = JsonSerializer.Serialize(
                    new KinesisEvent
                    {
                        Records = failures.Select((_, i) => new KinesisEventRecord
                        {
                            EventSource = "aws:kinesis",
                            Kinesis = new KinesisRecord { PartitionKey = "p", SequenceNumber = i.ToString(System.Globalization.CultureInfo.InvariantCulture), Data = Convert.ToBase64String(Encoding.UTF8.GetBytes("{}")) },
                        }).ToList(),
                    },
                    LambdaEventsJsonContext.Default.KinesisEvent);

                var reported = (await host.InvokeAsync(payload)).Failed();

                var firstFailing = Array.FindIndex(failures, f => f > 0 && (permanent == 1 || f > 2));
                Assert.Equal(firstFailing < 0 ? [] : [firstFailing.ToString(System.Globalization.CultureInfo.InvariantCulture)], reported);
                var expectedHandled = firstFailing < 0 ? failures.Length : firstFailing + 1;
                Assert.Equal(Enumerable.Range(0, expectedHandled).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), handled);
            },
            iter: 150);
    }
}
