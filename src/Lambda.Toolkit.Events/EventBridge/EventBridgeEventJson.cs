using System.Text.Json.Serialization.Metadata;

namespace Lambda.Toolkit.Events.EventBridge;

/// <summary>
/// JSON metadata for EventBridge events of any detail type, made from the detail type's own metadata: list only
/// <c>TDetail</c> in your JsonSerializerContext, never the generic envelope. The envelope is read by hand in one
/// pass and the detail straight from the payload with your metadata, so nothing is parsed twice. A detail sent
/// as a JSON string holding JSON (EventBridge Scheduler sends <c>"{}"</c>) is read from that JSON, unless
/// <c>TDetail</c> is <see cref="string"/>. A detail that is not a <c>TDetail</c> is reported at its JSON path
/// under <c>$.detail</c>, with the event's id when it came first.
/// </summary>
/// <example>
/// <code>
/// var events = EventBridgeEventJson.Create(MyJson.Default.OrderPlaced);   // once, at init
/// var e = LambdaEventSerializer.Deserialize(payload, events);           // EventBridgeEvent&lt;OrderPlaced&gt;
/// </code>
/// </example>
public static class EventBridgeEventJson
{
    /// <summary>Makes metadata for events whose <c>detail</c> is a <typeparamref name="TDetail"/>; make it once and keep it.</summary>
    /// <typeparam name="TDetail">The detail's type.</typeparam>
    /// <param name="detailType">Source-generated metadata for <typeparamref name="TDetail"/>; its options are used for the envelope too.</param>
    /// <returns>Metadata to read and write <see cref="EventBridgeEvent{TDetail}"/>.</returns>
    public static JsonTypeInfo<EventBridgeEvent<TDetail>> Create<TDetail>(JsonTypeInfo<TDetail> detailType)
    {
        ArgumentNullException.ThrowIfNull(detailType);
        return JsonMetadataServices.CreateValueInfo<EventBridgeEvent<TDetail>>(detailType.Options, new EventBridgeEventConverter<TDetail>(detailType));
    }
}
