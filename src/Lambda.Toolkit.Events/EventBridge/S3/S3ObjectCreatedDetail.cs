namespace Lambda.Toolkit.Events.EventBridge.S3;

/// <summary>
/// The detail of S3's <c>Object Created</c> event (source <c>aws.s3</c>), sent when the bucket has EventBridge
/// notifications turned on; <see cref="S3EventBridgeObjectDetail.Reason"/> names the API that created the object.
/// Map it with
/// <c>app.MapEventBridge("aws.s3", "Object Created", EventBridgeJsonContext.Default.S3ObjectCreatedDetail, handler)</c>.
/// </summary>
public sealed class S3ObjectCreatedDetail : S3EventBridgeObjectDetail;
