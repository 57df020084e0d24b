// Tests here build and start the same sample project; run them one at a time so builds do not race.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
