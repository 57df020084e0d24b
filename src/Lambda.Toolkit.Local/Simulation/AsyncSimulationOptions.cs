using Lambda.Toolkit.Local.Commands;

namespace Lambda.Toolkit.Local.Simulation;

/// <summary>The simulated asynchronous invocation configuration (<c>simulate async</c>); <see cref="AsyncRules.Validate"/> checks it.</summary>
internal sealed class AsyncSimulationOptions : ISimulatedSource
{
    /// <inheritdoc />
    public string InputOption => "--events";

    /// <summary>The JSON-lines file of events (<c>--events</c>), one Event invocation a line; required.</summary>
    public string InputPath { get; set; } = string.Empty;

    /// <summary>MaximumRetryAttempts (<c>--max-retry-attempts</c>); default <see cref="AsyncRules.DefaultMaxRetryAttempts"/>.</summary>
    public int MaxRetryAttempts { get; set; } = AsyncRules.DefaultMaxRetryAttempts;

    /// <summary>MaximumEventAgeInSeconds (<c>--max-event-age</c>); default <see cref="AsyncRules.DefaultMaxEventAge"/>.</summary>
    public TimeSpan MaxEventAge { get; set; } = AsyncRules.DefaultMaxEventAge;

    /// <summary>The simulated on-success destination (<c>--on-success FILE</c>, JSON lines); default none.</summary>
    public string? OnSuccessPath { get; set; }

    /// <summary>The simulated on-failure destination (<c>--on-failure FILE</c>, JSON lines); default none.</summary>
    public string? OnFailurePath { get; set; }

    /// <summary>The simulated dead-letter queue (<c>--dead-letter-queue FILE</c>, SQS messages as JSON lines); default none.</summary>
    public string? DeadLetterQueuePath { get; set; }

    /// <inheritdoc />
    public bool TryParse(string option, Func<string> value)
    {
        switch (option)
        {
            case "--events":
                InputPath = value();
                return true;
            case "--max-retry-attempts":
                MaxRetryAttempts = OptionValues.Integer(option, value());
                return true;
            case "--max-event-age":
                MaxEventAge = OptionValues.Seconds(option, value());
                return true;
            case "--on-success":
                OnSuccessPath = value();
                return true;
            case "--on-failure":
                OnFailurePath = value();
                return true;
            case "--dead-letter-queue":
                DeadLetterQueuePath = value();
                return true;
            default:
                return false;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Validate(TimeSpan functionTimeout) => AsyncRules.Validate(this);

    /// <inheritdoc />
    public SimulationRun Prepare(string input, string inputName, string functionName)
    {
        var events = AsyncSimulation.ReadEvents(input, inputName);
        return async (function, clock, log, cancellationToken) =>
        {
            var simulation = new AsyncSimulation(this, function, clock, $"arn:aws:lambda:us-east-1:123456789012:function:{functionName}", log);
            var fates = await simulation.RunAsync(events, cancellationToken).ConfigureAwait(false);
            return (fates, simulation.Invocations);
        };
    }
}
