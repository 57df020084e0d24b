namespace Lambda.Toolkit.Local;

/// <summary>Help text and usage errors.</summary>
internal static class Usage
{
    public const string Text = """
        lambda-toolkit — run Lambda functions locally against a Runtime API emulator.

        Usage:
          lambda-toolkit invoke <function> --event <file.json> [options]
          lambda-toolkit serve <function> [--port 5050] [--format v1|v2|alb] [--timeout seconds] [--memory MB] [--trace]
          lambda-toolkit bench <A> [<B>] --event <file.json> [--runs 5] [--warm 200] [--timeline]
          lambda-toolkit simulate sqs|async|kinesis|dynamodb <function> --messages|--events|--records <file.jsonl> [options]
          lambda-toolkit poll sqs <function> --queue-url <url> [options]
          lambda-toolkit <command> --help

        <function>  a project directory or .csproj (built in Release first), a .dll, or an executable
                    such as a Native AOT bootstrap.

        Options for invoke:
          --event, -e <file>     the event to send (a leading UTF-8 byte-order mark is ignored); '-' reads stdin
          --invocation-type <t>  RequestResponse (default: prints the response) or Event (asynchronous: Lambda
                                 answers 202 with no body; the function still runs and its REPORT is printed)
          --timeout <seconds>    the function timeout, 1-900 (default 30)
          --init-timeout <s>     how long the function may take to ask for its first event (default 10, as Lambda)
          --memory <MB>          the memory size, 128-10240 (default 512): reported to the function and enforced;
                                 a process whose resident memory goes over it is stopped (Runtime.OutOfMemory)
          --name <name>          the function name (default: the project or file name)
          --env KEY=VALUE        an environment variable for the function (repeatable)
          --count <n>            invoke n times on the same process (warm invocations; default 1)
          --trace                X-Ray: each invocation gets a sampled trace header (a fresh Root, and the emulated
                                 function segment as Parent); the tool listens for the function's subsegments on a
                                 local UDP port (passed as AWS_XRAY_DAEMON_ADDRESS unless --env sets one) and prints
                                 the trace as a tree after the REPORT line (also for serve)

        serve answers real HTTP requests on 127.0.0.1 by turning each into an API Gateway (v1, v2) or
        ALB event for the function, one invocation at a time. When the function process dies, the next
        request starts a new one (a cold start, with Init Duration), as Lambda starts a new environment.

        bench runs A and B alternately: cold starts (init, first response, CPU time user + system of the function
        process at its first response, peak memory; median / min / max) and warm throughput, with B/A ratios.
          --timeline             set LAMBDA_TOOLKIT_INIT_TIMELINE=1 for the functions and print the median wall and
                                 CPU time of each init phase they report

        simulate plays Lambda's side of an event source on a virtual clock (waiting costs no real time; time spent
        in the function counts), then prints a fate table (each record: deliveries, outcome, why) and a one-line
        JSON summary (messages, processed, deadLettered, lost, ...). It takes --timeout, --memory, --name, --env.
          sqs    --messages <file.jsonl>   a body per line (a JSON string, or any JSON value) or an SQS message object
                 --fifo                    a FIFO queue: groups in order, a group blocked behind its in-flight message
                 --batch-size <n>          default 10; standard up to 10000 (over 10 needs --batch-window), FIFO 10
                 --batch-window <s>        MaximumBatchingWindowInSeconds, 0-300 (default 0; not with --fifo)
                 --visibility-timeout <s>  default 30; at least --timeout
                 --max-receive-count <n>   redrive to a dead-letter queue after n receives (default: no redrive)
                 --report-batch-item-failures on|off   default on: the toolkit's batch adapters answer with a
                                           partial batch response, which only works when the mapping has
                                           ReportBatchItemFailures; off shows what happens when it lacks it
                 --retention-period <s>    default 345600 (4 days)
          async  --events <file.jsonl>     one Event invocation a line
                 --max-retry-attempts <n>  0-2 (default 2: retries 1 then 2 minutes later)
                 --max-event-age <s>       60-21600 (default 21600, 6 hours)
                 --on-success <file>  --on-failure <file>  --dead-letter-queue <file>   simulated destinations (JSON lines)
          kinesis, dynamodb  --records <file.jsonl>   kinesis: data per line or {"data":base64,"partitionKey":..};
                                                   dynamodb: a stream record {"eventName":..,"dynamodb":{"Keys":..}}
                 --shards <n>              default 1; records go to shards by the hash of their key
                 --batch-size <n>          1-10000 (default 100)
                 --bisect-on-error         split a batch that failed with a function error and retry each half
                 --max-retry-attempts <n>  -1 (default: until the record expires) to 10000
                 --max-record-age <s>      -1 (default) or 60-604800
                 --on-failure <file>       simulated destination for skipped ranges (JSON lines)
                 --report-batch-item-failures on|off   default on (checkpoint at the lowest failed sequence number)
                 --retention-period <s>    default 86400 (24 hours)
                 --tumbling-window <s>     0-900 (default 0): windows with state and a final invocation each
                 --arrival-interval <s>    records arrive this far apart, in file order (default 0: all at once)
        simulate exits 1 when a record is lost (dropped by a rule with nowhere to go), 0 otherwise.
        poll sqs is an SQS event source mapping, locally: it long-polls a real queue (AWS, or a local server with
        --endpoint-url), invokes the function with Lambda's SQS event, one batch at a time, deletes what succeeded
        and leaves failures for redelivery. It prints a line per batch, the function's logs and REPORT lines, and a
        JSON summary when stopped (Ctrl+C or SIGTERM: the batch in flight finishes; no message is lost).
        Region and credentials come from the usual AWS environment (AWS_REGION, AWS_PROFILE, ...).
          --queue-url <url>              the queue (required)
          --endpoint-url <url>           an SQS-compatible server, such as local-aws-sqs or ElasticMQ
          --region <region>              the region (default: the AWS environment, or the queue URL's)
          --batch-size <n>               messages per batch, 1-10 (default 10); up to 10000 on a standard
                                         queue with a batch window
          --batch-window <seconds>       gather a batch for up to this long, 0-300 (default 0; not for FIFO)
          --report-batch-item-failures on|off   default on: honour a partial batch response, as the toolkit's
                                         batch adapters answer with one, which only works when the mapping has
                                         ReportBatchItemFailures; off shows what happens when it lacks it (a
                                         successful invocation deletes the whole batch, as on Lambda)
          --failed-visibility <seconds>  make failed messages visible again after this long (0: at once)
                                         instead of the queue's visibility timeout, which Lambda leaves
          --wait-time <seconds>          the long poll of each receive, 0-20 (default 20, as Lambda's)
          --timeout, --memory, --name, --env   as for invoke

        Lambda's limits are enforced: events and responses up to 6 MB (6,291,456 bytes) for RequestResponse,
        events up to 1 MB (1,048,576 bytes) for Event, timeout 1-900 s, memory 128-10240 MB, init 10 s.

        Prints the function's logs, the response (or error) and a REPORT line per invocation.
        Exit codes (every command): 0 success, 1 function error (also a response over the limit or out of
        memory), 2 usage (bad arguments, unreadable event, event over the limit, port in use), 3 init error,
        4 timeout (invocation or init), 5 process failure (not found, build failed, exited before answering),
        130 stopped by SIGINT (Ctrl+C), 143 stopped by SIGTERM.
        """;

    public static async Task<int> FailAsync(TextWriter error, string message)
    {
        await error.WriteLineAsync(message).ConfigureAwait(false);
        await error.WriteLineAsync("Run 'lambda-toolkit --help' for usage.").ConfigureAwait(false);
        return ExitCodes.Usage;
    }

    /// <summary>A usage error that needs no pointer to the help: one line, exit 2.</summary>
    public static async Task<int> FailOneLineAsync(TextWriter error, string message)
    {
        await error.WriteLineAsync(message).ConfigureAwait(false);
        return ExitCodes.Usage;
    }
}
