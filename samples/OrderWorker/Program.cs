using OrderWorker;

await OrderWorkerFunction.Build(args).RunAsync();
