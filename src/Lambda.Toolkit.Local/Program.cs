using System.Runtime.InteropServices;
using Lambda.Toolkit.Local.Commands;

namespace Lambda.Toolkit.Local;

/// <summary>The <c>lambda-toolkit</c> command line.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await Console.Out.WriteLineAsync(Usage.Text).ConfigureAwait(false);
            return args.Length == 0 ? ExitCodes.Usage : ExitCodes.Success;
        }

        // SIGINT (Ctrl+C) and SIGTERM (kill, timeout, a container stop) cancel the command, which stops the function
        // process before it returns; the exit code then says which signal stopped the tool (130 or 143).
        using var cancel = new CancellationTokenSource();
        var stoppedBy = 0;
        void Stop(PosixSignalContext context)
        {
            // A second signal while the first is being handled is not cancelled: the runtime's default ends the tool at once.
            context.Cancel = Interlocked.CompareExchange(ref stoppedBy, context.Signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Cancelled, 0) == 0;
            try
            {
                cancel.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The command has already ended.
            }
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        var exitCode = args[0] switch
        {
            "invoke" => await InvokeCommand.RunAsync(args[1..], Console.Out, Console.Error, cancel.Token).ConfigureAwait(false),
            "bench" => await BenchCommand.RunAsync(args[1..], Console.Out, Console.Error, cancel.Token).ConfigureAwait(false),
            "serve" => await ServeCommand.RunAsync(args[1..], Console.Out, Console.Error, cancel.Token).ConfigureAwait(false),
            "simulate" => await SimulateCommand.RunAsync(args[1..], Console.Out, Console.Error, cancel.Token).ConfigureAwait(false),
            "poll" => await PollSqsCommand.RunAsync(args[1..], Console.Out, Console.Error, cancel.Token).ConfigureAwait(false),
            _ => await Usage.FailAsync(Console.Error, $"Unknown command '{args[0]}'.").ConfigureAwait(false),
        };
        return exitCode == ExitCodes.Cancelled && Volatile.Read(ref stoppedBy) != 0 ? Volatile.Read(ref stoppedBy) : exitCode;
    }
}
