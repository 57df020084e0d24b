using System.Text.Json;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Ses;

namespace Lambda.Toolkit.Testing.Events;

/// <summary>
/// Builds the event an SES receipt rule's Lambda action sends for one received email: SES's 40-character message
/// id, the email's headers and common headers, the envelope recipients, the five verdicts, and the action (asynchronous
/// <c>Event</c> unless <see cref="InvokedSynchronously"/>), with ISO 8601 times in milliseconds.
/// </summary>
/// <example>
/// <code>
/// var email = new SesEventBuilder("support@example.com")
///     .From("jane@example.com", "Jane Doe")
///     .WithSubject("Refund")
///     .WithVerdicts(spam: SesVerdictStatus.Fail)
///     .InvokedSynchronously()
///     .ToJson();
/// </code>
/// </example>
public sealed class SesEventBuilder
{
    private readonly List<string> _recipients;
    private readonly List<SesHeader> _extraHeaders = [];
    private string _from = "sender@example.com";
    private string? _fromName;
    private string _subject = "Test subject";
    private string _spam = SesVerdictStatus.Pass;
    private string _virus = SesVerdictStatus.Pass;
    private string _spf = SesVerdictStatus.Pass;
    private string _dkim = SesVerdictStatus.Pass;
    private string _dmarc = SesVerdictStatus.Pass;
    private string? _dmarcPolicy;
    private string _invocationType = SesInvocationType.Event;
    private string _region = EventDefaults.Region;
    private string _accountId = EventDefaults.AccountId;
    private string _functionName = "test-function";
    private DateTimeOffset? _time;

    /// <summary>Starts an email to the given recipients.</summary>
    /// <param name="recipients">The envelope recipients, also the To header. Default: <c>recipient@example.com</c>.</param>
    public SesEventBuilder(params string[] recipients)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        if (Array.Exists(recipients, string.IsNullOrEmpty))
        {
            throw new ArgumentException("A recipient address must not be empty.", nameof(recipients));
        }

        _recipients = recipients.Length == 0 ? ["recipient@example.com"] : [.. recipients];
    }

    /// <summary>Sets the sender: the envelope's MAIL FROM, Return-Path and From. Default: <c>sender@example.com</c>.</summary>
    /// <param name="address">The address.</param>
    /// <param name="displayName">The From header's display name, if any.</param>
    /// <returns>This builder.</returns>
    public SesEventBuilder From(string address, string? displayName = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(address);
        _from = address;
        _fromName = displayName;
        return this;
    }

    /// <summary>Sets the Subject header. Default: <c>Test subject</c>.</summary>
    /// <param name="subject">The subject.</param>
    /// <returns>This builder.</returns>
    public SesEventBuilder WithSubject(string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        _subject = subject;
        return this;
    }

    /// <summary>Adds a header after the standard ones (a name may be added more than once, as in a real email).</summary>
    /// <param name="name">The header's name.</param>
    /// <param name="value">Its value.</param>
    /// <returns>This builder.</returns>
    public SesEventBuilder AddHeader(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        _extraHeaders.Add(new SesHeader { Name = name, Value = value });
        return this;
    }

    /// <summary>Sets SES's verdicts (see <see cref="SesVerdictStatus"/>). Default: all <c>PASS</c>.</summary>
    /// <param name="spam">The spam verdict.</param>
    /// <param name="virus">The virus verdict.</param>
    /// <param name="spf">The SPF verdict.</param>
    /// <param name="dkim">The DKIM verdict.</param>
    /// <param name="dmarc">The DMARC verdict.</param>
    /// <param name="dmarcPolicy">The sender's DMARC policy, which SES sends only when DMARC failed (<c>none</c>, <c>quarantine</c>, <c>reject</c>).</param>
    /// <returns>This builder.</returns>
    public SesEventBuilder WithVerdicts(
        string spam = SesVerdictStatus.Pass, string virus = SesVerdictStatus.Pass, string spf = SesVerdictStatus.Pass, string dkim = SesVerdictStatus.Pass, string dmarc = SesVerdictStatus.Pass, string? dmarcPolicy = null)
    {
        foreach (var (value, name) in new[] { (spam, nameof(spam)), (virus, nameof(virus)), (spf, nameof(spf)), (dkim, nameof(dkim)), (dmarc, nameof(dmarc)) })
        {
            ArgumentException.ThrowIfNullOrEmpty(value, name);
        }

        if (dmarcPolicy is not null && dmarc != SesVerdictStatus.Fail)
        {
            throw new ArgumentException("SES sends a DMARC policy only when the DMARC verdict is FAIL.", nameof(dmarcPolicy));
        }

        (_spam, _virus, _spf, _dkim, _dmarc, _dmarcPolicy) = (spam, virus, spf, dkim, dmarc, dmarcPolicy);
        return this;
    }

    /// <summary>Makes the action synchronous (<c>RequestResponse</c>): the function answers a disposition. Default: asynchronous (<c>Event</c>).</summary>
    /// <returns>This builder.</returns>
    public SesEventBuilder InvokedSynchronously()
    {
        _invocationType = SesInvocationType.RequestResponse;
        return this;
    }

    /// <summary>Sets the invoked function's name, for the action's ARN. Default: <c>test-function</c>.</summary>
    /// <param name="functionName">The function name.</param>
    /// <returns>This builder.</returns>
    public SesEventBuilder ForFunction(string functionName)
    {
        ArgumentException.ThrowIfNullOrEmpty(functionName);
        _functionName = functionName;
        return this;
    }

    /// <summary>Sets the region of SES and the function. Default: <c>us-east-1</c>.</summary>
    /// <param name="region">The region name.</param>
    /// <returns>This builder.</returns>
    public SesEventBuilder InRegion(string region)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        _region = region;
        return this;
    }

    /// <summary>Sets the function's account id. Default: <c>123456789012</c>.</summary>
    /// <param name="accountId">The 12-digit account id.</param>
    /// <returns>This builder.</returns>
    public SesEventBuilder InAccount(string accountId)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        _accountId = accountId;
        return this;
    }

    /// <summary>Sets when SES received the email. Default: the time <see cref="Build"/> runs.</summary>
    /// <param name="time">The time.</param>
    /// <returns>This builder.</returns>
    public SesEventBuilder At(DateTimeOffset time)
    {
        _time = time;
        return this;
    }

    /// <summary>Builds the event.</summary>
    /// <returns>A new <see cref="SesEvent"/> with one record.</returns>
    public SesEvent Build()
    {
        var time = _time ?? DateTimeOffset.UtcNow;
        var from = _fromName is null ? _from : $"{_fromName} <{_from}>";
        var to = string.Join(", ", _recipients);
        var senderMessageId = $"<{EventIds.Hex32()}@{_from[(_from.IndexOf('@', StringComparison.Ordinal) + 1)..]}>";
        var date = time.UtcDateTime.ToString("ddd, d MMM yyyy HH:mm:ss '+0000'", System.Globalization.CultureInfo.InvariantCulture);
        var messageId = EventIds.Random("abcdefghijklmnopqrstuvwxyz0123456789", 40);
        List<SesHeader> headers =
        [
            new() { Name = "Return-Path", Value = $"<{_from}>" },
            new() { Name = "Received", Value = $"from mail.example.com by inbound-smtp.{_region}.amazonaws.com with SMTP id {messageId} for {_recipients[0]}; {date} (UTC)" },
            new() { Name = "MIME-Version", Value = "1.0" },
            new() { Name = "From", Value = from },
            new() { Name = "Date", Value = date },
            new() { Name = "Message-ID", Value = senderMessageId },
            new() { Name = "Subject", Value = _subject },
            new() { Name = "To", Value = to },
            new() { Name = "Content-Type", Value = "text/plain; charset=UTF-8" },
            .. _extraHeaders.Select(static h => new SesHeader { Name = h.Name, Value = h.Value }),
        ];

        return new SesEvent
        {
            Records =
            [
                new SesRecord
                {
                    EventSource = "aws:ses",
                    EventVersion = "1.0",
                    Ses = new SesMessage
                    {
                        Mail = new SesMail
                        {
                            Timestamp = EventIds.IsoMilliseconds(time),
                            Source = _from,
                            MessageId = messageId,
                            Destination = [.. _recipients],
                            HeadersTruncated = false,
                            Headers = headers,
                            CommonHeaders = new SesCommonHeaders
                            {
                                ReturnPath = _from,
                                From = [from],
                                Date = date,
                                To = [.. _recipients],
                                MessageId = senderMessageId,
                                Subject = _subject,
                            },
                        },
                        Receipt = new SesReceipt
                        {
                            Timestamp = EventIds.IsoMilliseconds(time),
                            ProcessingTimeMillis = 574,
                            Recipients = [.. _recipients],
                            SpamVerdict = new SesVerdict { Status = _spam },
                            VirusVerdict = new SesVerdict { Status = _virus },
                            SpfVerdict = new SesVerdict { Status = _spf },
                            DkimVerdict = new SesVerdict { Status = _dkim },
                            DmarcVerdict = new SesVerdict { Status = _dmarc },
                            DmarcPolicy = _dmarcPolicy,
                            Action = new SesReceiptAction
                            {
                                Type = SesReceiptAction.LambdaType,
                                InvocationType = _invocationType,
                                FunctionArn = $"arn:aws:lambda:{_region}:{_accountId}:function:{_functionName}",
                            },
                        },
                    },
                },
            ],
        };
    }

    /// <summary>Builds the event and serializes it with <see cref="SesJsonContext"/>.</summary>
    /// <returns>The event as UTF-8 JSON, ready for <c>LambdaTestHost.InvokeAsync</c>.</returns>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(Build(), SesJsonContext.Default.SesEvent);
}
