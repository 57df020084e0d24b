using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.CloudFormation;

namespace Lambda.Toolkit.Testing.CloudFormation;

/// <summary>One request a <see cref="CustomResourceResponseListener"/> received: what a custom resource sent CloudFormation.</summary>
/// <param name="Method">The HTTP method (CloudFormation expects <c>PUT</c>).</param>
/// <param name="PathAndQuery">The path and query as sent (a pre-signed URL's signature must arrive unchanged).</param>
/// <param name="ContentType">The raw <c>Content-Type</c> header, or <see langword="null"/> when none was sent (S3's signature expects it empty).</param>
/// <param name="ContentLength">The <c>Content-Length</c> header, or -1 when none was sent.</param>
/// <param name="Body">The body as sent.</param>
/// <param name="ReceivedAt">When it arrived.</param>
public sealed record CustomResourceUpload(string Method, string PathAndQuery, string? ContentType, long ContentLength, ReadOnlyMemory<byte> Body, DateTimeOffset ReceivedAt)
{
    private CloudFormationCustomResourceResponse? _response;

    /// <summary>The body read as CloudFormation reads it; a body that is not a response fails with the JSON path.</summary>
    public CloudFormationCustomResourceResponse Response =>
        _response ??= LambdaEventSerializer.Deserialize(Body.Span, CloudFormationJsonContext.Default.CloudFormationCustomResourceResponse);

    /// <summary>The response's <c>Status</c>: <c>SUCCESS</c> or <c>FAILED</c>.</summary>
    public string? Status => Response.Status;

    /// <summary>The response's <c>Reason</c> (required with <c>FAILED</c>).</summary>
    public string? Reason => Response.Reason;

    /// <summary>The response's <c>PhysicalResourceId</c>.</summary>
    public string? PhysicalResourceId => Response.PhysicalResourceId;
}
