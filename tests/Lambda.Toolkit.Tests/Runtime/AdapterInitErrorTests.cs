using Lambda.Toolkit.Aws.DynamoDb;
using Lambda.Toolkit.Aws.Sqs;
using Lambda.Toolkit.Batch;
using Lambda.Toolkit.Batch.DeadLetter;
using Lambda.Toolkit.Batch.DynamoDbStreams;
using Lambda.Toolkit.Batch.EventBridge;
using Lambda.Toolkit.Batch.Kinesis;
using Lambda.Toolkit.Batch.S3;
using Lambda.Toolkit.Batch.Sns;
using Lambda.Toolkit.Batch.Sqs;
using Lambda.Toolkit.Emulator;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Sqs;
using Lambda.Toolkit.Http;
using Lambda.Toolkit.Http.Cors;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Tests.Runtime;

/// <summary>
/// Every adapter's configuration mistake is an init error: nothing throws out of <c>Map*</c>, the real loop
/// posts the problem to the emulator's <c>init/error</c> and the run ends with a non-zero exit code.
/// </summary>
public sealed class AdapterInitErrorTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private RuntimeApiEmulator _emulator = null!;

    public static TheoryData<string> Cases => [.. Mistakes.Keys];

    private static readonly Dictionary<string, (Action<LambdaApplication> Map, string Problem)> Mistakes = new()
    {
        ["HTTP body limit"] = (app => app.MapHttpApi(o => o.MaxRequestBodySize = 0).MapGet("/", Ok), "HTTP API: MaxRequestBodySize must be positive"),
        ["HTTP CORS"] = (app => app.MapHttpApi(o => o.Cors = new CorsOptions { AllowedOrigins = { "*" }, AllowCredentials = true }).MapGet("/", Ok), "any origin ('*') together with credentials"),
        ["HTTP route template"] = (app => app.MapHttpApi().MapGet("/orders/{id", Ok), "unclosed parameter"),
        ["HTTP route conflict"] = (app => app.MapHttpApi().MapGet("/orders", Ok).MapGet("/orders", Ok), "is mapped twice"),
        ["HTTP endpoint class"] = (app => app.MapHttpApi().MapEndpoint<OrderEndpoint>("GET", "/orders"), "OrderEndpoint is not registered: add builder.Services.AddScoped<OrderEndpoint>()"),
        ["SQS parallelism"] = (app => app.MapSqs(Handle, o => o.MaxDegreeOfParallelism = 0), "SQS: MaxDegreeOfParallelism must be at least 1"),
        ["SQS retries"] = (app => app.MapSqs(Handle, o => o.Retry.MaxRetryAttempts = -1), "Retry.MaxRetryAttempts must not be negative"),
        ["SQS dead letters without a client"] = (app => app.MapSqs(Handle, o => o.DeadLetter = SqsDeadLetters.To("https://sqs.eu-west-1.amazonaws.com/1/dlq")), "IAmazonSQS is not registered"),
        ["SQS dead letters without a sink"] = (app => app.MapSqs(Handle, o => o.DeadLetter = DeadLetters.To<MissingSink>()), "MissingSink is not registered"),
        ["SQS handler class"] = (app => app.MapSqs<Order, OrderHandler>(TestJsonContext.Default.Order), "OrderHandler is not registered: add builder.Services.AddScoped<OrderHandler>()"),
        ["Kinesis parallelism"] = (app => app.MapKinesis((_, _, _) => ValueTask.CompletedTask, o => o.MaxDegreeOfParallelism = -2), "Kinesis: MaxDegreeOfParallelism must be at least 1"),
        ["DynamoDB Streams idempotency"] = (app => app.MapDynamoDbStream((_, _, _) => ValueTask.CompletedTask, o => o.Idempotency = DynamoDbIdempotency.Table("t")), "IAmazonDynamoDB is not registered"),
        ["DynamoDB Streams retention"] = (app => app.MapDynamoDbStream((_, _, _) => ValueTask.CompletedTask, o => { o.Idempotency = DynamoDbIdempotency.Table("t"); o.Idempotency.Retention = TimeSpan.Zero; }), "Idempotency.Retention must be positive"),
        ["S3 dead letters"] = (app => app.MapS3((_, _, _) => ValueTask.CompletedTask, o => o.DeadLetter = DeadLetters.To(_ => new MissingSink())), "S3: Dead letters do not apply to asynchronous sources"),
        ["SNS dead letters"] = (app => app.MapSns((_, _, _) => ValueTask.CompletedTask, o => o.DeadLetter = DeadLetters.To(_ => new MissingSink())), "SNS: Dead letters do not apply"),
        ["EventBridge retries"] = (app => app.MapEventBridge(LambdaEventsJsonContext.Default.JsonElement, (_, _, _) => ValueTask.CompletedTask, o => o.Retry.Delay = TimeSpan.FromSeconds(-1)), "EventBridge: Retry.Delay must not be negative"),
        ["Handler class"] = (app => app.MapHandler<Order, Receipt, ReceiptHandler>(TestJsonContext.Default.Order, TestJsonContext.Default.Receipt), "ReceiptHandler is not registered"),
        ["Middleware class"] = (app => app.Use<TimingMiddleware>().MapHandler(_ => ValueTask.CompletedTask), "TimingMiddleware is not registered"),
    };

    public async Task InitializeAsync() => _emulator = await RuntimeApiEmulator.StartAsync(new RuntimeApiEmulatorOptions { FunctionName = "init-errors" });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_wrong_option_ends_in_init_error_with_a_non_zero_exit(string mistake)
    {
        var (map, problem) = Mistakes[mistake];
        await using var app = TestApps.Builder().Build();

        map(app); // records only: nothing throws out of Map*

        var exitCode = await app.RunCoreAsync(_emulator.RuntimeApiAddress, CancellationToken.None).WaitAsync(Wait);
        var error = await _emulator.InitError.WaitAsync(Wait);
        Assert.Equal(LambdaApplication.InitFailedExitCode, exitCode);
        Assert.Equal(LambdaErrorTypes.InitFailed, error.ErrorType);
        Assert.Contains(problem, error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_problem_of_every_adapter_is_reported_in_one_message()
    {
        var builder = TestApps.Builder();
        builder.Services.Configure<LambdaRuntimeOptions>(o => o.MaxResponseSize = 0);
        await using var app = builder.Build();
        app.Use<TimingMiddleware>();
        app.MapHttpApi(o => o.CompressionThreshold = -1).MapGet("/a/{*rest}/b", Ok);
        app.MapSqs(Handle, o => o.MaxDegreeOfParallelism = 0);
        app.MapS3((_, _, _) => ValueTask.CompletedTask, o => o.DeadLetter = DeadLetters.To(_ => new MissingSink()));

        var exitCode = await app.RunCoreAsync(_emulator.RuntimeApiAddress, CancellationToken.None).WaitAsync(Wait);
        var error = await _emulator.InitError.WaitAsync(Wait);

        Assert.Equal(LambdaApplication.InitFailedExitCode, exitCode);
        Assert.StartsWith("Init found 6 problems: (1) LambdaRuntimeOptions: ", error.ErrorMessage, StringComparison.Ordinal);
        foreach (var expected in new[] { "MaxResponseSize", "CompressionThreshold", "catch-all parameter", "SQS: MaxDegreeOfParallelism", "S3: Dead letters", "TimingMiddleware is not registered" })
        {
            Assert.Contains(expected, error.ErrorMessage, StringComparison.Ordinal);
        }
    }

    private static ValueTask<HttpResult> Ok(HttpRequest request, CancellationToken cancellationToken) => ValueTask.FromResult(HttpResult.NoContent());

    private static ValueTask Handle(SqsMessage message, RecordContext<SqsMessage> context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    private sealed class OrderEndpoint : IHttpEndpoint
    {
        public ValueTask<HttpResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken) => ValueTask.FromResult(HttpResult.NoContent());
    }

    private sealed class OrderHandler : ISqsMessageHandler<Order>
    {
        public ValueTask HandleAsync(Order message, RecordContext<SqsMessage> context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    private sealed class ReceiptHandler : ILambdaHandler<Order, Receipt>
    {
        public ValueTask<Receipt> HandleAsync(Order input, InvocationContext context, CancellationToken cancellationToken) => ValueTask.FromResult(new Receipt(input.Id, context.RequestId));
    }

    private sealed class TimingMiddleware : IInvocationMiddleware
    {
        public ValueTask InvokeAsync(InvocationContext context, InvocationDelegate next) => next(context);
    }

    private sealed class MissingSink : IDeadLetterSink
    {
        public ValueTask<IReadOnlyCollection<string>> SendAsync(IReadOnlyList<DeadLetterMessage> messages, CancellationToken cancellationToken) => ValueTask.FromResult<IReadOnlyCollection<string>>([]);
    }
}
