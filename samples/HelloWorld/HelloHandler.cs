using Lambda.Toolkit;

namespace HelloWorld;

/// <summary>Greets the caller by name.</summary>
public sealed class HelloHandler(IGreeter greeter) : ILambdaHandler<HelloRequest, HelloResponse>
{
    public ValueTask<HelloResponse> HandleAsync(HelloRequest input, InvocationContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            throw new LambdaFunctionException("HelloWorld.NameMissing", "The event must have a non-empty \"name\".");
        }

        return ValueTask.FromResult(new HelloResponse(greeter.Greet(input.Name), context.RequestId));
    }
}
