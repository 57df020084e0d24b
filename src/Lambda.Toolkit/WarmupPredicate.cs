namespace Lambda.Toolkit;

/// <summary>Decides from the raw event whether it is a keep-warm ping.</summary>
/// <param name="payload">The raw event, UTF-8 JSON.</param>
/// <returns>Whether the event is a ping.</returns>
public delegate bool WarmupPredicate(ReadOnlySpan<byte> payload);
