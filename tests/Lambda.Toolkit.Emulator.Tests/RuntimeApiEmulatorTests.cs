using Lambda.Toolkit.Testing;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace Lambda.Toolkit.Emulator.Tests;

/// <summary>The emulator's protocol, driven by a plain HttpClient playing the function.</summary>
public sealed class RuntimeApiEmulatorTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private RuntimeApiEmulator _emulator = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _emulator = await RuntimeApiEmulator.StartAsync(new RuntimeApiEmulatorOptions { FunctionName = "emu", MaxResponseSize = 1024 });
        _http = new HttpClient { BaseAddress = new Uri($"http://{_emulator.RuntimeApiAddress}/2018-06-01/runtime/"), Timeout = Wait };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    private static string Header(HttpResponseMessage response, string name) => response.Headers.GetValues(name).Single();

    [Fact]
    public async Task Next_hands_out_the_event_with_the_runtime_headers_and_a_response_completes_it()
    {
        var invocation = _emulator.InvokeAsync("""{"n":1}"""u8.ToArray(), new TestInvocation { RequestId = "id-1", ClientContext = "{\"c\":1}", CognitoIdentity = "{\"i\":2}", Timeout = TimeSpan.FromSeconds(10) });

        using var next = await _http.GetAsync("invocation/next");
        var before = DateTimeOffset.UtcNow;

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal("""{"n":1}""", await next.Content.ReadAsStringAsync());
        Assert.Equal("id-1", Header(next, "Lambda-Runtime-Aws-Request-Id"));
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:emu", Header(next, "Lambda-Runtime-Invoked-Function-Arn"));
        Assert.StartsWith("Root=1-", Header(next, "Lambda-Runtime-Trace-Id"));
        Assert.Equal("{\"c\":1}", Header(next, "Lambda-Runtime-Client-Context"));
        Assert.Equal("{\"i\":2}", Header(next, "Lambda-Runtime-Cognito-Identity"));
        var deadline = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(Header(next, "Lambda-Runtime-Deadline-Ms")));
        Assert.InRange(deadline - before, TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(10.5));

        using var posted = await _http.PostAsync("invocation/id-1/response", new StringContent("""{"ok":true}"""));
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var result = await invocation.WaitAsync(Wait);
        Assert.True(result.IsSuccess);
        Assert.Equal("""{"ok":true}""", result.BodyText);
        Assert.Equal("id-1", result.RequestId);
        Assert.True(result.Duration >= TimeSpan.Zero);
    }

    [Fact]
    public async Task Error_post_is_captured_with_its_error_type_header()
    {
        var invocation = _emulator.InvokeAsync("{}"u8.ToArray(), new TestInvocation { RequestId = "id-2" });
        using (await _http.GetAsync("invocation/next"))
        {
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "invocation/id-2/error")
        {
            Content = new StringContent("""{"errorType":"Body.Type","errorMessage":"it broke","stackTrace":[]}"""),
        };
        request.Headers.Add("Lambda-Runtime-Function-Error-Type", "Header.Type");
        using var posted = await _http.SendAsync(request);
        var result = await invocation.WaitAsync(Wait);

        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        Assert.Equal(EmulatedInvocationStatus.Error, result.Status);
        Assert.Equal("Header.Type", result.ErrorType);
        Assert.Equal("it broke", result.ErrorMessage);
        using var body = JsonDocument.Parse(result.Body);
        Assert.Equal("Body.Type", body.RootElement.GetProperty("errorType").GetString());
    }

    [Fact]
    public async Task Unknown_request_id_is_a_400()
    {
        using var posted = await _http.PostAsync("invocation/nope/response", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains("InvalidRequestID", await posted.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Oversized_response_is_a_413_and_fails_the_invocation()
    {
        var invocation = _emulator.InvokeAsync("{}"u8.ToArray(), new TestInvocation { RequestId = "big" });
        using (await _http.GetAsync("invocation/next"))
        {
        }

        using var posted = await _http.PostAsync("invocation/big/response", new ByteArrayContent(new byte[1025]));
        var result = await invocation.WaitAsync(Wait);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, posted.StatusCode);
        Assert.Equal(EmulatedInvocationStatus.Error, result.Status);
        Assert.Equal("RequestEntityTooLarge", result.ErrorType);
    }

    [Fact]
    public async Task Deadlines_timeouts_and_durations_run_on_the_configured_clock()
    {
        var start = DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var time = new FakeTimeProvider(start);
        await using var emulator = await RuntimeApiEmulator.StartAsync(new RuntimeApiEmulatorOptions { TimeProvider = time, Timeout = TimeSpan.FromMinutes(15) });
        using var http = new HttpClient { BaseAddress = new Uri($"http://{emulator.RuntimeApiAddress}/2018-06-01/runtime/"), Timeout = Wait };

        var invocation = emulator.InvokeAsync("{}"u8.ToArray(), new TestInvocation { RequestId = "slow" });
        using (var next = await http.GetAsync("invocation/next"))
        {
            Assert.Equal(start.AddMinutes(15).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), Header(next, "Lambda-Runtime-Deadline-Ms"));
        }

        Assert.Equal(start, await emulator.FirstNextRequested.WaitAsync(Wait));
        time.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        await Task.Delay(50);
        Assert.False(invocation.IsCompleted); // a second before the deadline
        time.Advance(TimeSpan.FromSeconds(2));
        var result = await invocation.WaitAsync(Wait); // fifteen minutes of the wall clock were never waited for

        Assert.Equal(EmulatedInvocationStatus.Timeout, result.Status);
        Assert.Equal("Task timed out after 900.00 seconds", result.BodyText);
        Assert.Equal(start, result.DispatchedAt);
        Assert.Equal(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1), result.Duration);
    }

    [Fact]
    public async Task Unanswered_invocation_times_out_and_a_late_answer_is_refused()
    {
        var invocation = _emulator.InvokeAsync("{}"u8.ToArray(), new TestInvocation { RequestId = "slow", Timeout = TimeSpan.FromMilliseconds(300) });
        using (await _http.GetAsync("invocation/next"))
        {
        }

        var result = await invocation.WaitAsync(Wait);
        using var late = await _http.PostAsync("invocation/slow/response", new StringContent("{}"));

        Assert.Equal(EmulatedInvocationStatus.Timeout, result.Status);
        Assert.Equal("Task timed out after 0.30 seconds", result.BodyText);
        Assert.True(result.Duration >= TimeSpan.FromMilliseconds(300), $"{result.Duration} is shorter than the timeout");
        Assert.Equal("Sandbox.Timedout", result.ErrorType);
        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
    }

    [Fact]
    public async Task Init_error_is_captured_and_ends_waiting_invocations()
    {
        var invocation = _emulator.InvokeAsync("{}"u8.ToArray());
        using var request = new HttpRequestMessage(HttpMethod.Post, "init/error") { Content = new StringContent("""{"errorType":"Init.Bad","errorMessage":"no config"}""") };
        request.Headers.Add("Lambda-Runtime-Function-Error-Type", "Init.Bad");

        using var posted = await _http.SendAsync(request);
        var error = await _emulator.InitError.WaitAsync(Wait);
        var result = await invocation.WaitAsync(Wait);

        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        Assert.Equal(new EmulatedError("Init.Bad", "no config", """{"errorType":"Init.Bad","errorMessage":"no config"}"""), error);
        Assert.Equal(EmulatedInvocationStatus.InitError, result.Status);
    }

    [Fact]
    public async Task Concurrent_next_calls_each_get_their_own_event()
    {
        var nexts = Enumerable.Range(0, 3).Select(_ => _http.GetAsync("invocation/next")).ToArray();
        var invocations = Enumerable.Range(0, 3).Select(i => _emulator.InvokeAsync(Encoding.UTF8.GetBytes($"{{\"n\":{i}}}"), new TestInvocation { RequestId = $"c-{i}" })).ToArray();

        var responses = await Task.WhenAll(nexts).WaitAsync(Wait);
        var ids = responses.Select(r => Header(r, "Lambda-Runtime-Aws-Request-Id")).OrderBy(id => id).ToArray();
        foreach (var id in ids)
        {
            using var _ = await _http.PostAsync($"invocation/{id}/response", new StringContent($"\"{id}\""));
        }

        var results = await Task.WhenAll(invocations).WaitAsync(Wait);
        Assert.Equal(["c-0", "c-1", "c-2"], ids);
        Assert.All(results, r => Assert.Equal($"\"{r.RequestId}\"", r.BodyText));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Injected_faults_fail_or_abort_the_next_requests()
    {
        _emulator.Faults.FailNext(1, 503);
        _emulator.Faults.AbortNext(1);

        using var failed = await _http.GetAsync("restore/next");
        await Assert.ThrowsAsync<HttpRequestException>(() => _http.GetAsync("restore/next"));
        using var ok = await _http.GetAsync("restore/next");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.True(_emulator.RestoreNextRequested.IsCompleted);
    }

    [Fact]
    public async Task Optional_headers_are_absent_and_given_values_are_passed_through()
    {
        var invocation = _emulator.InvokeAsync("{}"u8.ToArray(), new TestInvocation { RequestId = "plain", TraceId = "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1", InvokedFunctionArn = "arn:aws:lambda:eu-west-1:111122223333:function:emu:live" });

        using var next = await _http.GetAsync("invocation/next");
        using var posted = await _http.PostAsync("invocation/plain/response", new StringContent("null"));
        await invocation.WaitAsync(Wait);

        Assert.False(next.Headers.Contains("Lambda-Runtime-Client-Context"));
        Assert.False(next.Headers.Contains("Lambda-Runtime-Cognito-Identity"));
        Assert.Equal("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1", Header(next, "Lambda-Runtime-Trace-Id"));
        Assert.Equal("arn:aws:lambda:eu-west-1:111122223333:function:emu:live", Header(next, "Lambda-Runtime-Invoked-Function-Arn"));
    }

    [Fact]
    public async Task Error_type_falls_back_to_the_body_without_the_header()
    {
        var invocation = _emulator.InvokeAsync("{}"u8.ToArray(), new TestInvocation { RequestId = "no-header" });
        using (await _http.GetAsync("invocation/next"))
        {
        }

        using var posted = await _http.PostAsync("invocation/no-header/error", new StringContent("""{"errorType":"Body.Only","errorMessage":"m"}"""));
        var result = await invocation.WaitAsync(Wait);

        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        Assert.Equal("Body.Only", result.ErrorType);
        Assert.Equal("m", result.ErrorMessage);
    }

    [Fact]
    public async Task A_second_answer_for_the_same_invocation_is_refused()
    {
        var invocation = _emulator.InvokeAsync("{}"u8.ToArray(), new TestInvocation { RequestId = "twice" });
        using (await _http.GetAsync("invocation/next"))
        {
        }

        using var first = await _http.PostAsync("invocation/twice/response", new StringContent("1"));
        using var second = await _http.PostAsync("invocation/twice/error", new StringContent("{}"));
        var result = await invocation.WaitAsync(Wait);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.True(result.IsSuccess);
        Assert.Equal("1", result.BodyText);
    }

    [Fact]
    public async Task With_HoldRestore_restore_next_waits_until_the_snapshot_is_resumed()
    {
        await using var emulator = await RuntimeApiEmulator.StartAsync(new RuntimeApiEmulatorOptions { HoldRestore = true });
        using var http = new HttpClient { BaseAddress = new Uri($"http://{emulator.RuntimeApiAddress}/2018-06-01/runtime/"), Timeout = Wait };

        var restore = http.GetAsync("restore/next");
        await emulator.RestoreNextRequested.WaitAsync(Wait);
        // Held: not answered within a window in which an unheld answer arrives many times over.
        Assert.NotSame(restore, await Task.WhenAny(restore, Task.Delay(TimeSpan.FromMilliseconds(300))));

        emulator.Restore();
        using var resumed = await restore.WaitAsync(Wait);
        using var again = await http.GetAsync("restore/next");

        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Restore_error_is_captured()
    {
        using var restore = await _http.GetAsync("restore/next");
        using var request = new HttpRequestMessage(HttpMethod.Post, "restore/error") { Content = new StringContent("""{"errorType":"Restore.Failed","errorMessage":"stale credentials"}""") };
        request.Headers.Add("Lambda-Runtime-Function-Error-Type", "Runtime.AfterRestoreError");
        using var posted = await _http.SendAsync(request);
        var error = await _emulator.RestoreError.WaitAsync(Wait);

        Assert.Equal(HttpStatusCode.OK, restore.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        Assert.Equal("Runtime.AfterRestoreError", error.ErrorType);
        Assert.Equal("stale credentials", error.ErrorMessage);
    }

    [Fact]
    public async Task First_next_is_reported_when_the_function_asks_for_an_event()
    {
        Assert.False(_emulator.FirstNextRequested.IsCompleted);
        var before = DateTimeOffset.UtcNow;
        var next = _http.GetAsync("invocation/next");

        var at = await _emulator.FirstNextRequested.WaitAsync(Wait);
        var invocation = _emulator.InvokeAsync("{}"u8.ToArray(), new TestInvocation { RequestId = "first" });
        using (await next.WaitAsync(Wait))
        {
        }

        using var posted = await _http.PostAsync("invocation/first/response", new StringContent("{}"));
        var result = await invocation.WaitAsync(Wait);

        Assert.InRange(at, before, DateTimeOffset.UtcNow);
        Assert.NotNull(result.DispatchedAt);
        Assert.True(result.DispatchedAt >= at);
        Assert.True(result.CompletedAt >= result.DispatchedAt);
    }

    [Fact]
    public async Task Disposing_ends_waiting_invocations_and_refuses_new_ones()
    {
        var emulator = await RuntimeApiEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://{emulator.RuntimeApiAddress}/2018-06-01/runtime/"), Timeout = Wait };
        var inFlight = emulator.InvokeAsync("{}"u8.ToArray());
        using (await http.GetAsync("invocation/next"))
        {
        }

        var queued = emulator.InvokeAsync("{}"u8.ToArray());
        await emulator.DisposeAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued.WaitAsync(Wait));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => inFlight.WaitAsync(Wait));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => emulator.InvokeAsync("{}"u8.ToArray()));
    }

    [Fact]
    public async Task The_default_limit_accepts_6_MB_and_refuses_one_byte_more()
    {
        await using var emulator = await RuntimeApiEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://{emulator.RuntimeApiAddress}/2018-06-01/runtime/"), Timeout = Wait };

        async Task<(HttpStatusCode Status, EmulatedInvocationResult Result)> Answer(string id, int size)
        {
            var invocation = emulator.InvokeAsync("{}"u8.ToArray(), new TestInvocation { RequestId = id });
            using (await http.GetAsync("invocation/next"))
            {
            }

            using var posted = await http.PostAsync($"invocation/{id}/response", new ByteArrayContent(new byte[size]));
            return (posted.StatusCode, await invocation.WaitAsync(Wait));
        }

        var (fits, fitsResult) = await Answer("fits", 6_291_456);
        var (tooBig, tooBigResult) = await Answer("too-big", 6_291_457);

        Assert.Equal(6_291_456, emulator.Options.MaxResponseSize);
        Assert.Equal(HttpStatusCode.Accepted, fits);
        Assert.True(fitsResult.IsSuccess);
        Assert.Equal(6_291_456, fitsResult.Body.Length);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig);
        Assert.Equal(EmulatedInvocationStatus.Error, tooBigResult.Status);
        Assert.Contains("6291456", tooBigResult.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_paths_are_404()
    {
        using var response = await _http.GetAsync("invocation/later");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
