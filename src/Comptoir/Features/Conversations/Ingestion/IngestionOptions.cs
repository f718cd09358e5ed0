namespace Comptoir.Features.Conversations.Ingestion;

/// <summary>Limits of what comes in, under configuration section <c>Ingestion</c>.</summary>
public sealed class IngestionOptions
{
    /// <summary>Larger attachments are refused, and the sender told why.</summary>
    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Automatic messages a conversation may receive in all: two robots answering each other stop here.</summary>
    public int MaxAutomaticMessages { get; set; } = 3;

    /// <summary>An SMS or social message continues the customer's conversation on that channel this long after its last activity.</summary>
    public TimeSpan MessagingThreadWindow { get; set; } = TimeSpan.FromDays(3);

    /// <summary>A reply reopens a closed conversation this long after it was closed; later it starts a new one.</summary>
    public TimeSpan ReopenWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Batches written at once on PostgreSQL (SQLite has one writer); each customer always goes to the same one.
    /// One by default: once a batch cost little processor time besides its round trips, one writer gathering
    /// bigger batches was as fast as two or faster at every load measured, for less processor time a contact (decision 13).
    /// </summary>
    public int PostgresWriters { get; set; } = 1;

    /// <summary>
    /// On PostgreSQL, the writers' statements always run their generic plan instead of being planned again at
    /// each execution (<see cref="Platform.Data.GenericPlans"/>, decision 12).
    /// </summary>
    public bool PostgresGenericPlans { get; set; } = true;

    /// <summary>
    /// How far back a channel may date a contact. An operator replaying a backlog of a few days keeps the real
    /// dates (and deadlines that may already be past); an older date is a sender's mistake (a default of year 1),
    /// and the contact is dated when it came in, so that its deadlines run from then instead of all being breached.
    /// </summary>
    public TimeSpan MaxBackdating { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The date a channel gave, or <paramref name="now"/> when it lies in the future or further back than <see cref="MaxBackdating"/>.</summary>
    public DateTimeOffset Plausible(DateTimeOffset at, DateTimeOffset now) => at > now || at < now - MaxBackdating ? now : at;

    /// <summary>Contacts gathered into one transaction by the ingestion queue.</summary>
    public int MaxBatch { get; set; } = 200;
}
