using Comptoir.Features.Customers;

namespace Comptoir.Features.Conversations.Ingestion;

/// <summary>
/// A contact as a channel hands it over, before recognition and routing: who wrote (as they identified
/// themselves), what they said, and where it came in (activity, store, mailbox).
/// </summary>
public sealed record InboundContact
{
    public required Channel Channel { get; init; }

    /// <summary>The channel's own id (Message-ID, SMS id, call id); a second delivery is recognised by it.</summary>
    public string? ExternalId { get; init; }

    public required DateTimeOffset At { get; init; }

    public required int ActivityId { get; init; }

    public int? StoreId { get; init; }

    public int? DepartmentId { get; init; }

    public int? CountryId { get; init; }

    public int? MailboxId { get; init; }

    public string? Subject { get; init; }

    public required string Body { get; init; }

    /// <summary>HTML as the customer sent it; sanitised before it is stored.</summary>
    public string? BodyHtml { get; init; }

    public string? Language { get; init; }

    public string? From { get; init; }

    public string? To { get; init; }

    public string? CustomerName { get; init; }

    /// <summary>Every identity the contact carries, as given; unverified unless it is <see cref="Proven"/>.</summary>
    public IReadOnlyList<(IdentityKind Kind, string Value)> Identities { get; init; } = [];

    /// <summary>
    /// The identity the channel's transport vouches for, and how strongly (decision 17): the sender number of an SMS
    /// or a call (the operator), the handle of a signed network webhook, the From of an e-mail read over IMAP (weakly).
    /// None for what a person typed (a form, a letter, a notebook entry). Only this identity ties the contact to an
    /// existing customer.
    /// </summary>
    public (IdentityKind Kind, string Value, IdentityProof Proof)? Proven { get; init; }

    /// <summary>
    /// Where an answer or an acknowledgement goes (e-mail address or phone number), if anywhere. For e-mail,
    /// the Reply-To addresses (comma-separated) when the message had some, else the sender.
    /// </summary>
    public string? ReplyTo { get; init; }

    public string? InReplyTo { get; init; }

    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>The channel's thread id (a social network conversation), if it has one.</summary>
    public string? ThreadKey { get; init; }

    /// <summary>Sent by a machine (auto-reply, bulk, no-reply address): never answered automatically.</summary>
    public bool IsAutomated { get; init; }

    public ConversationKind Kind { get; init; } = ConversationKind.Contact;

    /// <summary>Goes straight to the store (a message to its director, a checkout notebook entry) rather than to a queue.</summary>
    public ConversationOwner Owner { get; init; } = ConversationOwner.ServiceCentre;

    /// <summary>For an answered call: the advisor who took it, who then owns the conversation.</summary>
    public int? HandledById { get; init; }

    /// <summary>
    /// The service site whose work the contact is from the start: that of the advisor who answered the call, or
    /// of the member who recorded the letter. Its staff see the conversation wherever it is routed.
    /// </summary>
    public int? SiteId { get; init; }

    public IReadOnlyList<InboundAttachment> Attachments { get; init; } = [];

    /// <summary>Read from a malformed delivery: the body is what could be recovered, the original is among the attachments.</summary>
    public bool Malformed { get; init; }
}

public sealed record InboundAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>What became of a contact.</summary>
public sealed record IngestResult(long ConversationId, long MessageId, bool Duplicate, bool NewConversation, long? CustomerId, bool CustomerRecognised);
