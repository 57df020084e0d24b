using Lambda.Toolkit.Testing.CloudFormation;
using System.Net;
using System.Text;
using System.Text.Json;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.CloudFormation;
using Lambda.Toolkit.Testing;
using Lambda.Toolkit.Triggers.CloudFormation;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Triggers.Tests.CloudFormation;

public sealed class CustomResourceTests : IAsyncLifetime
{
    private readonly CustomResourceResponseListener _server = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private delegate ValueTask<CustomResourceResult> Handler(CustomResourceRequest<TestResourceProperties> request, CancellationToken cancellationToken);

    private static ValueTask<CustomResourceResult> Unexpected(CustomResourceRequest<TestResourceProperties> request, CancellationToken _) =>
        throw new InvalidOperationException("This request type was not expected: " + request.RequestType);

    private static async Task<LambdaTestHost> HostAsync(Handler? create = null, Handler? update = null, Handler? delete = null, Action<CustomResourceOptions>? configure = null)
    {
        var app = Fixtures.Builder().Build();
        app.MapCustomResource(
            TriggerTestJson.Default.TestResourceProperties,
            (create ?? Unexpected).Invoke,
            (update ?? Unexpected).Invoke,
            (delete ?? Unexpected).Invoke,
            configure);
        return await LambdaTestHost.StartAsync(app);
    }

    [Fact]
    public async Task The_AWS_create_sample_binds_its_properties_and_is_answered_SUCCESS_with_a_default_physical_id()
    {
        CustomResourceRequest<TestResourceProperties>? seen = null;
        await using var host = await HostAsync(create: (r, _) =>
        {
            seen = r;
            return ValueTask.FromResult(new CustomResourceResult());
        });

        var result = await host.InvokeAsync(Fixtures.Request(_server));

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        Assert.Equal("stack-name", seen!.Properties.StackName);
        Assert.Equal(["1", "2", "3"], seen.Properties.List);
        Assert.Equal("MyTestResource", seen.LogicalResourceId);
        Assert.Equal("Custom::TestResource", seen.ResourceType);
        Assert.Null(seen.PhysicalResourceId);
        var upload = await _server.SingleAsync();
        Assert.Equal("PUT", upload.Method);
        Assert.Equal(new Uri(_server.ResponseUrl).PathAndQuery, upload.PathAndQuery);
        Assert.Equal("SUCCESS", upload.Status);
        var expectedId = CustomResourceDefaults.PhysicalResourceId("arn:{partition}:cloudformation:{region}:EXAMPLE/stack-name/guid", "MyTestResource", "unique id for this create request");
        Assert.Equal(expectedId, upload.PhysicalResourceId);
        Assert.Matches("^MyTestResource-[0-9a-f]{12}$", expectedId);
        Assert.Equal("arn:{partition}:cloudformation:{region}:EXAMPLE/stack-name/guid", upload.Json().GetProperty("StackId").GetString());
        Assert.Equal("unique id for this create request", upload.Json().GetProperty("RequestId").GetString());
        Assert.Equal("MyTestResource", upload.Json().GetProperty("LogicalResourceId").GetString());
        Assert.False(upload.Json().TryGetProperty("Data", out _));
        Assert.False(upload.Json().TryGetProperty("NoEcho", out _));
    }

    [Fact]
    public async Task The_upload_has_an_empty_content_type_and_an_exact_content_length()
    {
        await using var host = await HostAsync(create: (_, _) => ValueTask.FromResult(new CustomResourceResult("id-1")));

        await host.InvokeAsync(Fixtures.Request(_server));

        var upload = await _server.SingleAsync();
        Assert.Equal(string.Empty, upload.ContentType);
        Assert.Equal(upload.Body.Length, upload.ContentLength);
        Assert.True(upload.Body.Length > 0);
    }

    [Fact]
    public async Task The_same_create_request_gets_the_same_default_physical_id_and_another_request_another()
    {
        await using var host = await HostAsync(create: (_, _) => ValueTask.FromResult(new CustomResourceResult()));

        await host.InvokeAsync(Fixtures.Request(_server));
        await host.InvokeAsync(Fixtures.Request(_server));
        await host.InvokeAsync(Fixtures.Request(_server, change: n => n["RequestId"] = "another"));

        var ids = _server.Received.Select(u => u.PhysicalResourceId).ToList();
        Assert.Equal(3, ids.Count);
        Assert.Equal(ids[0], ids[1]);
        Assert.NotEqual(ids[0], ids[2]);
    }

    [Fact]
    public async Task Data_and_NoEcho_are_sent_from_a_string_map()
    {
        await using var host = await HostAsync(create: (_, _) => ValueTask.FromResult(
            new CustomResourceResult("secret-1", new Dictionary<string, string> { ["Password"] = "hunter2", ["User"] = "admin" }) { NoEcho = true }));

        await host.InvokeAsync(Fixtures.Request(_server));

        var upload = await _server.SingleAsync();
        Assert.Equal("SUCCESS", upload.Status);
        Assert.True(upload.Json().GetProperty("NoEcho").GetBoolean());
        Assert.Equal("hunter2", upload.Json().GetProperty("Data").GetProperty("Password").GetString());
        Assert.Equal("admin", upload.Json().GetProperty("Data").GetProperty("User").GetString());
    }

    [Fact]
    public async Task Typed_data_is_written_through_its_JsonTypeInfo()
    {
        await using var host = await HostAsync(create: (_, _) => ValueTask.FromResult(
            CustomResourceResult.WithData("db-1", new Outputs("db.example.com", 5432), TriggerTestJson.Default.Outputs)));

        await host.InvokeAsync(Fixtures.Request(_server));

        var data = (await _server.SingleAsync()).Json().GetProperty("Data");
        Assert.Equal("db.example.com", data.GetProperty("Endpoint").GetString());
        Assert.Equal(5432, data.GetProperty("Port").GetInt32());
    }

    [Fact]
    public async Task Typed_data_that_is_not_an_object_is_answered_FAILED()
    {
        await using var host = await HostAsync(create: (_, _) => ValueTask.FromResult(
            CustomResourceResult.WithData("db-1", "just a string", TriggerTestJson.Default.String)));

        var result = await host.InvokeAsync(Fixtures.Request(_server));

        Assert.True(result.IsSuccess);
        var upload = await _server.SingleAsync();
        Assert.Equal("FAILED", upload.Status);
        Assert.Contains("must be a JSON object", upload.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_keeps_the_physical_id_and_binds_the_old_properties()
    {
        CustomResourceRequest<TestResourceProperties>? seen = null;
        await using var host = await HostAsync(update: (r, _) =>
        {
            seen = r;
            return ValueTask.FromResult(new CustomResourceResult());
        });

        var result = await host.InvokeAsync(Fixtures.Update(_server, "db-42"));

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        Assert.Equal("old-name", seen!.OldProperties!.StackName);
        Assert.Equal("stack-name", seen.Properties.StackName);
        Assert.Equal("db-42", seen.PhysicalResourceId);
        var upload = await _server.SingleAsync();
        Assert.Equal("SUCCESS", upload.Status);
        Assert.Equal("db-42", upload.PhysicalResourceId);
    }

    [Fact]
    public async Task Update_that_returns_a_new_physical_id_replaces_the_resource()
    {
        await using var host = await HostAsync(update: (_, _) => ValueTask.FromResult(new CustomResourceResult("db-43")));

        await host.InvokeAsync(Fixtures.Update(_server, "db-42"));

        Assert.Equal("db-43", (await _server.SingleAsync()).PhysicalResourceId);
    }

    [Fact]
    public async Task Delete_echoes_the_request_physical_id_whatever_the_handler_returns()
    {
        string? deleted = null;
        await using var host = await HostAsync(delete: (r, _) =>
        {
            deleted = r.PhysicalResourceId;
            return ValueTask.FromResult(new CustomResourceResult("something-else"));
        });

        var result = await host.InvokeAsync(Fixtures.Delete(_server, "db-42"));

        Assert.True(result.IsSuccess);
        Assert.Equal("db-42", deleted);
        var upload = await _server.SingleAsync();
        Assert.Equal("SUCCESS", upload.Status);
        Assert.Equal("db-42", upload.PhysicalResourceId);
    }

    [Fact]
    public async Task A_handler_that_throws_is_answered_FAILED_with_its_message_and_the_invocation_succeeds()
    {
        await using var host = await HostAsync(create: (_, _) => throw new InvalidOperationException("The quota for databases is used up."));

        var result = await host.InvokeAsync(Fixtures.Request(_server));

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        var upload = await _server.SingleAsync();
        Assert.Equal("FAILED", upload.Status);
        Assert.Contains("InvalidOperationException: The quota for databases is used up.", upload.Reason, StringComparison.Ordinal);
        Assert.Equal(
            CustomResourceDefaults.FailedCreatePhysicalResourceId("arn:{partition}:cloudformation:{region}:EXAMPLE/stack-name/guid", "MyTestResource", "unique id for this create request"),
            upload.PhysicalResourceId);
    }

    [Fact]
    public async Task A_failed_update_keeps_the_request_physical_id()
    {
        await using var host = await HostAsync(update: async (_, _) =>
        {
            await Task.Yield();
            throw new TimeoutException("The database did not answer.");
        });

        await host.InvokeAsync(Fixtures.Update(_server, "db-42"));

        var upload = await _server.SingleAsync();
        Assert.Equal("FAILED", upload.Status);
        Assert.Equal("db-42", upload.PhysicalResourceId);
        Assert.Contains("The database did not answer.", upload.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_delete_of_a_resource_whose_create_failed_succeeds_without_calling_the_handler()
    {
        var createFailed = CustomResourceDefaults.FailedCreatePhysicalResourceId("arn:{partition}:cloudformation:{region}:EXAMPLE/stack-name/guid", "MyTestResource", "the create");
        await using var host = await HostAsync();

        var result = await host.InvokeAsync(Fixtures.Delete(_server, createFailed));

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        var upload = await _server.SingleAsync();
        Assert.Equal("SUCCESS", upload.Status);
        Assert.Equal(createFailed, upload.PhysicalResourceId);
    }

    [Fact]
    public async Task A_physical_id_that_only_looks_like_a_failed_create_of_another_resource_is_deleted_by_the_handler()
    {
        var calls = 0;
        await using var host = await HostAsync(delete: (_, _) =>
        {
            calls++;
            return ValueTask.FromResult(new CustomResourceResult());
        });

        await host.InvokeAsync(Fixtures.Delete(_server, "OtherResource-create-failed-0123456789ab"));

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task A_handler_that_runs_past_its_reserve_is_answered_FAILED_before_the_deadline_and_only_once()
    {
        var finished = new TaskCompletionSource();
        await using var host = await HostAsync(
            create: async (_, _) =>
            {
                // Ignores its token, as a stuck call would. The reserve is 2 s so the FAILED upload has room on a loaded CI machine.
                await Task.Delay(TimeSpan.FromSeconds(4.5), CancellationToken.None);
                finished.SetResult();
                return new CustomResourceResult("too-late");
            },
            configure: o => o.ResponseReserve = TimeSpan.FromSeconds(2));
        var started = DateTimeOffset.UtcNow;
        var deadline = started + TimeSpan.FromSeconds(4);

        var result = await host.InvokeAsync(Fixtures.Request(_server), new TestInvocation { Timeout = TimeSpan.FromSeconds(4) });

        var upload = await _server.SingleAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("FAILED", upload.Status);
        Assert.Contains("did not finish in time", upload.Reason, StringComparison.Ordinal);
        Assert.True(upload.ReceivedAt < deadline, $"FAILED arrived {(upload.ReceivedAt - deadline).TotalMilliseconds} ms after the deadline");
        Assert.True(upload.ReceivedAt >= started + TimeSpan.FromSeconds(1.9), "FAILED was sent before the reserve");
        Assert.Equal(LambdaErrorTypes.Timeout, result.Error?.ErrorType);

        await finished.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(200);
        Assert.Single(_server.Received);
    }

    [Fact]
    public async Task A_handler_that_stops_on_its_token_is_answered_FAILED_and_the_invocation_succeeds()
    {
        await using var host = await HostAsync(
            create: async (_, ct) =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                return new CustomResourceResult();
            },
            configure: o => o.ResponseReserve = TimeSpan.FromSeconds(1));

        var result = await host.InvokeAsync(Fixtures.Request(_server), new TestInvocation { Timeout = TimeSpan.FromSeconds(1.5) });

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        var upload = await _server.SingleAsync();
        Assert.Equal("FAILED", upload.Status);
        Assert.Contains("did not finish in time", upload.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancellation_that_is_not_the_deadline_is_answered_FAILED_with_its_message()
    {
        await using var host = await HostAsync(create: (_, _) => throw new TaskCanceledException("The provider's API call timed out after 100 seconds."));

        var result = await host.InvokeAsync(Fixtures.Request(_server));

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        var upload = await _server.SingleAsync();
        Assert.Equal("FAILED", upload.Status);
        Assert.Contains("TaskCanceledException: The provider's API call timed out after 100 seconds.", upload.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_handler_that_returns_null_is_answered_FAILED()
    {
        await using var host = await HostAsync(create: (_, _) => ValueTask.FromResult<CustomResourceResult>(null!));

        await host.InvokeAsync(Fixtures.Request(_server));

        var upload = await _server.SingleAsync();
        Assert.Equal("FAILED", upload.Status);
        Assert.Contains("returned null instead of a CustomResourceResult", upload.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_handler_that_blocks_its_thread_cannot_hold_back_the_FAILED_answer()
    {
        await using var host = await HostAsync(
            create: (_, _) =>
            {
                Thread.Sleep(TimeSpan.FromSeconds(2));
                return ValueTask.FromResult(new CustomResourceResult());
            },
            configure: o => o.ResponseReserve = TimeSpan.FromSeconds(1));
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1.5);

        await host.InvokeAsync(Fixtures.Request(_server), new TestInvocation { Timeout = TimeSpan.FromSeconds(1.5) });

        var upload = await _server.SingleAsync();
        Assert.Equal("FAILED", upload.Status);
        Assert.True(upload.ReceivedAt < deadline);
    }

    [Fact]
    public async Task A_response_over_4096_bytes_is_answered_FAILED_with_its_size_and_the_handler_physical_id()
    {
        var data = Enumerable.Range(0, 100).ToDictionary(i => "Key" + i, _ => new string('x', 40));
        await using var host = await HostAsync(create: (_, _) => ValueTask.FromResult(new CustomResourceResult("db-big", data)));

        var result = await host.InvokeAsync(Fixtures.Request(_server));

        Assert.True(result.IsSuccess);
        var upload = await _server.SingleAsync();
        Assert.Equal("FAILED", upload.Status);
        Assert.Contains("over CloudFormation's limit of 4096 bytes", upload.Reason, StringComparison.Ordinal);
        Assert.Equal("db-big", upload.PhysicalResourceId);
        Assert.False(upload.Json().TryGetProperty("Data", out _));
        Assert.True(upload.Body.Length <= CustomResourceDefaults.MaxResponseBytes);
    }

    [Fact]
    public async Task A_response_of_exactly_4096_bytes_is_sent()
    {
        var body = 0;
        var filler = 3000;
        // Find the Data size that makes the body exactly 4096 bytes.
        for (var attempt = 0; attempt < 3 && body != 4096; attempt++)
        {
            await using var probe = await HostAsync(create: (_, _) => ValueTask.FromResult(new CustomResourceResult("p", new Dictionary<string, string> { ["K"] = new string('x', filler) })));
            var before = _server.Received.Count;
            await probe.InvokeAsync(Fixtures.Request(_server));
            var upload = _server.Received.Skip(before).Single();
            body = upload.Status == "SUCCESS" ? upload.Body.Length : -1;
            filler += 4096 - body;
        }

        Assert.Equal(4096, body);
    }

    [Fact]
    public async Task A_long_failure_reason_is_shortened_to_fit_the_limit()
    {
        await using var host = await HostAsync(create: (_, _) => throw new InvalidOperationException(new string('é', 5000)));

        await host.InvokeAsync(Fixtures.Request(_server));

        var upload = await _server.SingleAsync();
        Assert.Equal("FAILED", upload.Status);
        Assert.True(upload.Body.Length <= CustomResourceDefaults.MaxResponseBytes, $"{upload.Body.Length} bytes");
        Assert.EndsWith("...", upload.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_answered_500_is_retried()
    {
        _server.Answer(HttpStatusCode.InternalServerError, HttpStatusCode.ServiceUnavailable);
        await using var host = await HostAsync(create: (_, _) => ValueTask.FromResult(new CustomResourceResult("id")), configure: o => o.DeliveryRetryDelay = TimeSpan.FromMilliseconds(10));

        var result = await host.InvokeAsync(Fixtures.Request(_server));

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        Assert.Equal(3, _server.Received.Count);
        Assert.All(_server.Received, u => Assert.Equal("SUCCESS", u.Status));
    }

    [Fact]
    public async Task An_upload_that_never_succeeds_fails_the_invocation_with_a_clear_error()
    {
        _server.Answer(Enumerable.Repeat(HttpStatusCode.Forbidden, 10).ToArray());
        await using var host = await HostAsync(
            create: (_, _) => ValueTask.FromResult(new CustomResourceResult("id")),
            configure: o =>
            {
                o.MaxDeliveryAttempts = 3;
                o.DeliveryRetryDelay = TimeSpan.FromMilliseconds(10);
            });

        var result = await host.InvokeAsync(Fixtures.Request(_server));

        Assert.Equal(CustomResourceErrorTypes.ResponseNotDelivered, result.Error?.ErrorType);
        Assert.Contains("SUCCESS response", result.Error!.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("after 3 attempt(s)", result.Error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("403", result.Error.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("Signature", result.Error.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(3, _server.Received.Count);
    }

    [Fact]
    public async Task An_unreachable_response_url_fails_the_invocation_after_its_attempts()
    {
        await using var host = await HostAsync(
            create: (_, _) => ValueTask.FromResult(new CustomResourceResult("id")),
            configure: o =>
            {
                o.MaxDeliveryAttempts = 2;
                o.DeliveryRetryDelay = TimeSpan.FromMilliseconds(10);
            });
        var closed = _server.BaseUrl;
        await _server.DisposeAsync();

        var result = await host.InvokeAsync(Fixtures.Request(_server, change: n => n["ResponseURL"] = closed + "x"));

        Assert.Equal(CustomResourceErrorTypes.ResponseNotDelivered, result.Error?.ErrorType);
        Assert.Contains("after 2 attempt(s)", result.Error!.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_request_type_is_answered_FAILED_and_fails_as_an_invalid_event()
    {
        await using var host = await HostAsync();

        var result = await host.InvokeAsync(Fixtures.Request(_server, "Rename"));

        Assert.Equal(LambdaErrorTypes.InvalidEvent, result.Error?.ErrorType);
        Assert.Contains("'Rename'", result.Error!.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("Create, Update or Delete", result.Error.ErrorMessage, StringComparison.Ordinal);
        var upload = await _server.SingleAsync();
        Assert.Equal("FAILED", upload.Status);
        Assert.Contains("'Rename'", upload.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_type_of_the_wrong_JSON_type_is_still_answered_FAILED()
    {
        await using var host = await HostAsync();

        var result = await host.InvokeAsync(Fixtures.Request(_server, change: n => n["RequestType"] = 5));

        Assert.Equal(LambdaErrorTypes.InvalidEvent, result.Error?.ErrorType);
        Assert.Contains("$.RequestType", result.Error!.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("FAILED", (await _server.SingleAsync()).Status);
    }

    [Fact]
    public async Task Properties_that_do_not_bind_are_answered_FAILED_with_the_path()
    {
        await using var host = await HostAsync();

        var result = await host.InvokeAsync(Fixtures.Request(_server, change: n => n["ResourceProperties"]!["List"] = "not-a-list"));

        Assert.Equal(LambdaErrorTypes.InvalidEvent, result.Error?.ErrorType);
        Assert.Contains("$.ResourceProperties.List", result.Error!.ErrorMessage, StringComparison.Ordinal);
        var upload = await _server.SingleAsync();
        Assert.Equal("FAILED", upload.Status);
        Assert.Contains("$.ResourceProperties.List", upload.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Numbers_sent_as_strings_bind_where_the_type_allows_it()
    {
        int? size = null;
        await using var host = await HostAsync(create: (r, _) =>
        {
            size = r.Properties.Size;
            return ValueTask.FromResult(new CustomResourceResult());
        });

        await host.InvokeAsync(Fixtures.Request(_server, change: n => n["ResourceProperties"]!["Size"] = "20"));

        Assert.Equal(20, size);
    }

    [Fact]
    public async Task A_request_without_a_response_url_fails_as_an_invalid_event_and_sends_nothing()
    {
        await using var host = await HostAsync();

        var result = await host.InvokeAsync(Fixtures.Request(_server, change: n => n["ResponseURL"] = "not a url"));

        Assert.Equal(LambdaErrorTypes.InvalidEvent, result.Error?.ErrorType);
        Assert.Contains("ResponseURL", result.Error!.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(_server.Received);
    }

    [Fact]
    public async Task A_handler_class_is_resolved_from_the_invocation_scope()
    {
        lock (RecordingResource.Calls)
        {
            RecordingResource.Calls.Clear();
        }

        var builder = Fixtures.Builder();
        builder.Services.AddScoped<RecordingResource>();
        var app = builder.Build();
        app.MapCustomResource<TestResourceProperties, RecordingResource>(TriggerTestJson.Default.TestResourceProperties);
        await using var host = await LambdaTestHost.StartAsync(app);

        await host.InvokeAsync(Fixtures.Request(_server));
        await host.InvokeAsync(Fixtures.Update(_server, "db-stack-name"));
        await host.InvokeAsync(Fixtures.Delete(_server, "db-stack-name"));

        Assert.Equal(["Create:stack-name", "Update:old-name->stack-name", "Delete:db-stack-name"], RecordingResource.Calls);
        Assert.Equal(["db-stack-name", "db-stack-name", "db-stack-name"], _server.Received.Select(u => u.PhysicalResourceId));
        Assert.All(_server.Received, u => Assert.Equal("SUCCESS", u.Status));
    }

    [Fact]
    public async Task An_unregistered_handler_class_and_bad_options_are_init_problems()
    {
        var app = Fixtures.Builder().Build();
        app.MapCustomResource<TestResourceProperties, RecordingResource>(
            TriggerTestJson.Default.TestResourceProperties,
            o =>
            {
                o.MaxDeliveryAttempts = 0;
                o.ResponseReserve = TimeSpan.FromSeconds(-1);
            });

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => LambdaTestHost.StartAsync(app));

        Assert.Contains("RecordingResource is not registered", failure.Message, StringComparison.Ordinal);
        Assert.Contains("MaxDeliveryAttempts must be at least 1", failure.Message, StringComparison.Ordinal);
        Assert.Contains("ResponseReserve must not be negative", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_raw_form_gets_the_properties_as_sent()
    {
        JsonElement? properties = null;
        var app = Fixtures.Builder().Build();
        app.MapCustomResource(
            (r, _) =>
            {
                properties = r.Properties.Clone();
                return ValueTask.FromResult(new CustomResourceResult("raw"));
            },
            (_, _) => throw new InvalidOperationException(),
            (_, _) => throw new InvalidOperationException());
        await using var host = await LambdaTestHost.StartAsync(app);

        await host.InvokeAsync(Fixtures.Request(_server, change: n => n["ResourceProperties"]!["ServiceToken"] = "arn:aws:lambda:us-east-1:123456789012:function:f"));

        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:f", properties!.Value.GetProperty("ServiceToken").GetString());
        Assert.Equal(3, properties.Value.GetProperty("List").GetArrayLength());
        Assert.Equal("raw", (await _server.SingleAsync()).PhysicalResourceId);
    }

    [Fact]
    public async Task A_registered_keyed_HttpClient_is_used_for_the_upload()
    {
        using var counting = new CountingHandler();
        using var client = new HttpClient(counting);
        var builder = Fixtures.Builder();
        builder.Services.AddKeyedSingleton(CustomResourceDefaults.HttpClientServiceKey, client);
        var app = builder.Build();
        app.MapCustomResource(TriggerTestJson.Default.TestResourceProperties, (_, _) => ValueTask.FromResult(new CustomResourceResult("k")), Unexpected, Unexpected);
        await using var host = await LambdaTestHost.StartAsync(app);

        await host.InvokeAsync(Fixtures.Request(_server));

        Assert.Equal(1, counting.Count);
        Assert.Equal("k", (await _server.SingleAsync()).PhysicalResourceId);
    }

    [Fact]
    public async Task A_priming_invocation_runs_the_handler_but_uploads_nothing()
    {
        var calls = 0;
        var app = Fixtures.Builder().Build();
        app.MapCustomResource(
            TriggerTestJson.Default.TestResourceProperties,
            (_, _) =>
            {
                Interlocked.Increment(ref calls);
                return ValueTask.FromResult(new CustomResourceResult("primed"));
            },
            Unexpected,
            Unexpected);
        app.Prime(Fixtures.Request(_server));

        await using var host = await LambdaTestHost.StartAsync(app);

        Assert.Equal(1, calls);
        await Task.Delay(100);
        Assert.Empty(_server.Received);
    }

    [Fact]
    public async Task Other_events_are_not_taken()
    {
        var app = Fixtures.Builder().Build();
        app.MapCustomResource(TriggerTestJson.Default.TestResourceProperties, Unexpected, Unexpected, Unexpected);
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeFileAsync(Fixtures.Sample("secretsmanager", "secretsmanager-secret-rotation-event.json"));

        Assert.Equal(LambdaErrorTypes.NoHandler, result.Error?.ErrorType);
    }

    [Theory]
    [InlineData("""{"RequestType":"Create","ResponseURL":"https://x"}""", true)]
    [InlineData("""{"StackId":"s","ResourceProperties":{"RequestType":"x","ResponseURL":"y"},"ResponseURL":"https://x","RequestType":"Delete"}""", true)]
    [InlineData("""{"ResourceProperties":{"RequestType":"x","ResponseURL":"y"}}""", false)]
    [InlineData("""{"RequestType":"Create"}""", false)]
    [InlineData("""{"Records":[]}""", false)]
    [InlineData("""[1,2]""", false)]
    [InlineData("""not json""", false)]
    [InlineData("", false)]
    public void The_classifier_looks_at_top_level_properties_only(string json, bool expected)
    {
        var context = new InvocationContext("r", DateTimeOffset.UtcNow.AddMinutes(1), Encoding.UTF8.GetBytes(json));

        Assert.Equal(expected, context.Classify(CustomResourceClassifier.Instance));
    }

    [Fact]
    public void The_classifier_recognises_the_AWS_sample_without_allocating()
    {
        var payload = File.ReadAllBytes(Fixtures.Sample("cloudformation", "cfn-create-request.json"));
        var context = new InvocationContext("r", DateTimeOffset.UtcNow.AddMinutes(1), payload);
        Assert.True(context.Classify(CustomResourceClassifier.Instance));

        Assert.True(CustomResourceClassifier.Instance.Recognises(payload));
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            CustomResourceClassifier.Instance.Recognises(payload);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private sealed class CountingHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        public int Count { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Count++;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
