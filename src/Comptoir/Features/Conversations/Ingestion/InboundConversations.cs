using Comptoir.Features.Routing;
using Comptoir.Platform.Text;
using Recognition = Comptoir.Features.Customers.RecogniseCustomers.Recognition;

namespace Comptoir.Features.Conversations.Ingestion;

/// <summary>What a contact becomes once recognised: a new conversation, or the one it wakes up, and its message.</summary>
internal static class InboundConversations
{
    /// <summary>A new conversation for a contact: routed to its queue, with its service-level deadlines.</summary>
    /// <remarks><paramref name="proven"/>: the normalised identity the contact's channel proved, if any; the conversation continues with it only.</remarks>
    public static Conversation Open(InboundContact contact, Recognition recognition, string? proven, string language, RoutingCatalog.Snapshot routing, DateTimeOffset now)
    {
        var countryId = contact.CountryId
                        ?? (contact.StoreId is { } store && routing.Stores.TryGetValue(store, out var info) ? info.CountryId : (int?)null)
                        ?? recognition.Customer?.CountryId;
        var queueId = routing.RouteQueue(contact.Channel, contact.ActivityId, language, countryId, contact.StoreId);
        var conversation = new Conversation
        {
            // Carries the customer until its id is known; the row is written with CustomerId only.
            Customer = recognition.Customer,
            CustomerRecognised = recognition.Recognised,
            ContactIdentity = proven,
            Channel = contact.Channel,
            Kind = contact.Kind,
            Owner = contact.Owner,
            Status = ConversationStatus.New,
            Subject = SubjectOf(contact),
            Language = language,
            ActivityId = contact.ActivityId,
            CountryId = countryId,
            StoreId = contact.StoreId,
            DepartmentId = contact.DepartmentId,
            QueueId = queueId,
            MailboxId = contact.MailboxId,
            CreatedAt = contact.At < now ? contact.At : now,
            LastActivityAt = now,
            AssignedSiteId = contact.SiteId,
            ThreadKey = contact.ThreadKey ?? (contact.Channel == Channel.Email ? (contact.References.Count > 0 ? contact.References[0] : contact.ExternalId) : null),
        };

        var policy = routing.PolicyFor(contact.Channel, contact.ActivityId);
        if (policy is not null)
        {
            var calendar = routing.ClockFor(contact.StoreId, queueId);
            conversation.FirstResponseDueAt = calendar.Add(conversation.CreatedAt, TimeSpan.FromMinutes(policy.FirstResponseMinutes));
            conversation.ResolutionDueAt = calendar.Add(conversation.CreatedAt, TimeSpan.FromMinutes(policy.ResolutionMinutes));
        }

        if (contact.HandledById is { } advisor)
        {
            // An answered call: the advisor who took it owns the conversation and has answered it.
            conversation.Status = ConversationStatus.Open;
            conversation.AssignTo(advisor, contact.SiteId, now);
            conversation.FirstResponseAt = contact.At;
        }

        return conversation;
    }

    /// <summary>The customer wrote again: the conversation wakes up and the paused clock moves on by the pause.</summary>
    public static void Resume(Conversation conversation, InboundContact contact, RoutingCatalog.Snapshot routing, DateTimeOffset now)
    {
        if (conversation.PausedAt is { } paused && conversation.ResolutionDueAt is { } due)
        {
            var calendar = routing.ClockFor(conversation.StoreId, conversation.QueueId);
            conversation.ResolutionDueAt = calendar.Add(due, calendar.OpenTimeBetween(paused, now));
        }

        conversation.PausedAt = null;
        if (conversation.Status is ConversationStatus.WaitingForCustomer or ConversationStatus.Closed)
        {
            conversation.Status = conversation.AssignedToId is null ? ConversationStatus.New : ConversationStatus.Open;
            conversation.ClosedAt = null;
            conversation.CloseReason = null;
        }

        conversation.LastActivityAt = now;
        if (contact.MailboxId is not null)
        {
            conversation.MailboxId ??= contact.MailboxId;
        }
    }

    /// <summary>The contact as a stored message; attachments over <paramref name="maxAttachmentBytes"/> are left out and listed in <paramref name="refused"/>.</summary>
    public static Message ToMessage(InboundContact contact, DateTimeOffset now, long maxAttachmentBytes, out List<InboundAttachment> refused)
    {
        refused = [];
        var message = new Message
        {
            Direction = MessageDirection.Inbound,
            Channel = contact.Channel,
            ExternalId = contact.ExternalId,
            InReplyTo = contact.InReplyTo,
            From = contact.From,
            To = contact.To,
            ReplyTo = contact.Channel == Channel.Email && !string.Equals(contact.ReplyTo, contact.From, StringComparison.OrdinalIgnoreCase) ? contact.ReplyTo : null,
            Subject = contact.Subject,
            Body = contact.Body.Length > 0 || contact.BodyHtml is null ? contact.Body : CustomerHtml.ToText(contact.BodyHtml),
            BodyHtml = contact.BodyHtml is { Length: > 0 } html ? CustomerHtml.Sanitize(html) : null,
            At = contact.At < now ? contact.At : now,
            Malformed = contact.Malformed,
        };

        foreach (var attachment in contact.Attachments)
        {
            if (attachment.Content.LongLength > maxAttachmentBytes)
            {
                refused.Add(attachment);
                continue;
            }

            message.Attachments.Add(new Attachment
            {
                FileName = attachment.FileName,
                ContentType = attachment.ContentType,
                Size = attachment.Content.LongLength,
                Content = attachment.Content,
            });
        }

        return message;
    }

    private static string SubjectOf(InboundContact contact)
    {
        var subject = string.IsNullOrWhiteSpace(contact.Subject) ? contact.Body : contact.Subject;
        subject = string.Join(' ', subject.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return subject.Length <= 120 ? subject : subject[..117] + "...";
    }
}
