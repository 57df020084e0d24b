using Amazon.SQS;
using Lambda.Toolkit.Batch.DeadLetter;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Aws.Sqs;

/// <summary>Dead-letter policies that send to SQS.</summary>
public static class SqsDeadLetters
{
    /// <summary>
    /// Dead-letters to the SQS queue at <paramref name="queueUrl"/>, with the <see cref="IAmazonSQS"/> client
    /// registered in the container (register one with the endpoint and credentials you need; none is created for you).
    /// </summary>
    /// <param name="queueUrl">The dead-letter queue's URL.</param>
    /// <returns>The policy; set its thresholds before mapping.</returns>
    public static DeadLetterPolicy To(string queueUrl)
    {
        ArgumentException.ThrowIfNullOrEmpty(queueUrl);
        return DeadLetters.To<IAmazonSQS>(sqs => new SqsDeadLetterSink(sqs, queueUrl));
    }
}
