using Comptoir.Platform.Data;

namespace Comptoir.Features.Conversations.Ingestion;

/// <summary>
/// The cap on automatic messages, counted per recipient as well as per conversation. A robot that answers
/// our acknowledgement with a fresh thread each time (no In-Reply-To, no Auto-Submitted) would otherwise
/// open a new conversation, and so earn a new acknowledgement, forever: once an address or number has
/// received <c>Ingestion:MaxAutomaticMessages</c> automatic messages within <see cref="Window"/>, it gets
/// no more, on any channel.
/// </summary>
public static class AutomaticReplyBudget
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(1);

    /// <summary>
    /// The query of the recipients, among <paramref name="recipients"/>, that have used up their automatic messages
    /// (one column, the recipient); read with the batch's other lookups (<see cref="KnownContacts"/>).
    /// </summary>
    public static SqlStatement Query(ComptoirDbContext db, ReadBatch batch, List<string> recipients, int max, DateTimeOffset now) => new(
        $$"""
         SELECT "To" FROM "Messages"
         WHERE "IsAutomatic" AND "Direction" = {1} AND {{batch.In("\"To\"", 0)}} AND "At" >= {2}
         GROUP BY "To" HAVING COUNT(*) >= {3}
         """,
        [batch.List(recipients), db.ProviderValue<Message>(nameof(Message.Direction), MessageDirection.Outbound), db.ProviderValue<Message>(nameof(Message.At), now - Window), max]);
}
