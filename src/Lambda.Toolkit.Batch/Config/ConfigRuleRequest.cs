using System.Globalization;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Config;

namespace Lambda.Toolkit.Batch.Config;

/// <summary>
/// One invocation of a Config rule, as its handler sees it: the event, its parsed invoking event and rule
/// parameters, the result token, and helpers that make evaluations with the right ordering timestamp.
/// </summary>
public sealed class ConfigRuleRequest
{
    private IReadOnlyDictionary<string, string>? _ruleParameters;

    /// <summary>
    /// Creates a request: the adapter makes one per invocation; a unit test makes one to call a rule handler
    /// directly. The invoking event is parsed now.
    /// </summary>
    /// <param name="event">The Config event.</param>
    /// <param name="invocation">The invocation (see <see cref="InvocationContext(string, DateTimeOffset, ReadOnlyMemory{byte}, LambdaFunctionInfo?, TimeProvider?)"/>).</param>
    /// <param name="services">The invocation's services scope.</param>
    /// <exception cref="InvalidEventException">The invoking event is not valid (the message names <c>$.invokingEvent</c> and what is wrong).</exception>
    public ConfigRuleRequest(ConfigRuleEvent @event, InvocationContext invocation, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(@event);
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(services);
        Event = @event;
        Invocation = invocation;
        Services = services;
        InvokingEvent = Invalid(@event.ParseInvokingEvent);
        ConfigurationItemSummary? item = InvokingEvent switch
        {
            ConfigurationItemChangeNotification change => change.ConfigurationItem,
            OversizedConfigurationItemChangeNotification oversized => oversized.ConfigurationItemSummary,
            _ => null,
        };
        (ResourceType, ResourceId, var captureTime, var status) = item is null
            ? (null, null, InvokingEvent.NotificationCreationTime, null)
            : (item.ResourceType, item.ResourceId, item.ConfigurationItemCaptureTime, item.ConfigurationItemStatus);
        OrderingTimestamp = DateTimeOffset.TryParse(captureTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : invocation.TimeProvider.GetUtcNow();
        IsOutOfScope = ResourceId is not null && (@event.EventLeftScope == true || ConfigurationItemStatus.IsDeleted(status));
    }

    /// <summary>The Config event as sent.</summary>
    public ConfigRuleEvent Event { get; }

    /// <summary>
    /// What triggered the rule: a <see cref="ConfigurationItemChangeNotification"/>, an
    /// <see cref="OversizedConfigurationItemChangeNotification"/>, a <see cref="ScheduledNotification"/> or a
    /// <see cref="ConfigurationSnapshotDeliveryCompleted"/>.
    /// </summary>
    public ConfigInvokingEvent InvokingEvent { get; }

    /// <summary>
    /// The rule's parameters by name (see <see cref="ConfigRuleEvent.ParseRuleParameters()"/>); empty when the rule has none.
    /// </summary>
    /// <exception cref="InvalidEventException">The rule parameters are not a JSON object of plain values.</exception>
    public IReadOnlyDictionary<string, string> RuleParameters => _ruleParameters ??= Invalid(Event.ParseRuleParameters);

    /// <summary>The token <c>PutEvaluations</c> takes with this invocation's evaluations.</summary>
    public string? ResultToken => Event.ResultToken;

    /// <summary>The changed resource's type, or <see langword="null"/> for a periodic notification.</summary>
    public string? ResourceType { get; }

    /// <summary>The changed resource's id, or <see langword="null"/> for a periodic notification.</summary>
    public string? ResourceId { get; }

    /// <summary>
    /// The ordering timestamp an evaluation of this invocation carries: the configuration item's capture time for a
    /// change, the notification's creation time for a periodic rule (the invocation's start when Config sent neither).
    /// </summary>
    public DateTimeOffset OrderingTimestamp { get; }

    /// <summary>
    /// Whether the changed resource left the rule's scope (<c>eventLeftScope</c>) or was deleted; AWS's guidance answers
    /// <c>NOT_APPLICABLE</c> for it (see <see cref="ConfigRuleOptions.HandleResourcesOutOfScope"/>).
    /// </summary>
    public bool IsOutOfScope { get; }

    /// <summary>The invocation: request id, deadline, remaining time.</summary>
    public InvocationContext Invocation { get; }

    /// <summary>The invocation's services scope.</summary>
    public IServiceProvider Services { get; }

    /// <summary>Evaluates the resource whose change triggered the rule.</summary>
    /// <param name="complianceType">Whether it complies.</param>
    /// <param name="annotation">Why, in at most 256 characters.</param>
    /// <returns>The evaluation, with <see cref="OrderingTimestamp"/>.</returns>
    /// <exception cref="InvalidOperationException">A periodic notification names no resource: use <see cref="Evaluate(string, string, ConfigComplianceType, string?)"/>.</exception>
    /// <exception cref="ArgumentException">The annotation is longer than 256 characters, or the compliance type is <see cref="ConfigComplianceType.InsufficientData"/>.</exception>
    public ConfigEvaluation Evaluate(ConfigComplianceType complianceType, string? annotation = null) =>
        ResourceType is { Length: > 0 } type && ResourceId is { Length: > 0 } id
            ? new ConfigEvaluation(type, id, complianceType, OrderingTimestamp, annotation)
            : throw new InvalidOperationException($"A {InvokingEvent.MessageType} names no resource to evaluate; name the resource: Evaluate(resourceType, resourceId, complianceType).");

    /// <summary>Evaluates a resource of the rule's choosing (a periodic rule's resources, or the account: <c>AWS::::Account</c> and the account id).</summary>
    /// <param name="resourceType">The resource's type, for example <c>AWS::S3::Bucket</c>.</param>
    /// <param name="resourceId">The resource's id.</param>
    /// <param name="complianceType">Whether it complies.</param>
    /// <param name="annotation">Why, in at most 256 characters.</param>
    /// <returns>The evaluation, with <see cref="OrderingTimestamp"/>.</returns>
    /// <exception cref="ArgumentException">A value is outside <c>PutEvaluations</c>'s limits.</exception>
    public ConfigEvaluation Evaluate(string resourceType, string resourceId, ConfigComplianceType complianceType, string? annotation = null) =>
        new(resourceType, resourceId, complianceType, OrderingTimestamp, annotation);

    private static T Invalid<T>(Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (EventDeserializationException ex)
        {
            throw new InvalidEventException(typeof(ConfigRuleEvent), ex.Message, ex) { JsonPath = ex.JsonPath };
        }
    }
}
