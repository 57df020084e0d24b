using System.Diagnostics.CodeAnalysis;

namespace Lambda.Toolkit.Triggers.Authorizers;

/// <summary>
/// An API Gateway method (or route) ARN, <c>arn:{partition}:execute-api:{region}:{account}:{apiId}/{stage}/{verb}/{resource path}</c>,
/// split into its parts, so that a policy can name other methods of the same API and stage. A WebSocket
/// <c>$connect</c> ARN has the route key where the verb is and no path.
/// </summary>
public sealed class MethodArn
{
    private MethodArn(string value, string partition, string region, string accountId, string apiId, string stage, string verb, string resourcePath)
    {
        Value = value;
        Partition = partition;
        Region = region;
        AccountId = accountId;
        ApiId = apiId;
        Stage = stage;
        Verb = verb;
        ResourcePath = resourcePath;
    }

    /// <summary>The whole ARN, as it was parsed.</summary>
    public string Value { get; }

    /// <summary>The partition, for example <c>aws</c>.</summary>
    public string Partition { get; }

    /// <summary>The region, for example <c>us-east-1</c>.</summary>
    public string Region { get; }

    /// <summary>The account that owns the API.</summary>
    public string AccountId { get; }

    /// <summary>The API's id.</summary>
    public string ApiId { get; }

    /// <summary>The stage, for example <c>prod</c> or <c>$default</c>.</summary>
    public string Stage { get; }

    /// <summary>The HTTP verb (or WebSocket route key) of the call; empty when the ARN stops at the stage.</summary>
    public string Verb { get; }

    /// <summary>The resource path after the verb, without its leading <c>/</c>, for example <c>orders/12</c>; empty for the root.</summary>
    public string ResourcePath { get; }

    /// <summary>Parses a method ARN.</summary>
    /// <param name="value">The ARN.</param>
    /// <returns>The parts.</returns>
    /// <exception cref="FormatException"><paramref name="value"/> is not an <c>execute-api</c> ARN.</exception>
    public static MethodArn Parse(string value) => TryParse(value, out var arn)
        ? arn
        : throw new FormatException($"'{value}' is not an execute-api method ARN (arn:{{partition}}:execute-api:{{region}}:{{account}}:{{apiId}}/{{stage}}/{{verb}}/{{path}}).");

    /// <summary>Parses a method ARN.</summary>
    /// <param name="value">The ARN.</param>
    /// <param name="arn">The parts, when it parses.</param>
    /// <returns>Whether <paramref name="value"/> is an <c>execute-api</c> ARN with at least an API id and a stage.</returns>
    public static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out MethodArn? arn)
    {
        arn = null;
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var parts = value.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn" || parts[2] != "execute-api" || parts[1].Length == 0 || parts[3].Length == 0 || parts[4].Length == 0)
        {
            return false;
        }

        var segments = parts[5].Split('/', 4);
        if (segments.Length < 2 || segments[0].Length == 0 || segments[1].Length == 0)
        {
            return false;
        }

        arn = new MethodArn(value, parts[1], parts[3], parts[4], segments[0], segments[1], segments.Length > 2 ? segments[2] : string.Empty, segments.Length > 3 ? segments[3] : string.Empty);
        return true;
    }

    /// <summary>
    /// The ARN of another method of the same API and stage. Wildcards are kept: <c>*</c> matches any characters
    /// (including <c>/</c>), <c>?</c> one character, so <c>("GET", "/orders/*")</c> covers every GET under <c>/orders/</c>
    /// and <c>("*", "*")</c> every method of the stage.
    /// </summary>
    /// <param name="verb">An HTTP verb (upper-cased here), <c>*</c>, or a WebSocket route key such as <c>$connect</c>.</param>
    /// <param name="resourcePath">The resource path, with or without its leading <c>/</c>, for example <c>/orders/*</c>.</param>
    /// <returns>The ARN.</returns>
    /// <exception cref="ArgumentException">The verb is empty or either argument contains <c>/</c> in the verb, spaces or control characters.</exception>
    public string ForMethod(string verb, string resourcePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(verb);
        ArgumentNullException.ThrowIfNull(resourcePath);
        if (verb.Contains('/', StringComparison.Ordinal) || HasSpaceOrControl(verb))
        {
            throw new ArgumentException($"'{verb}' is not an HTTP verb, route key or '*'.", nameof(verb));
        }

        if (HasSpaceOrControl(resourcePath))
        {
            throw new ArgumentException($"The resource path '{resourcePath}' contains a space or a control character.", nameof(resourcePath));
        }

        var path = resourcePath.StartsWith('/') ? resourcePath[1..] : resourcePath;
        var upper = verb.StartsWith('$') ? verb : verb.ToUpperInvariant();
        // A WebSocket route key ($connect) has no path after it; a REST method always has one ("GET/" is the root).
        return upper.StartsWith('$') && path.Length == 0
            ? $"arn:{Partition}:execute-api:{Region}:{AccountId}:{ApiId}/{Stage}/{upper}"
            : $"arn:{Partition}:execute-api:{Region}:{AccountId}:{ApiId}/{Stage}/{upper}/{path}";
    }

    /// <summary>The ARN as text.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value;

    private static bool HasSpaceOrControl(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }
}
