using System.Globalization;

namespace Lambda.Toolkit.Local.Simulation;

/// <summary>
/// The simulation's virtual clock. Waiting (a visibility timeout, a batch window, a retry delay) is a jump of
/// <see cref="Advance"/>, so a six-hour maximum event age costs no real time; the real time a function spends in an
/// invocation is added to it by the engine, so slow functions still use up visibility timeouts and event ages.
/// </summary>
/// <remarks>
/// Only <see cref="GetUtcNow"/> is virtual: the engine never waits on a timer of this clock, it moves the clock to the
/// next moment anything happens (discrete-event simulation).
/// </remarks>
internal sealed class SimulatedClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    /// <summary>When the simulation started.</summary>
    public DateTimeOffset Start { get; } = start;

    /// <summary>Virtual time since <see cref="Start"/>.</summary>
    public TimeSpan Elapsed => _now - Start;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _now;

    /// <summary>A moment as Lambda writes it in records and windows: ISO 8601, UTC, milliseconds (<c>2026-01-01T00:00:00.000Z</c>).</summary>
    public static string Iso(DateTimeOffset moment) => moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Moves the clock forward.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative.</exception>
    public void Advance(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        _now += duration;
    }

    /// <summary>Moves the clock to <paramref name="moment"/>, or leaves it when that moment has passed.</summary>
    public void AdvanceTo(DateTimeOffset moment)
    {
        if (moment > _now)
        {
            _now = moment;
        }
    }
}
