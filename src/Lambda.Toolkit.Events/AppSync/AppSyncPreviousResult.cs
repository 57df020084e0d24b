using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.AppSync;

/// <summary>The result of the previous step of a pipeline resolver.</summary>
public sealed class AppSyncPreviousResult
{
    /// <summary>The step's result, as it returned it.</summary>
    [JsonPropertyName("result")]
    public JsonElement? Result { get; set; }
}
