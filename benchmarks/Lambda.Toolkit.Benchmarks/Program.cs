using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project benchmarks/Lambda.Toolkit.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
