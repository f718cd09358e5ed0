using Comptoir.Features.Customers;
using Comptoir.Platform.Data;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Comptoir.Features.Conversations.Ingestion;

/// <summary>
/// The one check of a contact's fields against the columns they end up in (lengths read from the model, no
/// NUL character anywhere). A channel runs it before handing the contact over and keeps what fails in the
/// quarantine with the reason: a value the database refuses would otherwise fail the delivery again at
/// every retry, and never reach an advisor.
/// </summary>
public static class StorableContact
{
    /// <summary>Why the contact cannot be stored as it is, or null when it can.</summary>
    public static string? Problem(IModel model, InboundContact contact) =>
        ColumnLimits.Problem<Message>(model, nameof(Message.ExternalId), "id", contact.ExternalId)
        ?? ColumnLimits.Problem<Message>(model, nameof(Message.From), "from", contact.From)
        ?? ColumnLimits.Problem<Message>(model, nameof(Message.To), "to", contact.To)
        // An acknowledgement is sent to it: it is also an outbound message's recipient.
        ?? ColumnLimits.Problem<Message>(model, nameof(Message.ReplyTo), "replyTo", contact.ReplyTo)
        ?? ColumnLimits.Problem<Message>(model, nameof(Message.To), "replyTo", contact.ReplyTo)
        ?? ColumnLimits.Problem<Message>(model, nameof(Message.InReplyTo), "inReplyTo", contact.InReplyTo)
        ?? ColumnLimits.Problem<Message>(model, nameof(Message.Subject), "subject", contact.Subject)
        ?? ColumnLimits.Problem<Message>(model, nameof(Message.Body), "text", contact.Body)
        ?? ColumnLimits.Problem<Message>(model, nameof(Message.BodyHtml), "html", contact.BodyHtml)
        ?? ColumnLimits.Problem<Customer>(model, nameof(Customer.DisplayName), "name", contact.CustomerName)
        ?? ColumnLimits.Problem<Conversation>(model, nameof(Conversation.Language), "language", contact.Language)
        ?? ColumnLimits.Problem<Customer>(model, nameof(Customer.Language), "language", contact.Language)
        ?? ColumnLimits.Problem<Conversation>(model, nameof(Conversation.ThreadKey), "threadId", contact.ThreadKey)
        ?? contact.References.Select(r => ColumnLimits.Problem<Conversation>(model, nameof(Conversation.ThreadKey), "references", r)).FirstOrDefault(p => p is not null)
        ?? contact.Identities.Select(i => ColumnLimits.Problem<CustomerIdentity>(model, nameof(CustomerIdentity.Value), "from", i.Value)).FirstOrDefault(p => p is not null)
        ?? contact.Attachments.Select(a => ColumnLimits.Problem<Attachment>(model, nameof(Attachment.FileName), "attachment name", a.FileName)
                                           ?? ColumnLimits.Problem<Attachment>(model, nameof(Attachment.ContentType), "attachment type", a.ContentType))
            .FirstOrDefault(p => p is not null);
}
