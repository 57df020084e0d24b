namespace OrdersApi;

/// <summary>Validates order requests; returns errors by field, empty when valid.</summary>
public static class OrderValidation
{
    public const int MaxLines = 50;
    public const int MaxQuantity = 100;

    public static Dictionary<string, string[]> Validate(OrderRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.Customer))
        {
            errors["customer"] = ["The customer is required."];
        }
        else if (request.Customer.Length > 100)
        {
            errors["customer"] = ["The customer must be at most 100 characters."];
        }

        if (request.Lines is not { Count: > 0 } lines)
        {
            errors["lines"] = ["An order needs at least one line."];
            return errors;
        }

        if (lines.Count > MaxLines)
        {
            errors["lines"] = [$"An order has at most {MaxLines} lines."];
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] is not { } line)
            {
                errors[$"lines[{i}]"] = ["The line is null; a line needs a sku and a quantity."];
                continue;
            }

            if (string.IsNullOrWhiteSpace(line.Sku))
            {
                errors[$"lines[{i}].sku"] = ["The SKU is required."];
            }

            if (line.Quantity is < 1 or > MaxQuantity)
            {
                errors[$"lines[{i}].quantity"] = [$"The quantity must be between 1 and {MaxQuantity}."];
            }
        }

        return errors;
    }
}
