namespace Comptoir.Features.Conversations;

public enum ConversationStatus
{
    /// <summary>Waiting in a queue for an advisor.</summary>
    New,

    /// <summary>An advisor is on it.</summary>
    Open,

    /// <summary>Answered and waiting for the customer; the resolution clock is paused.</summary>
    WaitingForCustomer,

    Closed,
}

public enum ConversationOwner
{
    /// <summary>Advisors of the customer service centre answer it, taking it from a queue.</summary>
    ServiceCentre,

    /// <summary>Handed to a store: its director, or the manager of <see cref="Conversation.DepartmentId"/>.</summary>
    Store,
}

public enum ConversationKind
{
    /// <summary>The customer wrote or called.</summary>
    Contact,

    /// <summary>A missed or abandoned call: the customer must be called back.</summary>
    Callback,
}

/// <summary>
/// One matter with one customer on one channel: every message, note and call about it, its queue, who
/// handles it and its service-level clocks.
/// </summary>
public sealed class Conversation
{
    public long Id { get; set; }

    public long? CustomerId { get; set; }

    public Customers.Customer? Customer { get; set; }

    /// <summary>
    /// Whether the customer was already known when the conversation began (commitment 5), through an identity the
    /// contact's channel proved: a value typed by the customer never makes a contact recognised (decision 17).
    /// </summary>
    public bool CustomerRecognised { get; set; }

    /// <summary>
    /// The normalised identity the contact's channel proved (SMS sender number, caller number, network handle, e-mail
    /// From): an SMS or social message continues a recent conversation of the same identity only, not any conversation
    /// of its customer, so that a contact never joins a conversation whose answers are meant for someone else.
    /// </summary>
    public string? ContactIdentity { get; set; }

    public Channel Channel { get; set; }

    public ConversationKind Kind { get; set; }

    public ConversationOwner Owner { get; set; }

    public ConversationStatus Status { get; set; }

    public required string Subject { get; set; }

    /// <summary>Two-letter language of the customer's words, e.g. <c>fr</c>.</summary>
    public required string Language { get; set; }

    public int ActivityId { get; set; }

    public int? CountryId { get; set; }

    public int? StoreId { get; set; }

    /// <summary>The store department the conversation was handed to, if any.</summary>
    public int? DepartmentId { get; set; }

    public int QueueId { get; set; }

    public int Priority { get; set; }

    public int? AssignedToId { get; set; }

    /// <summary>Site of the advisor who took it; from then on the conversation is that site's work.</summary>
    public int? AssignedSiteId { get; set; }

    public DateTimeOffset? AssignedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastActivityAt { get; set; }

    public DateTimeOffset? FirstResponseAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public string? CloseReason { get; set; }

    public DateTimeOffset? FirstResponseDueAt { get; set; }

    public DateTimeOffset? ResolutionDueAt { get; set; }

    /// <summary>Since when the resolution clock is paused (waiting for the customer).</summary>
    public DateTimeOffset? PausedAt { get; set; }

    public DateTimeOffset? FirstResponseWarnedAt { get; set; }

    public DateTimeOffset? FirstResponseBreachedAt { get; set; }

    public DateTimeOffset? ResolutionWarnedAt { get; set; }

    public DateTimeOffset? ResolutionBreachedAt { get; set; }

    /// <summary>Automatic messages sent in this conversation; capped so that two robots never loop.</summary>
    public int AutomaticMessages { get; set; }

    /// <summary>The mailbox an e-mail conversation came in through; replies leave from it.</summary>
    public int? MailboxId { get; set; }

    /// <summary>E-mail thread root (Message-ID of the first message) or the channel's thread id.</summary>
    public string? ThreadKey { get; set; }

    /// <summary>Why the customer got in touch: predicted on arrival, confirmed or corrected at the close.</summary>
    public int? CauseId { get; set; }

    public Causes.CauseState CauseState { get; set; }

    /// <summary>The model's probability for <see cref="CauseId"/> when it was predicted.</summary>
    public double? CauseConfidence { get; set; }

    /// <summary>The model version that predicted the cause.</summary>
    public int? CauseModelVersionId { get; set; }

    public List<Message> Messages { get; set; } = [];
}
