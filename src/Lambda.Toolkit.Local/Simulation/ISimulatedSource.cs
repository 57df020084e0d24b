namespace Lambda.Toolkit.Local.Simulation;

/// <summary>Runs a prepared simulation against a function on a clock, logging to the writer; returns each record's fate and the invocation count.</summary>
internal delegate Task<(IReadOnlyList<RecordFate> Fates, int Invocations)> SimulationRun(IFunctionInvoker function, SimulatedClock clock, TextWriter log, CancellationToken cancellationToken);

/// <summary>A simulated event source: its own options on the command line, their validation, and its engine.</summary>
internal interface ISimulatedSource
{
    /// <summary>The option that names the input file (<c>--messages</c>, <c>--events</c>).</summary>
    string InputOption { get; }

    /// <summary>The input file, or empty when not given.</summary>
    string InputPath { get; }

    /// <summary>Reads one of the source's options; <see langword="false"/> when the option is not the source's.</summary>
    /// <exception cref="FormatException">The value is not valid for the option.</exception>
    bool TryParse(string option, Func<string> value);

    /// <summary>Every problem with the options, given the function's timeout.</summary>
    IReadOnlyList<string> Validate(TimeSpan functionTimeout);

    /// <summary>Parses the input (named <paramref name="inputName"/> in errors) and returns the run.</summary>
    /// <exception cref="FormatException">A line of the input is malformed; the message names it.</exception>
    SimulationRun Prepare(string input, string inputName, string functionName);
}
