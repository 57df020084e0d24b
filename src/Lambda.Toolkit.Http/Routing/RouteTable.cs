namespace Lambda.Toolkit.Http.Routing;

/// <summary>
/// The route table, compiled once at init into a tree of segments. Matching walks the tree with the
/// request path's segments as spans: literal children first, then constrained parameters, then
/// unconstrained ones, then catch-alls, backtracking on a dead end. Nothing is scanned per route and
/// only route values are allocated.
/// </summary>
internal sealed class RouteTable
{
    private readonly Node _root = new();

    public void Add(RouteEndpoint endpoint)
    {
        var segments = RouteSegment.Parse(endpoint.Template);
        var node = _root;
        foreach (var segment in segments)
        {
            if (segment.Optional)
            {
                // An optional last parameter also matches the path without it.
                node.AddEndpoint(endpoint);
            }

            node = node.Child(segment);
        }

        node.AddEndpoint(endpoint);
    }

    public RouteMatch Match(string method, string path)
    {
        // The stack buffer is taken here and the loops run in Match(ranges): a method with both stackalloc and a loop
        // cannot start at tier 0 (no on-stack replacement with stackalloc), so under JIT it was compiled fully
        // optimized on the first request. Split, each half starts at tier 0 like the rest of the first request.
        Span<Range> ranges = stackalloc Range[32];
        return Match(method, path, ranges);
    }

    private RouteMatch Match(string method, string path, Span<Range> ranges)
    {
        var span = path.AsSpan();
        var count = 0;
        var start = 0;
        for (var i = 0; i <= span.Length; i++)
        {
            if (i < span.Length && span[i] != '/')
            {
                continue;
            }

            if (i > start)
            {
                if (count == ranges.Length)
                {
                    return new RouteMatch(null, null, null);
                }

                ranges[count++] = new Range(start, i);
            }

            start = i + 1;
        }

        HashSet<string>? allowed = null;
        List<KeyValuePair<string, string>>? values = null;
        var found = Walk(_root, path, ranges[..count], 0, method, ref values, ref allowed);
        if (found is not null)
        {
            if (values is null || values.Count == 0)
            {
                return new RouteMatch(found, null, null);
            }

            var map = new Dictionary<string, string>(values.Count, StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in values)
            {
                map[key] = value;
            }

            return new RouteMatch(found, map, null);
        }

        return new RouteMatch(null, null, allowed);
    }

    private static RouteEndpoint? Walk(Node node, string path, ReadOnlySpan<Range> segments, int index, string method, ref List<KeyValuePair<string, string>>? values, ref HashSet<string>? allowed)
    {
        if (index == segments.Length)
        {
            return node.Endpoint(method, ref allowed);
        }

        var segment = path.AsSpan()[segments[index]];
        foreach (var (literal, child) in node.Literals)
        {
            if (Matches(segment, literal) && Walk(child, path, segments, index + 1, method, ref values, ref allowed) is { } found)
            {
                return found;
            }
        }

        if (node.Parameters.Count > 0)
        {
            var value = Decode(segment);
            foreach (var (parameter, child) in node.Parameters)
            {
                if (!Accepts(parameter, value))
                {
                    continue;
                }

                (values ??= []).Add(new(parameter.ParameterName!, value));
                if (Walk(child, path, segments, index + 1, method, ref values, ref allowed) is { } found)
                {
                    return found;
                }

                values!.RemoveAt(values.Count - 1);
            }
        }

        foreach (var (parameter, child) in node.CatchAlls)
        {
            var rest = Decode(path.AsSpan(segments[index].Start.Value, path.Length - segments[index].Start.Value).TrimEnd('/'));
            if (!Accepts(parameter, rest))
            {
                continue;
            }

            if (child.Endpoint(method, ref allowed) is { } found)
            {
                (values ??= []).Add(new(parameter.ParameterName!, rest));
                return found;
            }
        }

        return null;
    }

    /// <summary>Whether every constraint of the parameter accepts the value (a loop: no closure per request).</summary>
    private static bool Accepts(RouteSegment parameter, string value)
    {
        foreach (var constraint in parameter.Constraints)
        {
            if (!constraint.Accepts(value))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Matches(ReadOnlySpan<char> segment, string literal) =>
        segment.Contains('%') ? Decode(segment).Equals(literal, StringComparison.OrdinalIgnoreCase) : segment.Equals(literal, StringComparison.OrdinalIgnoreCase);

    private static string Decode(ReadOnlySpan<char> segment) => segment.Contains('%') ? Uri.UnescapeDataString(segment.ToString()) : segment.ToString();

    private sealed class Node
    {
        private readonly Dictionary<string, RouteEndpoint> _endpoints = new(StringComparer.OrdinalIgnoreCase);

        public List<(string Literal, Node Child)> Literals { get; } = [];

        public List<(RouteSegment Parameter, Node Child)> Parameters { get; } = [];

        public List<(RouteSegment Parameter, Node Child)> CatchAlls { get; } = [];

        public Node Child(RouteSegment segment)
        {
            if (segment.IsLiteral)
            {
                foreach (var (literal, child) in Literals)
                {
                    if (string.Equals(literal, segment.Text, StringComparison.OrdinalIgnoreCase))
                    {
                        return child;
                    }
                }

                var node = new Node();
                Literals.Add((segment.Text, node));
                return node;
            }

            var list = segment.CatchAll ? CatchAlls : Parameters;
            var key = Shape(segment);
            foreach (var (parameter, child) in list)
            {
                if (Shape(parameter) == key)
                {
                    return child;
                }
            }

            var created = new Node();
            list.Add((segment, created));
            // Constrained parameters are tried before unconstrained ones.
            list.Sort(static (a, b) => b.Parameter.Constraints.Length.CompareTo(a.Parameter.Constraints.Length));
            return created;
        }

        public void AddEndpoint(RouteEndpoint endpoint)
        {
            if (!_endpoints.TryAdd(endpoint.Method, endpoint))
            {
                throw new ArgumentException($"The route {endpoint.Method} '{endpoint.Template}' is mapped twice (it conflicts with '{_endpoints[endpoint.Method].Template}').");
            }
        }

        public RouteEndpoint? Endpoint(string method, ref HashSet<string>? allowed)
        {
            if (_endpoints.Count == 0)
            {
                return null;
            }

            if (_endpoints.TryGetValue(method, out var endpoint)
                || (method == "HEAD" && _endpoints.TryGetValue("GET", out endpoint)))
            {
                return endpoint;
            }

            allowed ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var known in _endpoints.Keys)
            {
                allowed.Add(known);
            }

            if (_endpoints.ContainsKey("GET"))
            {
                allowed.Add("HEAD");
            }

            return null;
        }

        private static string Shape(RouteSegment segment)
        {
            var shape = new System.Text.StringBuilder();
            for (var i = 0; i < segment.Constraints.Length; i++)
            {
                shape.Append(i == 0 ? string.Empty : ":").Append(segment.Constraints[i].Text);
            }

            return shape.Append(segment.CatchAll ? "*|" : "|").Append(segment.ParameterName).ToString();
        }
    }
}
