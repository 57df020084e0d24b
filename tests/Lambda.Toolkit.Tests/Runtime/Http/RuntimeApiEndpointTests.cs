using System.Net;
using Lambda.Toolkit.Runtime.Http;

namespace Lambda.Toolkit.Tests.Runtime.Http;

public sealed class RuntimeApiEndpointTests
{
    [Theory]
    [InlineData("127.0.0.1:9001", "127.0.0.1", 9001, "127.0.0.1")]
    [InlineData("[::1]:9001", "::1", 9001, "::1")]
    [InlineData("[fe80::1%2]:80", "fe80::1%2", 80, "fe80::1%2")]
    [InlineData("localhost:9001", "localhost", 9001, null)]
    [InlineData("runtime.internal", "runtime.internal", 80, null)]
    [InlineData(" 10.0.0.1:1 ", "10.0.0.1", 1, "10.0.0.1")]
    public void Parses_host_and_port(string text, string host, int port, string? address)
    {
        var endpoint = RuntimeApiEndpoint.Parse(text);

        Assert.Equal((host, port), (endpoint.Host, endpoint.Port));
        Assert.Equal(address is null ? null : IPAddress.Parse(address), endpoint.Address);
        Assert.Equal(text.Trim(), endpoint.Authority);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9001", "it must be host:port in ASCII, with no scheme, path or spaces")]
    [InlineData("127.0.0.1:9001/x", "it must be host:port in ASCII, with no scheme, path or spaces")]
    [InlineData("::1:9001", "an IPv6 address must be written in brackets, as [::1]:9001")]
    [InlineData("[::1", "the part in brackets is not an IPv6 address")]
    [InlineData("[127.0.0.1]:80", "the part in brackets is not an IPv6 address")]
    [InlineData("[::1]9001", "the IPv6 address must be followed by :port")]
    [InlineData(":9001", "the host is empty")]
    [InlineData("localhost:0", "the port must be a number from 1 to 65535")]
    [InlineData("localhost:65536", "the port must be a number from 1 to 65535")]
    [InlineData("localhost:+80", "the port must be a number from 1 to 65535")]
    [InlineData("hôte:80", "it must be host:port in ASCII, with no scheme, path or spaces")]
    public void Rejects_what_is_not_host_and_port(string text, string problem)
    {
        var failure = Assert.Throws<ArgumentException>(() => RuntimeApiEndpoint.Parse(text));

        Assert.StartsWith($"The Runtime API address '{text}' (AWS_LAMBDA_RUNTIME_API) is invalid: {problem}.", failure.Message);
    }
}
