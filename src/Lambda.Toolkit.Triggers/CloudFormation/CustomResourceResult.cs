using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.CloudFormation;

namespace Lambda.Toolkit.Triggers.CloudFormation;

/// <summary>
/// What a custom resource handler answers <c>SUCCESS</c> with: the physical id, the attributes the template reads
/// with <c>Fn::GetAtt</c> (<c>Data</c>) and whether CloudFormation hides them (<c>NoEcho</c>).
/// </summary>
/// <remarks>
/// The whole response CloudFormation receives is limited to 4,096 bytes; a response over the limit is answered
/// <c>FAILED</c> with a reason giving its size, never truncated.
/// </remarks>
public sealed class CustomResourceResult
{
    /// <summary>A result with no attributes.</summary>
    /// <param name="physicalResourceId">
    /// The resource's physical id, or <see langword="null"/> for the default: on <c>Create</c>
    /// <see cref="CustomResourceDefaults.PhysicalResourceId"/>, on <c>Update</c> and <c>Delete</c> the request's.
    /// </param>
    public CustomResourceResult(string? physicalResourceId = null) => PhysicalResourceId = physicalResourceId;

    /// <summary>A result with string attributes.</summary>
    /// <param name="physicalResourceId">The physical id, or <see langword="null"/> for the default.</param>
    /// <param name="data">The attributes, by name.</param>
    public CustomResourceResult(string? physicalResourceId, IReadOnlyDictionary<string, string> data)
        : this(physicalResourceId)
    {
        ArgumentNullException.ThrowIfNull(data);
        var copy = new Dictionary<string, string>(data.Count, StringComparer.Ordinal);
        foreach (var (key, value) in data)
        {
            copy[key] = value;
        }

        Data = JsonSerializer.SerializeToElement(copy, CloudFormationJsonContext.Default.DictionaryStringString);
    }

    private CustomResourceResult(string? physicalResourceId, JsonElement data, bool noEcho)
        : this(physicalResourceId)
    {
        Data = data;
        NoEcho = noEcho;
    }

    /// <summary>The physical id, or <see langword="null"/> for the default.</summary>
    public string? PhysicalResourceId { get; }

    /// <summary>The attributes, a JSON object; <see langword="null"/> for none.</summary>
    public JsonElement? Data { get; }

    /// <summary>Whether CloudFormation masks the attributes where it shows the resource (use for secrets). Default: <see langword="false"/>.</summary>
    public bool NoEcho { get; init; }

    /// <summary>A result whose attributes are <paramref name="data"/>'s JSON properties.</summary>
    /// <typeparam name="TData">The attributes' type; it must serialize to a JSON object.</typeparam>
    /// <param name="physicalResourceId">The physical id, or <see langword="null"/> for the default.</param>
    /// <param name="data">The attributes.</param>
    /// <param name="jsonTypeInfo">Source-generated metadata for <typeparamref name="TData"/>.</param>
    /// <param name="noEcho">Whether CloudFormation masks the attributes.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException"><paramref name="data"/> is not written as a JSON object.</exception>
    public static CustomResourceResult WithData<TData>(string? physicalResourceId, TData data, JsonTypeInfo<TData> jsonTypeInfo, bool noEcho = false)
    {
        ArgumentNullException.ThrowIfNull(jsonTypeInfo);
        var element = JsonSerializer.SerializeToElement(data, jsonTypeInfo);
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"A custom resource's Data must be a JSON object (attribute names to values), but {typeof(TData).Name} was written as {element.ValueKind}.", nameof(data));
        }

        return new CustomResourceResult(physicalResourceId, element, noEcho);
    }
}
