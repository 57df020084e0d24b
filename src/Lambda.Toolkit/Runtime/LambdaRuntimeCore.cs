namespace Lambda.Toolkit.Runtime;

/// <summary>What init produces and every invocation uses: the runner over the composed pipeline and the settings.</summary>
internal sealed record LambdaRuntimeCore(InvocationRunner Runner, LambdaRuntimeOptions Options, LambdaFunctionInfo Function, TimeProvider TimeProvider);
