namespace Comptoir.Features.Conversations;

public enum MessageDirection
{
    Inbound,
    Outbound,

    /// <summary>An internal note, never sent to the customer.</summary>
    Note,
}

public enum DeliveryStatus
{
    Pending,
    Sent,
    Failed,
}

/// <summary>Something said in a conversation: by the customer, to the customer, or between staff.</summary>
public sealed class Message
{
    public long Id { get; set; }

    public long ConversationId { get; set; }

    public MessageDirection Direction { get; set; }

    public Channel Channel { get; set; }

    /// <summary>The channel's own id (e-mail Message-ID, SMS id, call id): a message delivered twice is stored once.</summary>
    public string? ExternalId { get; set; }

    public string? InReplyTo { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    /// <summary>
    /// Where answers go when it is not <see cref="From"/>: the Reply-To addresses of an inbound e-mail
    /// (RFC 5322 §3.6.2), comma-separated. The customer is still recognised by <see cref="From"/>.
    /// </summary>
    public string? ReplyTo { get; set; }

    /// <summary>
    /// The identities the customer typed with this contact and its channel did not prove, normalised, one
    /// <c>Kind:value</c> a line: shown to the advisor as given, unverified; they never join an existing customer.
    /// </summary>
    public string? GivenIdentities { get; set; }

    public string? Subject { get; set; }

    /// <summary>Plain text; what search, classification and previews read.</summary>
    public required string Body { get; set; }

    /// <summary>The customer's HTML after sanitising, if they wrote HTML.</summary>
    public string? BodyHtml { get; set; }

    public DateTimeOffset At { get; set; }

    public int? AuthorId { get; set; }

    public bool IsAutomatic { get; set; }

    /// <summary>
    /// The channel delivered it malformed (an e-mail whose MIME structure lost text on reading): the text shown
    /// is what could be recovered, and the original is attached for the advisor.
    /// </summary>
    public bool Malformed { get; set; }

    public DeliveryStatus? Delivery { get; set; }

    public int DeliveryAttempts { get; set; }

    public DateTimeOffset? NextDeliveryAttemptAt { get; set; }

    public string? DeliveryError { get; set; }

    public List<Attachment> Attachments { get; set; } = [];
}

/// <summary>A file that came with a message (an e-mail attachment, a scanned letter).</summary>
public sealed class Attachment
{
    public long Id { get; set; }

    public long MessageId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    public byte[] Content { get; set; } = [];
}
