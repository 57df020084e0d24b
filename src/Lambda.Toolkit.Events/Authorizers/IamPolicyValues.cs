using System.Collections;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Authorizers;

/// <summary>
/// The value of a policy's <c>Action</c> or <c>Resource</c>: IAM accepts one string or a list of strings, and
/// this keeps the form it was read or made in, so a policy is written back as it came.
/// </summary>
[JsonConverter(typeof(IamPolicyValuesConverter))]
public sealed class IamPolicyValues : IReadOnlyList<string>
{
    private readonly string[] _values;

    /// <summary>One value, written as a bare string.</summary>
    /// <param name="value">The value.</param>
    public IamPolicyValues(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _values = [value];
        IsSingleString = true;
    }

    /// <summary>A list of values, written as a JSON array (even with one value).</summary>
    /// <param name="values">The values.</param>
    public IamPolicyValues(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = [.. values];
        foreach (var value in _values)
        {
            ArgumentNullException.ThrowIfNull(value, nameof(values));
        }
    }

    /// <summary>Whether this is written as a bare string rather than an array.</summary>
    public bool IsSingleString { get; }

    /// <summary>How many values there are.</summary>
    public int Count => _values.Length;

    /// <summary>A value.</summary>
    /// <param name="index">Its position.</param>
    public string this[int index] => _values[index];

    /// <inheritdoc />
    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _values.GetEnumerator();
}
