namespace Lambda.Toolkit.Testing.Events;

/// <summary>The wire form an <see cref="HttpRequestEventBuilder"/> renders a request in.</summary>
public enum HttpEventSource
{
    /// <summary>API Gateway REST API, proxy integration (payload format 1.0): single- and multi-value headers and query.</summary>
    RestApi,

    /// <summary>API Gateway HTTP API, payload format 2.0: raw query string, a <c>cookies</c> array, lower-case headers.</summary>
    HttpApi,

    /// <summary>A Lambda function URL: payload format 2.0 on an <c>*.lambda-url.{region}.on.aws</c> domain.</summary>
    FunctionUrl,

    /// <summary>An Application Load Balancer target group without multi-value headers.</summary>
    Alb,

    /// <summary>An Application Load Balancer target group with multi-value headers turned on.</summary>
    AlbMultiValue,
}
