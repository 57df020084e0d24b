namespace Lambda.Toolkit.Http;

/// <summary>The HTTP event formats Lambda receives.</summary>
public enum HttpPayloadFormat
{
    /// <summary>Detect the format from each event (the default).</summary>
    Auto,

    /// <summary>API Gateway REST API proxy integration (payload format 1.0).</summary>
    RestApiV1,

    /// <summary>API Gateway HTTP API payload format 2.0, also used by Lambda Function URLs.</summary>
    HttpApiV2,

    /// <summary>Application Load Balancer target group.</summary>
    Alb,
}
