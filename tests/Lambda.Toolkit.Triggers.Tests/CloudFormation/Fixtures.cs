using Lambda.Toolkit.Testing.CloudFormation;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Lambda.Toolkit.Logging;
using Lambda.Toolkit.Triggers.CloudFormation;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Triggers.Tests.CloudFormation;

public sealed class TestResourceProperties
{
    [JsonPropertyName("StackName")]
    public string? StackName { get; set; }

    [JsonPropertyName("List")]
    public List<string>? List { get; set; }

    [JsonPropertyName("Size")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public int Size { get; set; }
}

public sealed record Outputs([property: JsonPropertyName("Endpoint")] string Endpoint, [property: JsonPropertyName("Port")] int Port);

[JsonSerializable(typeof(TestResourceProperties))]
[JsonSerializable(typeof(Outputs))]
[JsonSerializable(typeof(string))]
public sealed partial class TriggerTestJson : JsonSerializerContext;

internal static class Fixtures
{
    public static string Sample(string folder, string file) => Path.Combine(AppContext.BaseDirectory, "events", folder, file);

    public static LambdaApplicationBuilder Builder()
    {
        var builder = LambdaApplication.CreateBuilder(new LambdaApplicationOptions { Environment = new LambdaEnvironment() });
        builder.Services.Configure<LambdaLoggerOptions>(o => o.Output = Stream.Null);
        return builder;
    }

    /// <summary>The AWS create sample with its ResponseURL pointed at the test server, and any top-level changes.</summary>
    public static string Request(CustomResourceResponseListener server, string? requestType = null, Action<JsonObject>? change = null)
    {
        var node = JsonNode.Parse(File.ReadAllText(Sample("cloudformation", "cfn-create-request.json")))!.AsObject();
        node["ResponseURL"] = server.ResponseUrl;
        if (requestType is not null)
        {
            node["RequestType"] = requestType;
        }

        change?.Invoke(node);
        return node.ToJsonString();
    }

    public static string Update(CustomResourceResponseListener server, string physicalId) => Request(server, "Update", n =>
    {
        n["PhysicalResourceId"] = physicalId;
        n["OldResourceProperties"] = new JsonObject { ["StackName"] = "old-name", ["List"] = new JsonArray("1") };
    });

    public static string Delete(CustomResourceResponseListener server, string physicalId) => Request(server, "Delete", n => n["PhysicalResourceId"] = physicalId);
}

/// <summary>A handler class resolved from DI that records what it was asked.</summary>
public sealed class RecordingResource : ICustomResourceHandler<TestResourceProperties>
{
    public static readonly List<string> Calls = [];

    public ValueTask<CustomResourceResult> CreateAsync(CustomResourceRequest<TestResourceProperties> request, CancellationToken cancellationToken)
    {
        lock (Calls)
        {
            Calls.Add("Create:" + request.Properties.StackName);
        }

        return ValueTask.FromResult(new CustomResourceResult("db-" + request.Properties.StackName));
    }

    public ValueTask<CustomResourceResult> UpdateAsync(CustomResourceRequest<TestResourceProperties> request, CancellationToken cancellationToken)
    {
        lock (Calls)
        {
            Calls.Add($"Update:{request.OldProperties!.StackName}->{request.Properties.StackName}");
        }

        return ValueTask.FromResult(new CustomResourceResult());
    }

    public ValueTask<CustomResourceResult> DeleteAsync(CustomResourceRequest<TestResourceProperties> request, CancellationToken cancellationToken)
    {
        lock (Calls)
        {
            Calls.Add("Delete:" + request.PhysicalResourceId);
        }

        return ValueTask.FromResult(new CustomResourceResult());
    }
}
