using Lambda.Toolkit.Local.Commands;

namespace Lambda.Toolkit.Local.Simulation;

/// <summary>
/// What the simulated sources with an event source mapping share (<c>simulate sqs|kinesis|dynamodb</c>): the input
/// file, the mapping's <c>BatchSize</c> and <c>ReportBatchItemFailures</c>, and the source's retention period, each
/// read the same way; a source adds its own options in <see cref="TryParseOwn"/>.
/// </summary>
/// <param name="inputOption">The option that names the input file (<c>--messages</c>, <c>--records</c>).</param>
/// <param name="defaultBatchSize">The source's default <c>BatchSize</c>.</param>
/// <param name="defaultRetention">The source's default retention period.</param>
internal abstract class BatchSourceOptions(string inputOption, int defaultBatchSize, TimeSpan defaultRetention) : ISimulatedSource
{
    /// <summary>
    /// <c>ReportBatchItemFailures</c> is on by default (<c>simulate</c> and <c>poll sqs</c> alike): the toolkit's batch
    /// adapters always answer with a partial batch response, which only works when the mapping has it; Lambda's own
    /// default is off, and <c>--report-batch-item-failures off</c> shows what happens when the mapping lacks it.
    /// </summary>
    public const bool DefaultReportBatchItemFailures = true;

    /// <inheritdoc />
    public string InputOption { get; } = inputOption;

    /// <summary>The JSON-lines input file (<see cref="InputOption"/>); required, so empty by default.</summary>
    public string InputPath { get; set; } = string.Empty;

    /// <summary>Records per invocation (<c>--batch-size</c>); default the source's (SQS 10, streams 100).</summary>
    public int BatchSize { get; set; } = defaultBatchSize;

    /// <summary>ReportBatchItemFailures (<c>--report-batch-item-failures on|off</c>); default <see cref="DefaultReportBatchItemFailures"/> (on).</summary>
    public bool ReportBatchItemFailures { get; set; } = DefaultReportBatchItemFailures;

    /// <summary>The queue's or stream's retention period (<c>--retention-period</c>); default the source's (SQS 4 days, streams 24 hours).</summary>
    public TimeSpan Retention { get; set; } = defaultRetention;

    /// <inheritdoc />
    public bool TryParse(string option, Func<string> value)
    {
        switch (option)
        {
            case var input when input == InputOption:
                InputPath = value();
                return true;
            case "--batch-size":
                BatchSize = OptionValues.Integer(option, value());
                return true;
            case "--report-batch-item-failures":
                ReportBatchItemFailures = OptionValues.Switch(option, value());
                return true;
            case "--retention-period":
                Retention = OptionValues.Seconds(option, value());
                return true;
            default:
                return TryParseOwn(option, value);
        }
    }

    /// <inheritdoc />
    public abstract IReadOnlyList<string> Validate(TimeSpan functionTimeout);

    /// <inheritdoc />
    public abstract SimulationRun Prepare(string input, string inputName, string functionName);

    /// <summary>Reads one of the source's own options; <see langword="false"/> when it is not one.</summary>
    /// <param name="option">The option.</param>
    /// <param name="value">Reads the option's value.</param>
    /// <exception cref="FormatException">The value is not valid for the option.</exception>
    protected abstract bool TryParseOwn(string option, Func<string> value);
}
