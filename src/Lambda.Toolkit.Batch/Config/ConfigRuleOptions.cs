namespace Lambda.Toolkit.Batch.Config;

/// <summary>How a Config rule is answered. Nothing here can be invalid, so it adds no init problems.</summary>
public sealed class ConfigRuleOptions
{
    /// <summary>
    /// Whether the handler sees changes of resources that left the rule's scope (<c>eventLeftScope: true</c>) or were
    /// deleted (<c>ResourceDeleted</c>, <c>ResourceDeletedNotRecorded</c>). Default: <see langword="false"/>: such a
    /// change is answered <c>NOT_APPLICABLE</c> for that resource, as AWS's guidance says, without calling the handler.
    /// Set it when the handler calls <c>PutEvaluations</c> itself (the default answer reaches Config only through
    /// <see cref="PutEvaluations"/>).
    /// </summary>
    public bool HandleResourcesOutOfScope { get; set; }

    /// <summary>
    /// Sends evaluations to Config. The toolkit does not reference AWSSDK.ConfigService; make the call here, once per
    /// delivery (at most 100 evaluations each; called once with none when the rule made none):
    /// <code>
    /// o.PutEvaluations = (d, ct) => new ValueTask(d.Request.Services.GetRequiredService&lt;IAmazonConfigService&gt;().PutEvaluationsAsync(new PutEvaluationsRequest
    /// {
    ///     ResultToken = d.ResultToken,
    ///     Evaluations = d.Evaluations.Select(e => new Evaluation { ComplianceResourceType = e.ComplianceResourceType, ComplianceResourceId = e.ComplianceResourceId,
    ///         ComplianceType = e.ComplianceTypeValue, Annotation = e.Annotation, OrderingTimestamp = e.OrderingTimestamp.UtcDateTime }).ToList(),
    /// }, ct));
    /// </code>
    /// A failure fails the invocation. Default: <see langword="null"/>: evaluations are only the function's response
    /// (<c>{"resultToken","evaluations"}</c>), which Config ignores: the handler must then call <c>PutEvaluations</c> itself.
    /// </summary>
    public Func<ConfigEvaluationDelivery, CancellationToken, ValueTask>? PutEvaluations { get; set; }
}
