using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.CloudFormation;

namespace Lambda.Toolkit.Testing.Events;

/// <summary>
/// Builds a CloudFormation custom resource request as CloudFormation sends it: the request type, a pre-signed
/// response URL, the stack ARN, a UUID request id, the resource type and logical id, the service token (top level and
/// inside the properties, as CloudFormation puts it), the physical id on <c>Update</c> and <c>Delete</c>, and the old
/// properties on <c>Update</c>.
/// </summary>
/// <example>
/// <code>
/// await using var cloudFormation = new CustomResourceResponseListener();   // records the answer
/// var json = CloudFormationCustomResourceEventBuilder.Create("Custom::Database", "OrdersDb")
///     .WithProperties(new DbProperties("orders"), MyJson.Default.DbProperties)
///     .WithResponseUrl(cloudFormation.ResponseUrl)
///     .ToJson();
/// </code>
/// </example>
public sealed class CloudFormationCustomResourceEventBuilder
{
    private readonly string _requestType;
    private readonly string _resourceType;
    private readonly string _logicalResourceId;
    private readonly string? _physicalResourceId;
    private readonly string _requestId = EventIds.Uuid();
    private readonly string _stackGuid = EventIds.Uuid();
    private string _propertiesJson = "{}";
    private string? _oldPropertiesJson;
    private string? _responseUrl;
    private string? _serviceToken;
    private string _stackName = "test-stack";
    private string _region = EventDefaults.Region;
    private string _accountId = EventDefaults.AccountId;

    private CloudFormationCustomResourceEventBuilder(string requestType, string resourceType, string logicalResourceId, string? physicalResourceId)
    {
        ArgumentException.ThrowIfNullOrEmpty(resourceType);
        ArgumentException.ThrowIfNullOrEmpty(logicalResourceId);
        _requestType = requestType;
        _resourceType = resourceType;
        _logicalResourceId = logicalResourceId;
        _physicalResourceId = physicalResourceId;
    }

    /// <summary>Starts a <c>Create</c> request.</summary>
    /// <param name="resourceType">The resource type, for example <c>Custom::Database</c>.</param>
    /// <param name="logicalResourceId">The logical id in the template.</param>
    /// <returns>A new builder.</returns>
    public static CloudFormationCustomResourceEventBuilder Create(string resourceType, string logicalResourceId) =>
        new(CloudFormationRequestTypes.Create, resourceType, logicalResourceId, null);

    /// <summary>Starts an <c>Update</c> request; set the previous properties with <see cref="WithOldProperties{T}"/>. Default old properties: <c>{}</c> and the service token.</summary>
    /// <param name="resourceType">The resource type.</param>
    /// <param name="logicalResourceId">The logical id in the template.</param>
    /// <param name="physicalResourceId">The id the resource was given.</param>
    /// <returns>A new builder.</returns>
    public static CloudFormationCustomResourceEventBuilder Update(string resourceType, string logicalResourceId, string physicalResourceId)
    {
        ArgumentException.ThrowIfNullOrEmpty(physicalResourceId);
        return new(CloudFormationRequestTypes.Update, resourceType, logicalResourceId, physicalResourceId) { _oldPropertiesJson = "{}" };
    }

    /// <summary>Starts a <c>Delete</c> request.</summary>
    /// <param name="resourceType">The resource type.</param>
    /// <param name="logicalResourceId">The logical id in the template.</param>
    /// <param name="physicalResourceId">The id the resource was given.</param>
    /// <returns>A new builder.</returns>
    public static CloudFormationCustomResourceEventBuilder Delete(string resourceType, string logicalResourceId, string physicalResourceId)
    {
        ArgumentException.ThrowIfNullOrEmpty(physicalResourceId);
        return new(CloudFormationRequestTypes.Delete, resourceType, logicalResourceId, physicalResourceId);
    }

    /// <summary>Sets the resource's properties. Default: none besides the service token.</summary>
    /// <typeparam name="T">The properties' type; it must serialize to a JSON object.</typeparam>
    /// <param name="value">The properties.</param>
    /// <param name="jsonTypeInfo">Source-generated metadata for <typeparamref name="T"/>.</param>
    /// <returns>This builder.</returns>
    public CloudFormationCustomResourceEventBuilder WithProperties<T>(T value, JsonTypeInfo<T> jsonTypeInfo) =>
        WithPropertiesJson(JsonSerializer.Serialize(value, jsonTypeInfo));

    /// <summary>Sets the resource's properties from JSON text, which must be an object. CloudFormation sends every scalar as a string.</summary>
    /// <param name="json">The properties' JSON.</param>
    /// <returns>This builder.</returns>
    public CloudFormationCustomResourceEventBuilder WithPropertiesJson(string json)
    {
        _propertiesJson = ObjectJson(json);
        return this;
    }

    /// <summary>Sets the properties before the update; <c>Update</c> requests only.</summary>
    /// <typeparam name="T">The properties' type.</typeparam>
    /// <param name="value">The previous properties.</param>
    /// <param name="jsonTypeInfo">Source-generated metadata for <typeparamref name="T"/>.</param>
    /// <returns>This builder.</returns>
    public CloudFormationCustomResourceEventBuilder WithOldProperties<T>(T value, JsonTypeInfo<T> jsonTypeInfo) =>
        WithOldPropertiesJson(JsonSerializer.Serialize(value, jsonTypeInfo));

    /// <summary>Sets the properties before the update from JSON text, which must be an object; <c>Update</c> requests only.</summary>
    /// <param name="json">The previous properties' JSON.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="InvalidOperationException">The request is not an <c>Update</c>.</exception>
    public CloudFormationCustomResourceEventBuilder WithOldPropertiesJson(string json)
    {
        if (_requestType != CloudFormationRequestTypes.Update)
        {
            throw new InvalidOperationException($"Only an Update request carries OldResourceProperties; this is a {_requestType} request.");
        }

        _oldPropertiesJson = ObjectJson(json);
        return this;
    }

    /// <summary>
    /// Sets where the response is uploaded, typically a local HTTP server in a test. Default: an S3 URL of the shape
    /// CloudFormation pre-signs (<c>https://cloudformation-custom-resource-response-{region}.s3.amazonaws.com/...</c>),
    /// which a test cannot answer.
    /// </summary>
    /// <param name="url">An absolute URL.</param>
    /// <returns>This builder.</returns>
    public CloudFormationCustomResourceEventBuilder WithResponseUrl(string url)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        _responseUrl = Uri.TryCreate(url, UriKind.Absolute, out _) ? url : throw new ArgumentException("The response URL must be absolute.", nameof(url));
        return this;
    }

    /// <summary>Sets the service token. Default: the ARN of a function <c>test-function</c> in the builder's account and region.</summary>
    /// <param name="serviceToken">A Lambda function or SNS topic ARN.</param>
    /// <returns>This builder.</returns>
    public CloudFormationCustomResourceEventBuilder WithServiceToken(string serviceToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceToken);
        _serviceToken = serviceToken;
        return this;
    }

    /// <summary>Sets the stack's name. Default: <c>test-stack</c>.</summary>
    /// <param name="stackName">The stack name.</param>
    /// <returns>This builder.</returns>
    public CloudFormationCustomResourceEventBuilder InStack(string stackName)
    {
        ArgumentException.ThrowIfNullOrEmpty(stackName);
        _stackName = stackName;
        return this;
    }

    /// <summary>Sets the region. Default: <c>us-east-1</c>.</summary>
    /// <param name="region">The region name.</param>
    /// <returns>This builder.</returns>
    public CloudFormationCustomResourceEventBuilder InRegion(string region)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        _region = region;
        return this;
    }

    /// <summary>Sets the account id. Default: <c>123456789012</c>.</summary>
    /// <param name="accountId">The 12-digit account id.</param>
    /// <returns>This builder.</returns>
    public CloudFormationCustomResourceEventBuilder InAccount(string accountId)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        _accountId = accountId;
        return this;
    }

    /// <summary>Builds the request.</summary>
    /// <returns>A new request.</returns>
    public CloudFormationCustomResourceRequest Build()
    {
        var stackId = $"arn:aws:cloudformation:{_region}:{_accountId}:stack/{_stackName}/{_stackGuid}";
        var serviceToken = _serviceToken ?? $"arn:aws:lambda:{_region}:{_accountId}:function:test-function";
        var responseUrl = _responseUrl
            ?? $"https://cloudformation-custom-resource-response-{_region.Replace("-", string.Empty, StringComparison.Ordinal)}.s3.amazonaws.com/"
               + Uri.EscapeDataString($"{stackId}|{_logicalResourceId}|{_requestId}")
               + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20260101T000000Z&X-Amz-SignedHeaders=host&X-Amz-Expires=7200&X-Amz-Signature=" + EventIds.Hex32() + EventIds.Hex32();
        return new CloudFormationCustomResourceRequest
        {
            RequestType = _requestType,
            ServiceToken = serviceToken,
            ResponseUrl = responseUrl,
            StackId = stackId,
            RequestId = _requestId,
            LogicalResourceId = _logicalResourceId,
            PhysicalResourceId = _physicalResourceId,
            ResourceType = _resourceType,
            ResourceProperties = WithToken(_propertiesJson, serviceToken),
            OldResourceProperties = _oldPropertiesJson is null ? null : WithToken(_oldPropertiesJson, serviceToken),
        };
    }

    /// <summary>Builds the request and serializes it with <see cref="CloudFormationJsonContext"/>.</summary>
    /// <returns>The request as UTF-8 JSON, ready for <c>LambdaTestHost.InvokeAsync</c>.</returns>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(Build(), CloudFormationJsonContext.Default.CloudFormationCustomResourceRequest);

    private static string ObjectJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object
            ? json
            : throw new ArgumentException("Custom resource properties are a JSON object.", nameof(json));
    }

    private static JsonElement WithToken(string json, string serviceToken)
    {
        var properties = new JsonObject { ["ServiceToken"] = serviceToken };
        foreach (var (name, value) in JsonNode.Parse(json)!.AsObject())
        {
            properties[name] = value?.DeepClone();
        }

        using var document = JsonDocument.Parse(properties.ToJsonString());
        return document.RootElement.Clone();
    }
}
