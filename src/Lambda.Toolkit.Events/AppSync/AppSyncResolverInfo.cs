using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.AppSync;

/// <summary>The GraphQL field a resolver is invoked for.</summary>
public sealed class AppSyncResolverInfo
{
    /// <summary>The field's name, for example <c>getPost</c>.</summary>
    [JsonPropertyName("fieldName")]
    public string? FieldName { get; set; }

    /// <summary>The type the field belongs to, for example <c>Query</c>, <c>Mutation</c> or <c>Post</c>.</summary>
    [JsonPropertyName("parentTypeName")]
    public string? ParentTypeName { get; set; }

    /// <summary>The fields selected under this one, as paths (<c>author/name</c>).</summary>
    [JsonPropertyName("selectionSetList")]
    public List<string>? SelectionSetList { get; set; }

    /// <summary>The selection set as GraphQL text.</summary>
    [JsonPropertyName("selectionSetGraphQL")]
    public string? SelectionSetGraphQL { get; set; }

    /// <summary>The operation's variables, as sent.</summary>
    [JsonPropertyName("variables")]
    public Dictionary<string, JsonElement>? Variables { get; set; }
}
