using System.Text;
using Lambda.Toolkit.Emulator;
using Lambda.Toolkit.Local.Simulation;

namespace Lambda.Toolkit.Local.Commands;

/// <summary>
/// <c>lambda-toolkit simulate sqs|async|kinesis|dynamodb</c>: runs the function as its own process behind the Runtime API emulator
/// and plays the invoking service's side (the rules in <see cref="Simulation"/>) on a virtual clock, then prints a
/// fate table and a one-line JSON summary.
/// </summary>
internal static class SimulateCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h")
        {
            await stdout.WriteLineAsync(Usage.Text).ConfigureAwait(false);
            return args.Length == 0 ? ExitCodes.Usage : ExitCodes.Success;
        }

        var source = args[0];
        ISimulatedSource? simulated = source switch
        {
            "sqs" => new SqsSimulationOptions(),
            "async" => new AsyncSimulationOptions(),
            "kinesis" => new StreamSimulationOptions(new KinesisStreamFormat()),
            "dynamodb" => new StreamSimulationOptions(new DynamoDbStreamFormat()),
            _ => null,
        };
        if (simulated is null)
        {
            return await Usage.FailAsync(stderr, $"Unknown source '{source}' for simulate: use sqs, async, kinesis or dynamodb.").ConfigureAwait(false);
        }

        var (arguments, problem) = SimulationArguments.Parse(args[1..], source, simulated);
        if (problem is not null)
        {
            return await Usage.FailAsync(stderr, problem).ConfigureAwait(false);
        }

        if (arguments!.ShowHelp)
        {
            await stdout.WriteLineAsync(Usage.Text).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        string input;
        try
        {
            input = await File.ReadAllTextAsync(arguments.InputPath, Encoding.UTF8, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return await Usage.FailOneLineAsync(stderr, $"The file {arguments.InputPath} cannot be read: {ex.Message}").ConfigureAwait(false);
        }

        var name = arguments.FunctionName;
        SimulationRun run;
        try
        {
            run = arguments.Source.Prepare(input, arguments.InputPath, name);
        }
        catch (FormatException ex)
        {
            return await Usage.FailOneLineAsync(stderr, ex.Message).ConfigureAwait(false);
        }

        var output = TextWriter.Synchronized(stdout);
        var errors = TextWriter.Synchronized(stderr);
        try
        {
            await using var emulator = await RuntimeApiEmulator.StartAsync(new RuntimeApiEmulatorOptions { FunctionName = name, Timeout = arguments.Timeout }, cancellationToken).ConfigureAwait(false);
            await using var function = new LocalFunction(emulator, arguments.Function, arguments.MemorySizeMb, output, errors, arguments.Environment);
            var clock = new SimulatedClock(DateTimeOffset.UtcNow);
            var (fates, invocations) = await run(new ProcessFunctionInvoker(emulator, function), clock, errors, cancellationToken).ConfigureAwait(false);
            if (!cancellationToken.IsCancellationRequested)
            {
                await function.StopAsync().ConfigureAwait(false);
            }

            await SimulationReport.WriteAsync(output, source, fates, invocations, function.Environments, clock.Elapsed).ConfigureAwait(false);
            if (cancellationToken.IsCancellationRequested)
            {
                await errors.WriteLineAsync("[lambda-toolkit] Cancelled: records without an outcome are listed as pending.").ConfigureAwait(false);
                return ExitCodes.Cancelled;
            }

            return SimulationReport.ExitCode(fates);
        }
        catch (SimulationAbortedException ex)
        {
            await errors.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return ex.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await errors.WriteLineAsync("[lambda-toolkit] Cancelled.").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
    }
}
