using HelloWorld;

await HelloFunction.Build(args).RunAsync();
