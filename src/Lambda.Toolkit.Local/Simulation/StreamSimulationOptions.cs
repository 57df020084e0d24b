using Lambda.Toolkit.Local.Commands;

namespace Lambda.Toolkit.Local.Simulation;

/// <summary>The simulated stream and event source mapping (<c>simulate kinesis|dynamodb</c>); <see cref="StreamRules.Validate"/> checks them.</summary>
/// <param name="format">The stream's record format.</param>
internal sealed class StreamSimulationOptions(IStreamFormat format) : BatchSourceOptions("--records", StreamRules.DefaultBatchSize, StreamRules.DefaultRetention)
{
    /// <summary>The stream's record format (Kinesis or DynamoDB Streams).</summary>
    public IStreamFormat Format { get; } = format;

    /// <summary>Shards (<c>--shards</c>); default 1.</summary>
    public int Shards { get; set; } = 1;

    /// <summary>BisectBatchOnFunctionError (<c>--bisect-on-error</c>); default off.</summary>
    public bool BisectOnError { get; set; }

    /// <summary>MaximumRetryAttempts (<c>--max-retry-attempts</c>); default -1, infinite.</summary>
    public int MaxRetryAttempts { get; set; } = -1;

    /// <summary>MaximumRecordAgeInSeconds (<c>--max-record-age</c>); default none (-1, infinite).</summary>
    public TimeSpan? MaxRecordAge { get; set; }

    /// <summary>The simulated on-failure destination (<c>--on-failure FILE</c>, JSON lines); default none.</summary>
    public string? OnFailurePath { get; set; }

    /// <summary>TumblingWindowInSeconds (<c>--tumbling-window</c>); default 0, no windows.</summary>
    public TimeSpan TumblingWindow { get; set; }

    /// <summary>
    /// How far apart the records arrive in the stream (<c>--arrival-interval</c>), in input order; default 0, all at
    /// the start. Records are only read once they have arrived, and their arrival time decides their tumbling window.
    /// </summary>
    public TimeSpan ArrivalInterval { get; set; }

    /// <inheritdoc />
    protected override bool TryParseOwn(string option, Func<string> value)
    {
        switch (option)
        {
            case "--shards":
                Shards = OptionValues.Integer(option, value());
                return true;
            case "--bisect-on-error":
                BisectOnError = true;
                return true;
            case "--max-retry-attempts":
                MaxRetryAttempts = OptionValues.Integer(option, value());
                return true;
            case "--max-record-age":
                var age = value();
                MaxRecordAge = age == "-1" ? null : OptionValues.Seconds(option, age);
                return true;
            case "--on-failure":
                OnFailurePath = value();
                return true;
            case "--tumbling-window":
                TumblingWindow = OptionValues.Seconds(option, value());
                return true;
            case "--arrival-interval":
                ArrivalInterval = OptionValues.Seconds(option, value());
                return true;
            default:
                return false;
        }
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> Validate(TimeSpan functionTimeout) => StreamRules.Validate(this);

    /// <inheritdoc />
    public override SimulationRun Prepare(string input, string inputName, string functionName)
    {
        var records = new List<StreamInput>();
        foreach (var (line, text, json) in JsonLines.Parse(input, inputName, Format.Expected))
        {
            records.Add(Format.Read(line, text, json, inputName));
        }

        return async (function, clock, log, cancellationToken) =>
        {
            var simulation = new StreamSimulation(this, function, clock, functionName, log);
            var fates = await simulation.RunAsync(records, cancellationToken).ConfigureAwait(false);
            return (fates, simulation.Invocations);
        };
    }
}
