using Lambda.Toolkit.Events.SecretsManager;

namespace Lambda.Toolkit.Triggers.SecretsManager;

/// <summary>
/// Maps Secrets Manager rotation. Each invocation runs one step (<see cref="SecretsManagerRotationEvent.Step"/>) and
/// answers with an empty response; an exception fails the invocation, which Secrets Manager records as a failed
/// rotation. An unknown step, or a request without <c>SecretId</c> or <c>ClientRequestToken</c>, fails as an invalid event.
/// </summary>
public static class SecretRotationApplicationExtensions
{
    /// <summary>Maps rotation to <typeparamref name="THandler"/>, resolved from each invocation's scope.</summary>
    /// <typeparam name="THandler">The handler; register it in the services.</typeparam>
    /// <param name="app">The application.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapSecretRotation<THandler>(this LambdaApplication app)
        where THandler : class, ISecretRotationHandler
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.MapAdapter(new SecretRotationAdapter(static context =>
        {
            var factory = context.GetScopedServiceFactory<THandler>();
            return (step, rotation, services, ct) =>
            {
                var handler = factory(services);
                return step switch
                {
                    SecretsManagerRotationSteps.CreateSecret => handler.CreateSecretAsync(rotation, ct),
                    SecretsManagerRotationSteps.SetSecret => handler.SetSecretAsync(rotation, ct),
                    SecretsManagerRotationSteps.TestSecret => handler.TestSecretAsync(rotation, ct),
                    _ => handler.FinishSecretAsync(rotation, ct),
                };
            };
        }));
    }

    /// <summary>Maps rotation to one delegate per step (see <see cref="ISecretRotationHandler"/> for what each step does).</summary>
    /// <param name="app">The application.</param>
    /// <param name="createSecret">Creates the pending version.</param>
    /// <param name="setSecret">Sets the pending value in the service.</param>
    /// <param name="testSecret">Tests the pending value.</param>
    /// <param name="finishSecret">Makes the pending version current.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapSecretRotation(
        this LambdaApplication app,
        Func<SecretsManagerRotationEvent, CancellationToken, ValueTask> createSecret,
        Func<SecretsManagerRotationEvent, CancellationToken, ValueTask> setSecret,
        Func<SecretsManagerRotationEvent, CancellationToken, ValueTask> testSecret,
        Func<SecretsManagerRotationEvent, CancellationToken, ValueTask> finishSecret)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(createSecret);
        ArgumentNullException.ThrowIfNull(setSecret);
        ArgumentNullException.ThrowIfNull(testSecret);
        ArgumentNullException.ThrowIfNull(finishSecret);
        return app.MapAdapter(new SecretRotationAdapter(_ => (step, rotation, _, ct) => step switch
        {
            SecretsManagerRotationSteps.CreateSecret => createSecret(rotation, ct),
            SecretsManagerRotationSteps.SetSecret => setSecret(rotation, ct),
            SecretsManagerRotationSteps.TestSecret => testSecret(rotation, ct),
            _ => finishSecret(rotation, ct),
        }));
    }
}
