using System.Globalization;
using Comptoir.Features.Routing;
using Microsoft.Extensions.Options;

namespace Comptoir.Features.Conversations.Ingestion;

/// <summary>
/// The automatic answer that sets expectations ("we received your message, an advisor will answer by
/// Tuesday 14:00"), and the notice that an attachment was refused. Never sent to a machine (auto-replies,
/// bulk mail, no-reply addresses) and capped per conversation, so that two robots never loop.
/// </summary>
public sealed class Acknowledgements(IOptions<IngestionOptions> options, IOptions<OutboundOptions> outbound)
{
    private static readonly string[] MachineMailboxes = ["noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "mailer-daemon", "postmaster", "bounce", "bounces", "notification", "notifications"];

    public static bool IsMachineAddress(string? address)
    {
        if (address is null)
        {
            return false;
        }

        var at = address.IndexOf('@', StringComparison.Ordinal);
        var local = (at > 0 ? address[..at] : address).ToLowerInvariant();
        return MachineMailboxes.Any(m => local == m || local.StartsWith(m + "+", StringComparison.Ordinal) || local.StartsWith(m + ".", StringComparison.Ordinal));
    }

    /// <summary>The automatic message to send for this contact, if any; counts it against the conversation's cap.</summary>
    public Message? For(Conversation conversation, InboundContact contact, bool isNewConversation, DateTimeOffset now, RoutingCatalog.Snapshot routing)
    {
        var refused = contact.Attachments.Where(a => a.Content.LongLength > options.Value.MaxAttachmentBytes).ToList();
        if ((!isNewConversation && refused.Count == 0)
            || contact.IsAutomated
            || contact.ReplyTo is null
            || contact.ReplyTo.Split(',').Any(a => IsMachineAddress(a.Trim()))
            || !contact.Channel.CanReply()
            || conversation.AutomaticMessages >= options.Value.MaxAutomaticMessages)
        {
            return null;
        }

        var zone = routing.ClockFor(conversation.StoreId, conversation.QueueId).Zone;
        var texts = AcknowledgementTexts.For(conversation.Language);
        var lines = new List<string> { texts.Greeting };
        if (isNewConversation)
        {
            lines.Add(string.Format(CultureInfo.InvariantCulture, texts.Received, conversation.Id));
            if (conversation.FirstResponseDueAt is { } due)
            {
                var local = TimeZoneInfo.ConvertTime(due, zone);
                lines.Add(string.Format(texts.Culture, texts.AnswerBy, local));
            }
        }

        foreach (var attachment in refused)
        {
            lines.Add(string.Format(texts.Culture, texts.Refused, attachment.FileName, options.Value.MaxAttachmentBytes / (1024 * 1024)));
        }

        lines.Add(texts.Signature);
        var channel = conversation.Channel.ReplyChannel();
        conversation.AutomaticMessages++;
        return new Message
        {
            Direction = MessageDirection.Outbound,
            Channel = channel,
            ExternalId = channel == Channel.Email ? OutboundMessageId.New(outbound.Value.MessageIdDomain) : null,
            InReplyTo = contact.ExternalId,
            To = contact.ReplyTo.Trim().ToLowerInvariant(),
            Subject = channel == Channel.Email ? $"{Reply(contact.Subject ?? conversation.Subject)} [{texts.Reference} {conversation.Id}]" : null,
            Body = string.Join("\n\n", lines),
            At = now,
            IsAutomatic = true,
            Delivery = DeliveryStatus.Pending,
            NextDeliveryAttemptAt = now,
        };
    }

    /// <summary>The internal note left in the conversation when attachments were refused.</summary>
    public Message RefusedAttachmentsNote(IReadOnlyList<InboundAttachment> refused, DateTimeOffset now) => new()
    {
        Direction = MessageDirection.Note,
        Channel = Channel.Email,
        Body = "Pièces jointes refusées (plus de " + options.Value.MaxAttachmentBytes / (1024 * 1024) + " Mo) : "
               + string.Join(", ", refused.Select(a => $"{a.FileName} ({a.Content.LongLength / 1024} Ko)")),
        At = now,
        IsAutomatic = true,
    };

    private static string Reply(string subject) =>
        subject.StartsWith("Re:", StringComparison.OrdinalIgnoreCase) ? subject : "Re: " + subject;
}

/// <summary>The words of the acknowledgement in the customer's language; English when we do not write theirs.</summary>
internal sealed record AcknowledgementTexts(CultureInfo Culture, string Greeting, string Received, string AnswerBy, string Refused, string Signature, string Reference)
{
    private static readonly Dictionary<string, AcknowledgementTexts> ByLanguage = new()
    {
        ["fr"] = new(new CultureInfo("fr-FR"), "Bonjour,", "Nous avons bien reçu votre message, enregistré sous la référence {0}.",
            "Un conseiller vous répondra au plus tard le {0:dddd d MMMM à HH:mm}.",
            "Votre pièce jointe « {0} » dépasse {1} Mo et n'a pas pu être reçue : envoyez-la en plusieurs fichiers plus petits, ou un lien.",
            "Le service client", "Réf."),
        ["en"] = new(new CultureInfo("en-GB"), "Hello,", "We have received your message, recorded under reference {0}.",
            "An advisor will answer you by {0:dddd d MMMM 'at' HH:mm} at the latest.",
            "Your attachment \"{0}\" is larger than {1} MB and could not be received: send it as several smaller files, or a link.",
            "Customer service", "Ref."),
        ["es"] = new(new CultureInfo("es-ES"), "Hola:", "Hemos recibido su mensaje, registrado con la referencia {0}.",
            "Un asesor le responderá a más tardar el {0:dddd d 'de' MMMM 'a las' HH:mm}.",
            "Su archivo adjunto «{0}» supera {1} MB y no se ha podido recibir: envíelo en varios archivos más pequeños o como enlace.",
            "Atención al cliente", "Ref."),
        ["it"] = new(new CultureInfo("it-IT"), "Buongiorno,", "Abbiamo ricevuto il suo messaggio, registrato con il riferimento {0}.",
            "Un consulente le risponderà entro {0:dddd d MMMM 'alle' HH:mm}.",
            "L'allegato «{0}» supera {1} MB e non è stato ricevuto: lo invii in più file più piccoli o come link.",
            "Servizio clienti", "Rif."),
    };

    public static AcknowledgementTexts For(string language) => ByLanguage.GetValueOrDefault(language) ?? ByLanguage["en"];
}
