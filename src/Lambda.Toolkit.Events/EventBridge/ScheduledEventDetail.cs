namespace Lambda.Toolkit.Events.EventBridge;

/// <summary>
/// The detail of a scheduled event, which carries nothing: <c>{}</c> from an EventBridge rule with a schedule
/// (source <c>aws.events</c>), and the string <c>"{}"</c> from an EventBridge Scheduler schedule whose Lambda target
/// has no input (source <c>aws.scheduler</c>), both with detail-type <c>Scheduled Event</c>. The event's
/// <see cref="EventBridgeEvent{TDetail}.Time"/> and <see cref="EventBridgeEvent{TDetail}.Resources"/> (the rule's or
/// schedule's ARN) say which schedule fired and when. A Scheduler schedule given an input sends that input
/// alone, with no envelope: read it with your own type (<c>app.MapEvent</c>), not as an EventBridge event.
/// </summary>
public sealed class ScheduledEventDetail
{
}
