namespace Lambda.Toolkit.Local;

/// <summary>Help text and usage errors.</summary>
internal static class Usage
{
    public const string Text = """
        lambda-toolkit — run Lambda functions locally against a Runtime API emulator.

        Usage:
          lambda-toolkit invoke <function> --event <file.json> [options]
          lambda-toolkit serve <function> [--port 5050] [--format v1|v2|alb] [--timeout seconds]
          lambda-toolkit bench <A> [<B>] --event <file.json> [--runs 5] [--warm 200]

        <function>  a project directory or .csproj (built in Release first), a .dll, or an executable
                    such as a Native AOT bootstrap.

        Options for invoke:
          --event, -e <file>     the event to send (a leading UTF-8 byte-order mark is ignored); '-' reads stdin
          --timeout <seconds>    the function timeout (default 30)
          --init-timeout <s>     how long the function may take to ask for its first event (default 10, as Lambda)
          --memory <MB>          the memory size reported to the function (default 128)
          --name <name>          the function name (default: the project or file name)
          --env KEY=VALUE        an environment variable for the function (repeatable)
          --count <n>            invoke n times on the same process (warm invocations; default 1)

        serve answers real HTTP requests on 127.0.0.1 by turning each into an API Gateway (v1, v2) or
        ALB event for the function, one invocation at a time.

        Prints the function's logs, the response (or error) and a REPORT line per invocation.
        Exit codes: 0 success, 1 function error, 2 usage, 3 init error, 4 timeout (invocation or init),
        5 process failure (not found, build failed, exited before answering), 130 cancelled (Ctrl+C).
        """;

    public static async Task<int> FailAsync(TextWriter error, string message)
    {
        await error.WriteLineAsync(message).ConfigureAwait(false);
        await error.WriteLineAsync("Run 'lambda-toolkit --help' for usage.").ConfigureAwait(false);
        return ExitCodes.Usage;
    }
}
