using System.Text.Json;
using System.Text.Json.Serialization;
using Lambda.Toolkit.Events.Alb;
using Lambda.Toolkit.Events.ApiGateway;
using Lambda.Toolkit.Events.AppSync;
using Lambda.Toolkit.Events.Authorizers;
using Lambda.Toolkit.Events.Batch;
using Lambda.Toolkit.Events.CloudWatchLogs;
using Lambda.Toolkit.Events.DynamoDb;
using Lambda.Toolkit.Events.EventBridge;
using Lambda.Toolkit.Events.Firehose;
using Lambda.Toolkit.Events.HttpApi;
using Lambda.Toolkit.Events.Iot;
using Lambda.Toolkit.Events.Kinesis;
using Lambda.Toolkit.Events.S3;
using Lambda.Toolkit.Events.Sns;
using Lambda.Toolkit.Events.Sqs;

namespace Lambda.Toolkit.Events;

/// <summary>
/// Source-generated JSON metadata for every event and response model: no reflection, Native-AOT safe.
/// Nulls are not written, so absent fields stay absent; every property has an explicit wire name.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, GenerationMode = JsonSourceGenerationMode.Metadata | JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(ApiGatewayProxyRequest))]
[JsonSerializable(typeof(ApiGatewayProxyResponse))]
[JsonSerializable(typeof(ApiGatewayWebSocketRequest))]
[JsonSerializable(typeof(HttpApiRequest))]
[JsonSerializable(typeof(HttpApiResponse))]
[JsonSerializable(typeof(AlbRequest))]
[JsonSerializable(typeof(AlbResponse))]
[JsonSerializable(typeof(S3Event))]
[JsonSerializable(typeof(SqsEvent))]
[JsonSerializable(typeof(SnsEvent))]
[JsonSerializable(typeof(SnsNotification))]
[JsonSerializable(typeof(CloudWatchLogsEvent))]
[JsonSerializable(typeof(CloudWatchLogsData))]
[JsonSerializable(typeof(DynamoDbEvent))]
[JsonSerializable(typeof(KinesisEvent))]
[JsonSerializable(typeof(KinesisEventRecord))]
[JsonSerializable(typeof(DynamoDbRecord))]
[JsonSerializable(typeof(SqsMessage))]
[JsonSerializable(typeof(EventBridgeEvent<JsonElement>))]
[JsonSerializable(typeof(BatchResponse))]
[JsonSerializable(typeof(TimeWindowResponse))]
[JsonSerializable(typeof(AttributeValue))]
[JsonSerializable(typeof(FirehoseEvent))]
[JsonSerializable(typeof(FirehoseResponse))]
[JsonSerializable(typeof(Dictionary<string, AttributeValue>))]
[JsonSerializable(typeof(ApiGatewayAuthorizerRequest))]
[JsonSerializable(typeof(ApiGatewayAuthorizerResponse))]
[JsonSerializable(typeof(HttpApiAuthorizerRequest))]
[JsonSerializable(typeof(HttpApiSimpleAuthorizerResponse))]
[JsonSerializable(typeof(IamPolicyDocument))]
[JsonSerializable(typeof(AppSyncAuthorizerRequest))]
[JsonSerializable(typeof(AppSyncAuthorizerResponse))]
[JsonSerializable(typeof(IotCustomAuthorizerRequest))]
[JsonSerializable(typeof(IotCustomAuthorizerResponse))]
public sealed partial class LambdaEventsJsonContext : JsonSerializerContext;
