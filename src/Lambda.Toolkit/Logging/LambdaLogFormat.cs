namespace Lambda.Toolkit.Logging;

/// <summary>How log lines are written to stdout, as Lambda's <c>AWS_LAMBDA_LOG_FORMAT</c> selects.</summary>
public enum LambdaLogFormat
{
    /// <summary>Tab-separated text: timestamp, request id, level, message, then the scopes' keys as <c>[key=value, ...]</c> and the exception.</summary>
    Text,

    /// <summary>One JSON object per line: the standard keys of <see cref="LambdaLogKeys"/>, then the scopes' keys and the message's properties, then the exception.</summary>
    Json,
}
