namespace Lambda.Toolkit.Tests.Runtime.Http;

/// <summary>A request as the raw server read it.</summary>
public sealed record RawHttpRequest(int Connection, string Method, string Target, string Version, IReadOnlyDictionary<string, string> Headers, byte[] Body, string Head);
