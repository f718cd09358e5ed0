using System.Text;
using Comptoir.Features.Conversations;
using Comptoir.Features.Conversations.Delivery;
using Comptoir.Features.Conversations.Ingestion;
using Comptoir.Platform.Data;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Comptoir.Features.Channels.Email;

/// <summary>
/// Sends e-mail answers and acknowledgements over SMTP, from the mailbox the conversation came in through
/// (else the first enabled mailbox of its activity, else the <c>Outbound:Smtp</c> server and
/// <see cref="OutboundOptions.DefaultFromAddress"/>). Message-ID, In-Reply-To and References are set so that
/// the customer's mail client threads the answer, and their reply comes back to the same conversation. The
/// messages of one outbox batch share one connection per server (<see cref="SmtpSession"/>).
/// </summary>
public sealed class SmtpEmailSender(
    IServiceScopeFactory scopes,
    MailboxPasswords passwords,
    IOptions<OutboundOptions> outbound,
    IOptions<FallbackSmtpOptions> fallback,
    IOptions<EmailOptions> email,
    TimeProvider time) : IOutboundSender
{
    private const int MaxReferences = 20;

    public bool CanSend(Channel channel) => channel == Channel.Email;

    public async Task SendAsync(OutboundEnvelope envelope, OutboundBatch batch, CancellationToken cancellationToken)
    {
        var (server, from, automatic) = await ResolveAsync(envelope, cancellationToken);
        var message = Compose(envelope, from, automatic, time.GetUtcNow(), outbound.Value.MessageIdDomain);
        var session = batch.Get(() => new SmtpSession(email.Value.TimeoutSeconds * 1000));
        try
        {
            await session.SendAsync(server, message, cancellationToken);
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500 && e.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted)
        {
            // The server will refuse this address or this message again: retrying only delays the advisor's notice.
            throw new PermanentDeliveryException($"{server.Host} refused the message for {envelope.To}: {(int)e.StatusCode} {e.Message}");
        }
    }

    public static MimeMessage Compose(OutboundEnvelope envelope, MailboxAddress from, bool automatic, DateTimeOffset now, string messageIdDomain)
    {
        // One address, or the customer's Reply-To list ("a@example.test, b@example.test").
        if (!InternetAddressList.TryParse(envelope.To, out var to)
            || to.Count == 0
            || to.Count != to.Mailboxes.Count()
            || to.Mailboxes.Any(m => !m.Address.Contains('@', StringComparison.Ordinal)))
        {
            throw new PermanentDeliveryException($"\"{envelope.To}\" is not an e-mail address.");
        }

        var message = new MimeMessage { Subject = envelope.Subject ?? "", Date = now };
        message.From.Add(from);
        message.To.AddRange(to.Mailboxes);
        message.MessageId = Bare(envelope.ExternalId) ?? MimeKit.Utils.MimeUtils.GenerateMessageId(messageIdDomain);
        if (Bare(envelope.InReplyTo) is { } parent)
        {
            message.InReplyTo = parent;
        }

        // The thread root and the latest messages, ending with the one answered (RFC 5322 §3.6.4).
        var references = envelope.References.Select(Bare).OfType<string>().Where(r => r != message.MessageId).ToList();
        if (message.InReplyTo is { } inReplyTo)
        {
            references.Remove(inReplyTo);
            references.Add(inReplyTo);
        }

        foreach (var reference in references.Count <= MaxReferences ? references : [references[0], .. references.TakeLast(MaxReferences - 1)])
        {
            message.References.Add(reference);
        }

        if (automatic)
        {
            // RFC 3834: other robots (vacation replies, ticket systems) must not answer an acknowledgement.
            message.Headers.Add("Auto-Submitted", "auto-replied");
            message.Headers.Add("X-Auto-Response-Suppress", "All");
        }

        var body = new TextPart(MimeKit.Text.TextFormat.Plain);
        body.SetText(Encoding.UTF8, envelope.Body);
        message.Body = body;
        return message;
    }

    private async Task<(SmtpServer Server, MailboxAddress From, bool Automatic)> ResolveAsync(OutboundEnvelope envelope, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComptoirDbContext>();
        var automatic = await db.Messages.AsNoTracking().Where(m => m.Id == envelope.MessageId).Select(m => m.IsAutomatic).FirstOrDefaultAsync(cancellationToken);
        var mailbox = envelope.MailboxId is { } id
            ? await db.Mailboxes.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id && m.Enabled, cancellationToken)
            : null;
        mailbox ??= await db.Mailboxes.AsNoTracking()
            .Where(m => m.ActivityId == envelope.ActivityId && m.Enabled)
            .OrderBy(m => m.Id)
            .FirstOrDefaultAsync(cancellationToken);

        if (mailbox is not null)
        {
            var password = mailbox.SmtpPasswordProtected is { Length: > 0 } stored ? passwords.Reveal(stored) : null;
            return (new SmtpServer(mailbox.SmtpHost, mailbox.SmtpPort, mailbox.SmtpSecurity, mailbox.SmtpUser, password),
                new MailboxAddress(mailbox.DisplayName, mailbox.Address), automatic);
        }

        var settings = fallback.Value;
        if (string.IsNullOrWhiteSpace(settings.Host))
        {
            throw new PermanentDeliveryException(
                "No mailbox of this activity is enabled and Outbound:Smtp:Host is not set: add a mailbox in the administration, or configure Outbound:Smtp.");
        }

        return (new SmtpServer(settings.Host, settings.Port, settings.Security, settings.User, settings.Password),
            new MailboxAddress(outbound.Value.DefaultFromName, outbound.Value.DefaultFromAddress), automatic);
    }

    private static string? Bare(string? id) => string.IsNullOrWhiteSpace(id) ? null : id.Trim().TrimStart('<').TrimEnd('>');
}
