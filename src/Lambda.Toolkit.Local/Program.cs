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

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        return args[0] switch
        {
            "invoke" => await InvokeCommand.RunAsync(args[1..], Console.Out, Console.Error, cancel.Token).ConfigureAwait(false),
            "bench" => await BenchCommand.RunAsync(args[1..], Console.Out, Console.Error, cancel.Token).ConfigureAwait(false),
            "serve" => await ServeCommand.RunAsync(args[1..], Console.Out, Console.Error, cancel.Token).ConfigureAwait(false),
            _ => await Usage.FailAsync(Console.Error, $"Unknown command '{args[0]}'.").ConfigureAwait(false),
        };
    }
}
