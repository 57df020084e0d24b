using MyFunction;

await Function.Build(args).RunAsync();
