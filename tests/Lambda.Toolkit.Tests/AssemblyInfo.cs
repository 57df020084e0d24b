// Some tests set Lambda's environment variables, which every builder reads; run test classes one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
