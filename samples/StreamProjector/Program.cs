using StreamProjector;

await StreamProjectorFunction.Build(args).RunAsync();
