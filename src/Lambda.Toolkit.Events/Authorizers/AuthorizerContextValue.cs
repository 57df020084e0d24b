using System.Globalization;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Authorizers;

/// <summary>
/// A value in an authorizer's <c>context</c>. API Gateway passes only strings, numbers and booleans to the
/// integration (an object or array makes the authorizer's answer invalid), so this type holds nothing else:
/// it converts implicitly from <see cref="string"/>, <see cref="bool"/>, <see cref="int"/>, <see cref="long"/>,
/// <see cref="double"/> and <see cref="decimal"/>, and reading an object or array fails. Numbers keep their
/// written form. <c>default</c> is the empty string.
/// </summary>
[JsonConverter(typeof(AuthorizerContextValueConverter))]
public readonly struct AuthorizerContextValue : IEquatable<AuthorizerContextValue>
{
    private readonly string? _text;

    private AuthorizerContextValue(AuthorizerContextValueKind kind, string text)
    {
        Kind = kind;
        _text = text;
    }

    /// <summary>What the value is.</summary>
    public AuthorizerContextValueKind Kind { get; }

    /// <summary>A string value.</summary>
    /// <param name="value">The string.</param>
    /// <returns>The value.</returns>
    public static AuthorizerContextValue FromString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(AuthorizerContextValueKind.Text, value);
    }

    /// <summary>A boolean value.</summary>
    /// <param name="value">The boolean.</param>
    /// <returns>The value.</returns>
    public static AuthorizerContextValue FromBoolean(bool value) => new(AuthorizerContextValueKind.Boolean, value ? "true" : "false");

    /// <summary>A number.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The value.</returns>
    public static AuthorizerContextValue FromInt64(long value) => new(AuthorizerContextValueKind.Number, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A number.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The value.</returns>
    public static AuthorizerContextValue FromInt32(int value) => FromInt64(value);

    /// <summary>A number.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The value.</returns>
    public static AuthorizerContextValue FromDecimal(decimal value) => new(AuthorizerContextValueKind.Number, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A number; JSON has no NaN or infinity.</summary>
    /// <param name="value">A finite number.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public static AuthorizerContextValue FromDouble(double value) => double.IsFinite(value)
        ? new(AuthorizerContextValueKind.Number, value.ToString("R", CultureInfo.InvariantCulture))
        : throw new ArgumentOutOfRangeException(nameof(value), value, "An authorizer context number must be finite.");

    /// <summary>A number read from JSON, kept as written.</summary>
    internal static AuthorizerContextValue FromRawNumber(string json) => new(AuthorizerContextValueKind.Number, json);

    /// <summary>Converts a string.</summary>
    /// <param name="value">The string.</param>
    public static implicit operator AuthorizerContextValue(string value) => FromString(value);

    /// <summary>Converts a boolean.</summary>
    /// <param name="value">The boolean.</param>
    public static implicit operator AuthorizerContextValue(bool value) => FromBoolean(value);

    /// <summary>Converts a number.</summary>
    /// <param name="value">The number.</param>
    public static implicit operator AuthorizerContextValue(int value) => FromInt32(value);

    /// <summary>Converts a number.</summary>
    /// <param name="value">The number.</param>
    public static implicit operator AuthorizerContextValue(long value) => FromInt64(value);

    /// <summary>Converts a finite number.</summary>
    /// <param name="value">The number.</param>
    public static implicit operator AuthorizerContextValue(double value) => FromDouble(value);

    /// <summary>Converts a number.</summary>
    /// <param name="value">The number.</param>
    public static implicit operator AuthorizerContextValue(decimal value) => FromDecimal(value);

    /// <summary>Whether two values are of the same kind and written the same way.</summary>
    /// <param name="left">A value.</param>
    /// <param name="right">Another value.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(AuthorizerContextValue left, AuthorizerContextValue right) => left.Equals(right);

    /// <summary>Whether two values differ in kind or in form.</summary>
    /// <param name="left">A value.</param>
    /// <param name="right">Another value.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(AuthorizerContextValue left, AuthorizerContextValue right) => !left.Equals(right);

    /// <summary>
    /// The value as API Gateway shows it to a REST integration, where every context value arrives as a string:
    /// the string itself, the number as written, or <c>true</c>/<c>false</c>.
    /// </summary>
    /// <returns>The text.</returns>
    public override string ToString() => _text ?? string.Empty;

    /// <summary>The boolean value, or <see langword="null"/> when this is not a boolean.</summary>
    /// <returns>The boolean.</returns>
    public bool? GetBoolean() => Kind == AuthorizerContextValueKind.Boolean ? _text == "true" : null;

    /// <summary>The number, or <see langword="null"/> when this is not a number (or does not fit a <see cref="decimal"/>).</summary>
    /// <returns>The number.</returns>
    public decimal? GetDecimal() =>
        Kind == AuthorizerContextValueKind.Number && decimal.TryParse(_text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <inheritdoc />
    public bool Equals(AuthorizerContextValue other) => Kind == other.Kind && string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AuthorizerContextValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, StringComparer.Ordinal.GetHashCode(ToString()));
}
