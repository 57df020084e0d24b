using Lambda.Toolkit.Adapters;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.SecretsManager;

namespace Lambda.Toolkit.Triggers.SecretsManager;

/// <summary>
/// The rotation adapter: reads the event, checks its ids, and calls the step's handler. Nothing is written to the
/// response (Secrets Manager ignores it); an exception fails the invocation and so the rotation.
/// </summary>
internal sealed class SecretRotationAdapter(
    Func<PipelineBuildContext, Func<string, SecretsManagerRotationEvent, IServiceProvider, CancellationToken, ValueTask>> handler) : LambdaAdapter
{
    private const string Supported = "createSecret, setSecret, testSecret or finishSecret";

    public override string Name => "Secrets Manager rotation";

    public override bool Accepts(InvocationContext context) => context.Classify(SecretRotationClassifier.Instance);

    public override InvocationDelegate? Build(PipelineBuildContext context)
    {
        var handle = handler(context);
        if (context.HasProblems)
        {
            return null;
        }

        return invocation =>
        {
            var rotation = EventReader.Read(invocation.Payload.Span, SecretsManagerJsonContext.Default.SecretsManagerRotationEvent);
            if (string.IsNullOrEmpty(rotation.SecretId))
            {
                throw Invalid("The rotation request has no SecretId.", "$.SecretId");
            }

            if (string.IsNullOrEmpty(rotation.ClientRequestToken))
            {
                throw Invalid("The rotation request has no ClientRequestToken (the pending version's id).", "$.ClientRequestToken");
            }

            var step = rotation.Step switch
            {
                SecretsManagerRotationSteps.CreateSecret => SecretsManagerRotationSteps.CreateSecret,
                SecretsManagerRotationSteps.SetSecret => SecretsManagerRotationSteps.SetSecret,
                SecretsManagerRotationSteps.TestSecret => SecretsManagerRotationSteps.TestSecret,
                SecretsManagerRotationSteps.FinishSecret => SecretsManagerRotationSteps.FinishSecret,
                null => throw Invalid($"The rotation request has no Step; supported: {Supported}.", "$.Step"),
                var other => throw Invalid($"The rotation request has Step '{other}'; supported: {Supported}.", "$.Step"),
            };

            return handle(step, rotation, invocation.Services, invocation.CancellationToken);
        };
    }

    private static InvalidEventException Invalid(string message, string path) =>
        new(typeof(SecretsManagerRotationEvent), message) { JsonPath = path };
}
