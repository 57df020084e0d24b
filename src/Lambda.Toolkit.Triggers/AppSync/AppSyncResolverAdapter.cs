using System.Text.Json;
using Lambda.Toolkit.Adapters;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.AppSync;
using Microsoft.Extensions.Logging;

namespace Lambda.Toolkit.Triggers.AppSync;

/// <summary>
/// The direct Lambda resolver adapter: routes each event by <c>info.parentTypeName</c> and <c>info.fieldName</c>,
/// binds the arguments, and writes the handler's value as the response; a batch is answered with an array of the
/// same length and order, each item resolved in turn, one item's failure not failing the others.
/// </summary>
internal sealed partial class AppSyncResolverAdapter(AppSyncResolverBuilder resolvers, Action<AppSyncResolverOptions>? configure) : LambdaAdapter
{
    public override string Name => "AppSync resolver";

    public override bool Accepts(InvocationContext context) => context.Classify(AppSyncResolverClassifier.Instance) != AppSyncResolverShape.None;

    public override InvocationDelegate? Build(PipelineBuildContext context)
    {
        var options = new AppSyncResolverOptions();
        configure?.Invoke(options);
        context.AddProblems(options.Validate());
        context.AddProblems(resolvers.Problems);
        if (resolvers.Routes.Count == 0)
        {
            context.AddProblem("MapAppSyncResolver maps no field: call resolvers.Map(\"Query\", \"myField\", ...) for each field the function resolves.");
        }

        if (context.HasProblems)
        {
            return null;
        }

        var logger = context.CreateLogger("Lambda.Toolkit.Triggers.AppSync");
        return invocation => invocation.Classify(AppSyncResolverClassifier.Instance) == AppSyncResolverShape.Batch
            ? new ValueTask(ResolveBatchAsync(invocation, options.BatchErrors, logger))
            : new ValueTask(ResolveOneAsync(invocation));
    }

    private async Task ResolveOneAsync(InvocationContext invocation)
    {
        var resolverEvent = EventReader.Read(invocation.Payload.Span, AppSyncJsonContext.Default.AppSyncResolverEvent);
        var route = Route(resolverEvent, null);
        var value = await route.ResolveAsync(resolverEvent, null, invocation.Services, invocation.CancellationToken).ConfigureAwait(false);
        invocation.Response.SetBody(value);
    }

    private async Task ResolveBatchAsync(InvocationContext invocation, AppSyncBatchErrorMode mode, ILogger logger)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(EventReader.TrimByteOrderMark(invocation.Payload));
        }
        catch (JsonException ex)
        {
            throw new InvalidEventException(typeof(AppSyncResolverEvent[]), $"The AppSync BatchInvoke event is not valid JSON: {ex.Message}", ex) { JsonPath = "$" };
        }

        using var _ = document;
        var items = document.RootElement.GetArrayLength();
        var events = new AppSyncResolverEvent?[items];
        var routes = new AppSyncRoute?[items];
        var failures = new Exception?[items];
        var index = 0;
        foreach (var element in document.RootElement.EnumerateArray())
        {
            try
            {
                events[index] = element.ValueKind == JsonValueKind.Object
                    ? element.Deserialize(AppSyncJsonContext.Default.AppSyncResolverEvent)
                    : throw new InvalidEventException(typeof(AppSyncResolverEvent), $"Item {index} of the AppSync BatchInvoke event is a JSON {element.ValueKind}, not an object.") { JsonPath = $"$[{index}]" };
            }
            catch (JsonException ex)
            {
                failures[index] = new InvalidEventException(typeof(AppSyncResolverEvent), $"Item {index} of the AppSync BatchInvoke event is not a resolver event: {ex.Message}", ex)
                {
                    JsonPath = ex.Path is { Length: > 1 } inner ? $"$[{index}]{inner[1..]}" : $"$[{index}]",
                };
            }
            catch (InvalidEventException ex)
            {
                failures[index] = ex;
            }

            if (events[index] is { } item)
            {
                // An unmapped field is a deployment mistake, not one item's: it fails the whole invocation.
                routes[index] = Route(item, index);
            }

            index++;
        }

        var values = new byte[]?[items];
        for (var i = 0; i < items; i++)
        {
            if (routes[i] is not { } route)
            {
                continue;
            }

            try
            {
                values[i] = await route.ResolveAsync(events[i]!, i, invocation.Services, invocation.CancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failures[i] = ex;
            }
        }

        using var writer = new Utf8JsonWriter(invocation.Response.BodyWriter);
        writer.WriteStartArray();
        for (var i = 0; i < items; i++)
        {
            var failure = failures[i];
            if (failure is not null)
            {
                var error = FunctionError.FromException(failure);
                LogItemFailed(logger, i, items, Describe(events[i]), error.ErrorType, error.ErrorMessage, failure is InvalidEventException ? null : failure);
            }

            if (mode == AppSyncBatchErrorMode.Null)
            {
                WriteValue(writer, values[i]);
                continue;
            }

            writer.WriteStartObject();
            writer.WritePropertyName("data"u8);
            WriteValue(writer, values[i]);
            if (failure is not null)
            {
                var error = FunctionError.FromException(failure);
                writer.WriteString("errorMessage"u8, error.ErrorMessage);
                writer.WriteString("errorType"u8, error.ErrorType);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteValue(Utf8JsonWriter writer, byte[]? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteRawValue(value, skipInputValidation: true);
        }
    }

    private static string Describe(AppSyncResolverEvent? item) =>
        item?.Info is { } info ? $"{info.ParentTypeName}.{info.FieldName}" : "(unread)";

    private AppSyncRoute Route(AppSyncResolverEvent resolverEvent, int? batchIndex)
    {
        var root = AppSyncBinding.Root(batchIndex);
        var where = batchIndex is { } i ? $" (batch item {i})" : string.Empty;
        var info = resolverEvent.Info;
        if (string.IsNullOrEmpty(info?.ParentTypeName) || string.IsNullOrEmpty(info.FieldName))
        {
            throw new InvalidEventException(
                typeof(AppSyncResolverEvent),
                $"The AppSync resolver event{where} has no info.{(string.IsNullOrEmpty(info?.ParentTypeName) ? "parentTypeName" : "fieldName")}, so no resolver can be chosen.")
            { JsonPath = $"{root}.info" };
        }

        return resolvers.Routes.TryGetValue((info.ParentTypeName, info.FieldName), out var route)
            ? route
            : throw new InvalidEventException(
                typeof(AppSyncResolverEvent),
                $"No AppSync resolver is mapped for {info.ParentTypeName}.{info.FieldName}{where}; mapped: {resolvers.Mapped()}. Map it with resolvers.Map(\"{info.ParentTypeName}\", \"{info.FieldName}\", ...), or point the field's resolver at another function.")
            { JsonPath = $"{root}.info" };
    }

    [LoggerMessage(EventId = 180, Level = LogLevel.Error, Message = "AppSync batch item {Index} of {Count} ({Field}) failed with {ErrorType}: {ErrorMessage}")]
    private static partial void LogItemFailed(ILogger logger, int index, int count, string field, string errorType, string errorMessage, Exception? exception);
}
