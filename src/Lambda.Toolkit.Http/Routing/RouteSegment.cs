namespace Lambda.Toolkit.Http.Routing;

/// <summary>One segment of a route template: a literal, a parameter (with constraints, maybe optional) or a catch-all.</summary>
internal sealed record RouteSegment(string Text, string? ParameterName, RouteConstraint[] Constraints, bool Optional, bool CatchAll)
{
    public bool IsLiteral => ParameterName is null;

    public static List<RouteSegment> Parse(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var segments = new List<RouteSegment>();
        var parts = template.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (!part.StartsWith('{'))
            {
                if (part.Contains('{', StringComparison.Ordinal) || part.Contains('}', StringComparison.Ordinal))
                {
                    throw new ArgumentException($"The route '{template}' has a segment '{part}' that mixes text and parameters; a parameter must be a whole segment.");
                }

                segments.Add(new RouteSegment(part, null, [], false, false));
                continue;
            }

            if (!part.EndsWith('}'))
            {
                throw new ArgumentException($"The route '{template}' has an unclosed parameter '{part}'.");
            }

            var inner = part[1..^1];
            var catchAll = inner.StartsWith('*');
            if (catchAll)
            {
                inner = inner.TrimStart('*');
                if (i != parts.Length - 1)
                {
                    throw new ArgumentException($"The route '{template}' has a catch-all parameter that is not the last segment.");
                }
            }

            var optional = inner.EndsWith('?');
            if (optional)
            {
                inner = inner[..^1];
                if (i != parts.Length - 1)
                {
                    throw new ArgumentException($"The route '{template}' has an optional parameter that is not the last segment.");
                }
            }

            var pieces = inner.Split(':');
            var name = pieces[0];
            if (!IsParameterName(name))
            {
                throw new ArgumentException($"The route '{template}' has an invalid parameter name '{name}'.");
            }

            if (!names.Add(name))
            {
                throw new ArgumentException($"The route '{template}' uses the parameter '{name}' twice.");
            }

            // Plain loops, no LINQ: under Native AOT, Skip(...).Select(...) resolved a generic virtual method the slow
            // way at init (most of this method's cost).
            var constraints = pieces.Length == 1 ? [] : new RouteConstraint[pieces.Length - 1];
            for (var c = 1; c < pieces.Length; c++)
            {
                constraints[c - 1] = RouteConstraint.Parse(pieces[c], template);
            }
            segments.Add(new RouteSegment(part, name, constraints, optional, catchAll));
        }

        return segments;
    }

    private static bool IsParameterName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
