using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Triggers.Tests.AppSync;

public sealed class TicketInput
{
    [JsonPropertyName("title")]
    public string? Title { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }
}

public sealed class OpenTicketArgs
{
    [JsonPropertyName("input")]
    public TicketInput? Input { get; set; }
}

public sealed class Ticket
{
    [JsonPropertyName("ticketId")]
    public string? TicketId { get; set; }

    [JsonPropertyName("title")]
    public string? Title { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }
}

public sealed class PostSource
{
    [JsonPropertyName("authorId")]
    public string? AuthorId { get; set; }
}

public sealed class Author
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }
}

public sealed class LimitArgs
{
    [JsonPropertyName("limit")]
    public int Limit { get; set; }
}

[JsonSerializable(typeof(OpenTicketArgs))]
[JsonSerializable(typeof(Ticket))]
[JsonSerializable(typeof(PostSource))]
[JsonSerializable(typeof(Author))]
[JsonSerializable(typeof(LimitArgs))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(string))]
public sealed partial class AppSyncTestJson : JsonSerializerContext;
