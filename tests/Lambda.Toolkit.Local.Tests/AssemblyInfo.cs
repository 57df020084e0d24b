// The tests start real processes (and a build or two) on a small machine: one at a time keeps timings honest.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
