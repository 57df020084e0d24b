using JobQueue.Adapter;
using Lambda.Toolkit;
using Microsoft.Extensions.DependencyInjection;

namespace JobQueue;

/// <summary>Composes the function: a custom event source (job batches) mapped like any built-in one. Tests build it the same way.</summary>
public static class JobQueueFunction
{
    public static LambdaApplication Build(string[] args, Action<JobQueueOptions>? configure = null)
    {
        var builder = LambdaApplication.CreateBuilder(args);
        builder.Services.AddSingleton<IThumbnailStore, InMemoryThumbnailStore>();   // reused warm
        builder.Services.AddScoped<ThumbnailJobHandler>();                           // one per job

        var app = builder.Build();
        app.MapJobs<ThumbnailJob, ThumbnailJobHandler>(ThumbnailJsonContext.Default.ThumbnailJob, o =>
        {
            // Runs at init: a bad JobQueue__MaxDegreeOfParallelism is an init error with the reason, not a crash of Main.
            var parallelism = app.Configuration["JobQueue:MaxDegreeOfParallelism"];
            o.MaxDegreeOfParallelism = parallelism is null ? 4 : int.Parse(parallelism, System.Globalization.CultureInfo.InvariantCulture);
            configure?.Invoke(o);
        });
        return app;
    }
}
