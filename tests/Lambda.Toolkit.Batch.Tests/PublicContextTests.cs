using Lambda.Toolkit.Batch.Sqs;
using Lambda.Toolkit.Events.Sqs;
using Lambda.Toolkit.Testing.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Batch.Tests;

/// <summary>A record handler is unit-tested without the pipeline, through public contexts and the event builders.</summary>
public class PublicContextTests
{
    [Fact]
    public async Task A_record_handler_runs_on_a_record_context_made_in_the_test()
    {
        var batch = new SqsEventBuilder("orders.fifo").AddMessage("""{"id":7,"item":"lamp"}""", m => m.GroupId = "customer-7").Build();
        await using var services = new ServiceCollection().AddScoped<Seen>().BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        using var deadline = new CancellationTokenSource();
        var invocation = new InvocationContext("req-7", DateTimeOffset.UtcNow.AddSeconds(30), "{}"u8.ToArray())
        {
            Services = scope.ServiceProvider,
            CancellationToken = deadline.Token,
            TraceId = "Root=1-00000000-000000000000000000000000;Sampled=0",
        };
        var record = new RecordContext<SqsMessage>(batch.Records[0], invocation, scope.ServiceProvider);

        await new RecordingHandler().HandleAsync(new OrderNote(7, "lamp"), record, invocation.CancellationToken);

        Assert.Equal(["customer-7:7:lamp:req-7"], scope.ServiceProvider.GetRequiredService<Seen>().Items);
        Assert.True(invocation.RemainingTime > TimeSpan.FromSeconds(20));
    }

    public sealed record OrderNote(int Id, string Item);

    public sealed class Seen
    {
        public List<string> Items { get; } = [];
    }

    private sealed class RecordingHandler : ISqsMessageHandler<OrderNote>
    {
        public ValueTask HandleAsync(OrderNote message, RecordContext<SqsMessage> context, CancellationToken cancellationToken)
        {
            context.Services.GetRequiredService<Seen>().Items.Add($"{context.Record.MessageGroupId}:{message.Id}:{message.Item}:{context.Invocation.RequestId}");
            return ValueTask.CompletedTask;
        }
    }
}
