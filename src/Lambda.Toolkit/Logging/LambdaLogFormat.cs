namespace Lambda.Toolkit.Logging;

/// <summary>How log lines are written to stdout, as Lambda's <c>AWS_LAMBDA_LOG_FORMAT</c> selects.</summary>
public enum LambdaLogFormat
{
    /// <summary>Tab-separated text: timestamp, request id, level, message.</summary>
    Text,

    /// <summary>One JSON object per line: timestamp, level, requestId, message, structured state, exception.</summary>
    Json,
}
