using System.Security.Cryptography;
using Comptoir.Features.Conversations;
using Comptoir.Features.Conversations.Ingestion;
using Comptoir.Features.Customers;
using Comptoir.Platform.Text;
using MimeKit;

namespace Comptoir.Features.Channels.Email;

/// <summary>Where a message was read: the mailbox decides the activity, store and country of the contact.</summary>
public sealed record MailboxOrigin(int MailboxId, string Address, int ActivityId, int? StoreId, int? CountryId);

/// <summary>
/// A message as read from a mailbox: a contact to store, or the reason it cannot be one (it is then kept raw).
/// <see cref="ExternalId"/> is its Message-ID with angle brackets, or one derived from its bytes.
/// </summary>
public sealed record ParsedEmail(string ExternalId, InboundContact? Contact, string? Refusal);

/// <summary>
/// Turns the raw bytes of an e-mail into an <see cref="InboundContact"/>. Pure and stateless (no database, no
/// network), so that it can be measured on its own and tested without servers. Malformed mail keeps the
/// customer's words: text a broken MIME structure hides (a multipart without boundary, text before the first
/// boundary) is put back in the body, and whenever reading lost anything the original message is attached as
/// <c>original.eml</c> and the message marked <see cref="InboundContact.Malformed"/> for the advisor.
/// </summary>
public static class InboundEmailParser
{
    public const string UnreadableMime = "MIME illisible : les en-têtes du message n'ont pas pu être lus.";
    public const string NoSender = "Aucun expéditeur utilisable : l'en-tête From est absent ou ne contient pas d'adresse e-mail valide.";

    // Column lengths of Message, Attachment and Customer: PostgreSQL refuses longer values.
    private const int MaxId = 300;
    private const int MaxSubject = 300;
    private const int MaxName = 200;
    private const int MaxFileName = 260;
    private const int MaxContentType = 120;
    private const int MaxReferences = 50;
    private const int MaxAddresses = 300;

    /// <summary>The name under which the original of a malformed message is attached.</summary>
    public const string OriginalFileName = "original.eml";

    private static readonly string[] BulkPrecedence = ["bulk", "list", "junk", "auto_reply"];

    public static ParsedEmail Parse(byte[] raw, MailboxOrigin origin, DateTimeOffset receivedAt)
    {
        MimeMessage message;
        try
        {
            using var stream = new MemoryStream(raw, writable: false);
            message = MimeMessage.Load(stream);
        }
        catch (FormatException)
        {
            return new ParsedEmail(DerivedId(raw), null, UnreadableMime);
        }

        var externalId = Bracketed(message.MessageId) ?? DerivedId(raw);
        var sender = message.From.Mailboxes.FirstOrDefault(IsUsable)
                     ?? (message.Sender is { } declared && IsUsable(declared) ? declared : null);
        if (sender is null)
        {
            return new ParsedEmail(externalId, null, NoSender);
        }

        var replyTo = ReplyAddresses(message) ?? sender.Address;
        var malformed = false;
        var text = BodyPart(message.Body, "plain") is { } plainPart ? MimeText.Decode(plainPart, ref malformed) : message.TextBody;
        var html = BodyPart(message.Body, "html") is { } htmlPart ? MimeText.Decode(htmlPart, ref malformed) : message.HtmlBody;
        // Sanitised first, so that the text of a <script> or <style> never reads as the customer's words.
        var body = text ?? (html is null ? "" : CustomerHtml.ToText(CustomerHtml.Sanitize(html)));
        var hidden = MimeText.Hidden(message.Body);
        if (hidden.Count > 0)
        {
            // What the structure hid goes before the body, where the customer wrote it.
            malformed = true;
            body = string.Join("\n\n", hidden.Append(body).Where(t => !string.IsNullOrWhiteSpace(t)));
        }

        var attachments = AttachmentsOf(message);
        if (malformed)
        {
            attachments.Add(new InboundAttachment(OriginalFileName, "message/rfc822", raw));
        }

        var contact = new InboundContact
        {
            Channel = Channel.Email,
            ExternalId = externalId,
            At = receivedAt,
            ActivityId = origin.ActivityId,
            StoreId = origin.StoreId,
            CountryId = origin.CountryId,
            MailboxId = origin.MailboxId,
            Subject = Truncate(WithoutNul(message.Subject?.Trim()), MaxSubject),
            Body = WithoutNul(body)!,
            BodyHtml = hidden.Count > 0 ? null : WithoutNul(html),
            From = sender.Address,
            To = origin.Address,
            CustomerName = Truncate(WithoutNul(sender.Name?.Trim(' ', '"', '\'')), MaxName) is { Length: > 0 } name ? name : null,
            Identities = [(IdentityKind.Email, sender.Address)],
            // Delivered by the mail servers, the From is only weakly proven: it links the contact to its customer,
            // and nothing else the message says is added to that customer on its strength.
            Proven = (IdentityKind.Email, sender.Address, IdentityProof.Weak),
            ReplyTo = replyTo,
            InReplyTo = Bracketed(message.InReplyTo),
            References = ReferencesOf(message),
            IsAutomated = IsAutomated(message, sender.Address),
            Attachments = attachments,
            Malformed = malformed,
        };
        return new ParsedEmail(externalId, contact, null);
    }

    /// <summary>
    /// Sent by a machine, so never answered automatically: auto-replies and other auto-submitted mail
    /// (RFC 3834), bulk and list mail, Exchange's suppression header, bounces (empty Return-Path), and
    /// no-reply or daemon senders.
    /// </summary>
    public static bool IsAutomated(MimeMessage message, string sender)
    {
        var headers = message.Headers;
        var autoSubmitted = headers["Auto-Submitted"]?.Split(';')[0].Trim();
        var precedence = headers["Precedence"]?.Trim();
        var suppress = headers["X-Auto-Response-Suppress"]?.Trim();
        return (autoSubmitted is { Length: > 0 } && !autoSubmitted.Equals("no", StringComparison.OrdinalIgnoreCase))
               || (precedence is not null && BulkPrecedence.Contains(precedence, StringComparer.OrdinalIgnoreCase))
               || headers.Contains("List-Id")
               || (suppress is { Length: > 0 } && !suppress.Equals("None", StringComparison.OrdinalIgnoreCase))
               || headers.Contains("X-Autoreply")
               || headers.Contains("X-Autorespond")
               || headers["Return-Path"]?.Trim() == "<>"
               || Acknowledgements.IsMachineAddress(sender);
    }

    /// <summary>
    /// The usable Reply-To addresses, comma-separated and no longer than the column that stores them (RFC 5322
    /// §3.6.2: answers go to all of them); null when the message has none, so answers go to the sender.
    /// </summary>
    private static string? ReplyAddresses(MimeMessage message)
    {
        var addresses = new List<string>();
        var length = 0;
        foreach (var address in message.ReplyTo.Mailboxes.Where(IsUsable).Select(m => m.Address).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            length += address.Length + (addresses.Count == 0 ? 0 : 2);
            if (length > MaxAddresses)
            {
                break;
            }

            addresses.Add(address);
        }

        return addresses.Count == 0 ? null : string.Join(", ", addresses);
    }

    /// <summary>A stable id for a message without one: the same bytes read twice are recognised as one message.</summary>
    public static string DerivedId(byte[] raw) => $"<{Convert.ToHexStringLower(SHA256.HashData(raw))}@sha256.invalid>";

    private static bool IsUsable(MailboxAddress address) =>
        IdentityValue.Normalize(IdentityKind.Email, address.Address) is not null;

    /// <summary>The id in angle brackets; none when it is too long to store or holds a control character (a NUL from a broken header).</summary>
    private static string? Bracketed(string? id) =>
        string.IsNullOrWhiteSpace(id) || id.Length + 2 > MaxId || id.Any(char.IsControl) ? null : $"<{id.Trim()}>";

    /// <summary>
    /// The part <see cref="MimeMessage.TextBody"/> or <see cref="MimeMessage.HtmlBody"/> reads: in an alternative,
    /// the last one of that kind; elsewhere, the first that is not an attachment.
    /// </summary>
    private static TextPart? BodyPart(MimeEntity? entity, string subtype) => entity switch
    {
        TextPart part when !part.IsAttachment && part.ContentType.IsMimeType("text", subtype) => part,
        MultipartAlternative alternative => alternative.Reverse().Select(e => BodyPart(e, subtype)).FirstOrDefault(p => p is not null),
        Multipart multipart => multipart.Select(e => BodyPart(e, subtype)).FirstOrDefault(p => p is not null),
        _ => null,
    };

    private static string? WithoutNul(string? text) => text?.Replace("\0", "", StringComparison.Ordinal);

    /// <summary>The thread root first (it names the conversation's thread), then the most recent ones.</summary>
    private static List<string> ReferencesOf(MimeMessage message)
    {
        var references = message.References.Select(Bracketed).OfType<string>().ToList();
        return references.Count <= MaxReferences ? references : [references[0], .. references.TakeLast(MaxReferences - 1)];
    }

    /// <summary>
    /// Every part that is not the text or HTML body: attachments, and inline images too, since a customer's
    /// pasted screenshot of a receipt is evidence. A forwarded message is kept whole as an .eml file.
    /// </summary>
    private static List<InboundAttachment> AttachmentsOf(MimeMessage message)
    {
        var attachments = new List<InboundAttachment>();
        foreach (var part in message.BodyParts)
        {
            if (part is TextPart { IsAttachment: false } || part is not (MimePart or MessagePart))
            {
                continue;
            }

            using var content = new MemoryStream();
            string fileName;
            if (part is MessagePart forwarded)
            {
                forwarded.Message?.WriteTo(content);
                fileName = forwarded.ContentDisposition?.FileName ?? "message.eml";
            }
            else
            {
                var mime = (MimePart)part;
                mime.Content?.DecodeTo(content);
                fileName = mime.FileName
                           ?? "piece-jointe-" + (attachments.Count + 1) + (MimeTypes.TryGetExtension(mime.ContentType.MimeType, out var extension) ? extension : "");
            }

            attachments.Add(new InboundAttachment(
                FileNameOf(fileName),
                Truncate(part.ContentType.MimeType, MaxContentType)!,
                content.ToArray()));
        }

        return attachments;
    }

    /// <summary>The name only (no folder a sender slipped in), short enough to store, keeping its extension.</summary>
    private static string FileNameOf(string name)
    {
        var file = Path.GetFileName(new string([.. name.Where(c => !char.IsControl(c))]).Replace('\\', '/')).Trim();
        if (file.Length == 0)
        {
            return "piece-jointe";
        }

        if (file.Length <= MaxFileName)
        {
            return file;
        }

        var extension = Path.GetExtension(file);
        extension = extension.Length <= 20 ? extension : "";
        return file[..(MaxFileName - extension.Length)] + extension;
    }

    private static string? Truncate(string? text, int length) =>
        text is null || text.Length <= length ? text : text[..length];
}
