using System.Text.Json;
using System.Text.Json.Serialization;
using Lambda.Toolkit.Events.Alb;
using Lambda.Toolkit.Events.AmazonMq;
using Lambda.Toolkit.Events.ApiGateway;
using Lambda.Toolkit.Events.AppSync;
using Lambda.Toolkit.Events.Authorizers;
using Lambda.Toolkit.Events.Batch;
using Lambda.Toolkit.Events.CloudFormation;
using Lambda.Toolkit.Events.CloudWatchLogs;
using Lambda.Toolkit.Events.Cognito;
using Lambda.Toolkit.Events.CodeCommit;
using Lambda.Toolkit.Events.CodePipeline;
using Lambda.Toolkit.Events.Config;
using Lambda.Toolkit.Events.DynamoDb;
using Lambda.Toolkit.Events.EventBridge;
using Lambda.Toolkit.Events.EventBridge.S3;
using Lambda.Toolkit.Events.Firehose;
using Lambda.Toolkit.Events.HttpApi;
using Lambda.Toolkit.Events.Kafka;
using Lambda.Toolkit.Events.Iot;
using Lambda.Toolkit.Events.Kinesis;
using Lambda.Toolkit.Events.S3;
using Lambda.Toolkit.Events.S3Batch;
using Lambda.Toolkit.Events.Ses;
using Lambda.Toolkit.Events.SecretsManager;
using Lambda.Toolkit.Events.Sns;
using Lambda.Toolkit.Events.Sqs;

namespace Lambda.Toolkit.Events;

/// <summary>
/// Source-generated JSON metadata for every event and response model: no reflection, Native-AOT safe.
/// Nulls are not written, so absent fields stay absent; every property has an explicit wire name.
/// </summary>
/// <remarks>
/// This context is the union of the per-source contexts (<see cref="Http.HttpJsonContext"/>,
/// <see cref="Sqs.SqsJsonContext"/>, <see cref="Batch.BatchJsonContext"/>, ... one in each source's namespace) and
/// writes the same JSON as they do. Code that touches it carries every source's models into a Native AOT binary
/// (its <see cref="GetTypeInfo(Type)"/> reaches them all), which costs binary size and startup time: a function
/// should read and write through the contexts of the sources it handles, as the toolkit's adapters do. This one
/// suits tests and tools that handle many sources.
/// </remarks>
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
[JsonSerializable(typeof(ScheduledEventDetail))]
[JsonSerializable(typeof(S3ObjectCreatedDetail))]
[JsonSerializable(typeof(S3ObjectDeletedDetail))]
[JsonSerializable(typeof(S3EventBridgeBucket))]
[JsonSerializable(typeof(S3EventBridgeObject))]
[JsonSerializable(typeof(BatchResponse))]
[JsonSerializable(typeof(TimeWindowResponse))]
[JsonSerializable(typeof(AttributeValue))]
[JsonSerializable(typeof(FirehoseEvent))]
[JsonSerializable(typeof(FirehoseResponse))]
[JsonSerializable(typeof(S3BatchEvent))]
[JsonSerializable(typeof(S3BatchResponse))]
[JsonSerializable(typeof(Dictionary<string, AttributeValue>))]
[JsonSerializable(typeof(SesEvent))]
[JsonSerializable(typeof(SesReceiptRuleResponse))]
[JsonSerializable(typeof(ConfigRuleEvent))]
[JsonSerializable(typeof(ConfigurationItemChangeNotification))]
[JsonSerializable(typeof(OversizedConfigurationItemChangeNotification))]
[JsonSerializable(typeof(ScheduledNotification))]
[JsonSerializable(typeof(ConfigurationSnapshotDeliveryCompleted))]
[JsonSerializable(typeof(ConfigRuleResponse))]
[JsonSerializable(typeof(KafkaEvent))]
[JsonSerializable(typeof(KafkaRecord))]
[JsonSerializable(typeof(ActiveMqEvent))]
[JsonSerializable(typeof(ActiveMqMessage))]
[JsonSerializable(typeof(RabbitMqEvent))]
[JsonSerializable(typeof(RabbitMqMessage))]
[JsonSerializable(typeof(CloudFormationCustomResourceRequest))]
[JsonSerializable(typeof(CloudFormationCustomResourceResponse))]
[JsonSerializable(typeof(SecretsManagerRotationEvent))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(ApiGatewayAuthorizerRequest))]
[JsonSerializable(typeof(ApiGatewayAuthorizerResponse))]
[JsonSerializable(typeof(HttpApiAuthorizerRequest))]
[JsonSerializable(typeof(HttpApiSimpleAuthorizerResponse))]
[JsonSerializable(typeof(IamPolicyDocument))]
[JsonSerializable(typeof(AppSyncAuthorizerRequest))]
[JsonSerializable(typeof(AppSyncAuthorizerResponse))]
[JsonSerializable(typeof(AppSyncResolverEvent))]
[JsonSerializable(typeof(AppSyncResolverEvent[]))]
[JsonSerializable(typeof(CodeCommitEvent))]
[JsonSerializable(typeof(CodePipelineJobEvent))]
[JsonSerializable(typeof(CodePipelineJobResult))]
[JsonSerializable(typeof(IotCustomAuthorizerRequest))]
[JsonSerializable(typeof(IotCustomAuthorizerResponse))]
[JsonSerializable(typeof(CognitoPreSignUpEvent))]
[JsonSerializable(typeof(CognitoPostConfirmationEvent))]
[JsonSerializable(typeof(CognitoPreAuthenticationEvent))]
[JsonSerializable(typeof(CognitoPostAuthenticationEvent))]
[JsonSerializable(typeof(CognitoPreTokenGenerationEvent))]
[JsonSerializable(typeof(CognitoPreTokenGenerationV2Event))]
[JsonSerializable(typeof(CognitoCustomMessageEvent))]
[JsonSerializable(typeof(CognitoDefineAuthChallengeEvent))]
[JsonSerializable(typeof(CognitoCreateAuthChallengeEvent))]
[JsonSerializable(typeof(CognitoVerifyAuthChallengeEvent))]
[JsonSerializable(typeof(CognitoUserMigrationEvent))]
[JsonSerializable(typeof(CognitoCustomSenderEvent))]
[JsonSerializable(typeof(CognitoInboundFederationEvent))]
public sealed partial class LambdaEventsJsonContext : JsonSerializerContext;
