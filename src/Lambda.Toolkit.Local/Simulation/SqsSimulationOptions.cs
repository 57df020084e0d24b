using Lambda.Toolkit.Local.Commands;

namespace Lambda.Toolkit.Local.Simulation;

/// <summary>The simulated queue and event source mapping (<c>simulate sqs</c>); <see cref="SqsRules.Validate"/> checks them.</summary>
internal sealed class SqsSimulationOptions : ISimulatedSource
{
    /// <inheritdoc />
    public string InputOption => "--messages";

    /// <summary>The JSON-lines file of messages (<c>--messages</c>); required.</summary>
    public string InputPath { get; set; } = string.Empty;

    /// <summary>A FIFO queue (<c>--fifo</c>); default off.</summary>
    public bool Fifo { get; set; }

    /// <summary>Records per invocation (<c>--batch-size</c>); default <see cref="SqsRules.DefaultBatchSize"/>.</summary>
    public int BatchSize { get; set; } = SqsRules.DefaultBatchSize;

    /// <summary>MaximumBatchingWindowInSeconds (<c>--batch-window</c>); default 0.</summary>
    public TimeSpan BatchWindow { get; set; }

    /// <summary>The queue's visibility timeout (<c>--visibility-timeout</c>); default <see cref="SqsRules.DefaultVisibilityTimeout"/>.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = SqsRules.DefaultVisibilityTimeout;

    /// <summary>The redrive policy's maxReceiveCount (<c>--max-receive-count</c>); default none (no dead-letter queue).</summary>
    public int? MaxReceiveCount { get; set; }

    /// <summary>
    /// ReportBatchItemFailures (<c>--report-batch-item-failures on|off</c>); default on, as the toolkit's batch
    /// adapters answer with partial batch responses (Lambda's own default is off: set it in the template too).
    /// </summary>
    public bool ReportBatchItemFailures { get; set; } = true;

    /// <summary>The queue's message retention period (<c>--retention-period</c>); default <see cref="SqsRules.DefaultRetention"/>.</summary>
    public TimeSpan Retention { get; set; } = SqsRules.DefaultRetention;

    /// <inheritdoc />
    public bool TryParse(string option, Func<string> value)
    {
        switch (option)
        {
            case "--messages":
                InputPath = value();
                return true;
            case "--fifo":
                Fifo = true;
                return true;
            case "--batch-size":
                BatchSize = OptionValues.Integer(option, value());
                return true;
            case "--batch-window":
                BatchWindow = OptionValues.Seconds(option, value());
                return true;
            case "--visibility-timeout":
                VisibilityTimeout = OptionValues.Seconds(option, value());
                return true;
            case "--max-receive-count":
                MaxReceiveCount = OptionValues.Integer(option, value());
                return true;
            case "--report-batch-item-failures":
                ReportBatchItemFailures = OptionValues.Switch(option, value());
                return true;
            case "--retention-period":
                Retention = OptionValues.Seconds(option, value());
                return true;
            default:
                return false;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Validate(TimeSpan functionTimeout) => SqsRules.Validate(this, functionTimeout);

    /// <inheritdoc />
    public SimulationRun Prepare(string input, string inputName, string functionName)
    {
        var messages = SqsMessageFile.Parse(input, inputName);
        return async (function, clock, log, cancellationToken) =>
        {
            var simulation = new SqsSimulation(this, function, clock, functionName + "-queue", log);
            var fates = await simulation.RunAsync(messages, cancellationToken).ConfigureAwait(false);
            return (fates, simulation.Invocations);
        };
    }
}
