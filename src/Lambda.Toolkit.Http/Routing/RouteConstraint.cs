using System.Globalization;

namespace Lambda.Toolkit.Http.Routing;

/// <summary>A route parameter constraint, such as <c>int</c> or <c>minlength(3)</c>, parsed once when the route is mapped.</summary>
internal sealed class RouteConstraint
{
    private readonly Func<string, bool> _accepts;

    private RouteConstraint(string text, Func<string, bool> accepts)
    {
        Text = text;
        _accepts = accepts;
    }

    public string Text { get; }

    public bool Accepts(string value) => _accepts(value);

    public static RouteConstraint Parse(string text, string template)
    {
        var open = text.IndexOf('(', StringComparison.Ordinal);
        var name = open < 0 ? text : text[..open];
        var args = open < 0 ? [] : text[(open + 1)..^1].Split(',', StringSplitOptions.TrimEntries);
        if (open >= 0 && !text.EndsWith(')'))
        {
            throw Invalid(text, template, "an argument list must end with ')'");
        }

        const NumberStyles Integer = NumberStyles.AllowLeadingSign;
        return name switch
        {
            "int" => new(text, static v => int.TryParse(v, Integer, CultureInfo.InvariantCulture, out _)),
            "long" => new(text, static v => long.TryParse(v, Integer, CultureInfo.InvariantCulture, out _)),
            "decimal" => new(text, static v => decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out _)),
            "double" => new(text, static v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)),
            "bool" => new(text, static v => bool.TryParse(v, out _)),
            "guid" => new(text, static v => Guid.TryParse(v, out _)),
            "datetime" => new(text, static v => DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)),
            "alpha" => new(text, static v => v.Length > 0 && v.All(char.IsAsciiLetter)),
            "minlength" => new(text, v => v.Length >= Arg(args, 0, text, template)),
            "maxlength" => new(text, v => v.Length <= Arg(args, 0, text, template)),
            "length" when args.Length == 1 => new(text, v => v.Length == Arg(args, 0, text, template)),
            "length" => new(text, v => v.Length >= Arg(args, 0, text, template) && v.Length <= Arg(args, 1, text, template)),
            "min" => new(text, v => long.TryParse(v, Integer, CultureInfo.InvariantCulture, out var n) && n >= Arg(args, 0, text, template)),
            "max" => new(text, v => long.TryParse(v, Integer, CultureInfo.InvariantCulture, out var n) && n <= Arg(args, 0, text, template)),
            "range" => new(text, v => long.TryParse(v, Integer, CultureInfo.InvariantCulture, out var n) && n >= Arg(args, 0, text, template) && n <= Arg(args, 1, text, template)),
            _ => throw Invalid(text, template, "known constraints are int, long, decimal, double, bool, guid, datetime, alpha, minlength(n), maxlength(n), length(n), length(min,max), min(n), max(n), range(min,max)"),
        };
    }

    private static long Arg(string[] args, int index, string text, string template) =>
        index < args.Length && long.TryParse(args[index], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid(text, template, $"argument {index + 1} must be an integer");

    private static ArgumentException Invalid(string text, string template, string why) =>
        new($"The route '{template}' has an invalid constraint '{text}': {why}.");
}
