namespace Lambda.Toolkit.Local.Tests;

/// <summary>A thread-safe <see cref="StringWriter"/> a test can wait on: <see cref="WaitForAsync"/> completes when a line containing the text is written.</summary>
internal sealed class WatchedWriter : StringWriter
{
    private readonly List<(string Text, TaskCompletionSource Seen)> _waits = [];
    private readonly Lock _gate = new();

    public Task WaitForAsync(string text)
    {
        lock (_gate)
        {
            if (base.ToString().Contains(text, StringComparison.Ordinal))
            {
                return Task.CompletedTask;
            }

            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waits.Add((text, seen));
            return seen.Task;
        }
    }

    public override void WriteLine(string? value)
    {
        lock (_gate)
        {
            base.WriteLine(value);
            foreach (var wait in _waits.Where(w => value?.Contains(w.Text, StringComparison.Ordinal) == true).ToList())
            {
                wait.Seen.TrySetResult();
                _waits.Remove(wait);
            }
        }
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return base.ToString();
        }
    }
}
