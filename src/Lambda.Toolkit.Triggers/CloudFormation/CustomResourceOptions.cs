namespace Lambda.Toolkit.Triggers.CloudFormation;

/// <summary>How a custom resource is answered. Validated at init: a wrong value is an init problem, never an exception out of <c>MapCustomResource</c>.</summary>
public sealed class CustomResourceOptions
{
    /// <summary>
    /// How long before the invocation's deadline the handler's token fires and <c>FAILED</c> is sent if the handler
    /// has not finished, so the stack never waits for CloudFormation's own timeout (an hour by default). The
    /// invocation's own token (<see cref="LambdaRuntimeOptions.CancellationMargin"/>) fires the handler's token too,
    /// whichever comes first. Default: <see cref="CustomResourceDefaults.ResponseReserve"/> (2 s).
    /// </summary>
    public TimeSpan ResponseReserve { get; set; } = CustomResourceDefaults.ResponseReserve;

    /// <summary>
    /// Attempts to upload the response (a connection failure or a status other than 2xx is retried) before the invocation
    /// fails; every attempt must end before the invocation is abandoned. Default: <see cref="CustomResourceDefaults.MaxDeliveryAttempts"/> (4).
    /// </summary>
    public int MaxDeliveryAttempts { get; set; } = CustomResourceDefaults.MaxDeliveryAttempts;

    /// <summary>The first delay between upload attempts, doubled each time. Default: <see cref="CustomResourceDefaults.DeliveryRetryDelay"/> (100 ms).</summary>
    public TimeSpan DeliveryRetryDelay { get; set; } = CustomResourceDefaults.DeliveryRetryDelay;

    internal List<string> Validate()
    {
        var problems = new List<string>();
        if (ResponseReserve < TimeSpan.Zero)
        {
            problems.Add($"{nameof(ResponseReserve)} must not be negative (was {ResponseReserve}).");
        }

        if (MaxDeliveryAttempts < 1)
        {
            problems.Add($"{nameof(MaxDeliveryAttempts)} must be at least 1 (was {MaxDeliveryAttempts}).");
        }

        if (DeliveryRetryDelay < TimeSpan.Zero)
        {
            problems.Add($"{nameof(DeliveryRetryDelay)} must not be negative (was {DeliveryRetryDelay}).");
        }

        return problems;
    }
}
