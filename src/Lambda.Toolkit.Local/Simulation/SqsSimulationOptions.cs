using Lambda.Toolkit.Local.Commands;

namespace Lambda.Toolkit.Local.Simulation;

/// <summary>The simulated queue and event source mapping (<c>simulate sqs</c>); <see cref="SqsRules.Validate"/> checks them.</summary>
internal sealed class SqsSimulationOptions() : BatchSourceOptions("--messages", SqsRules.DefaultBatchSize, SqsRules.DefaultRetention)
{
    /// <summary>A FIFO queue (<c>--fifo</c>); default off.</summary>
    public bool Fifo { get; set; }

    /// <summary>MaximumBatchingWindowInSeconds (<c>--batch-window</c>); default 0.</summary>
    public TimeSpan BatchWindow { get; set; }

    /// <summary>The queue's visibility timeout (<c>--visibility-timeout</c>); default <see cref="SqsRules.DefaultVisibilityTimeout"/>.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = SqsRules.DefaultVisibilityTimeout;

    /// <summary>The redrive policy's maxReceiveCount (<c>--max-receive-count</c>); default none (no dead-letter queue).</summary>
    public int? MaxReceiveCount { get; set; }

    /// <inheritdoc />
    protected override bool TryParseOwn(string option, Func<string> value)
    {
        switch (option)
        {
            case "--fifo":
                Fifo = true;
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
            default:
                return false;
        }
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> Validate(TimeSpan functionTimeout) => SqsRules.Validate(this, functionTimeout);

    /// <inheritdoc />
    public override SimulationRun Prepare(string input, string inputName, string functionName)
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
