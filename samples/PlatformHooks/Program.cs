using PlatformHooks;

await PlatformHooksFunction.Build(args).RunAsync();
