using JobQueue;

await JobQueueFunction.Build(args).RunAsync();
