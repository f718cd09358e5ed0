using Comptoir.Features.Conversations;
using Comptoir.Features.Customers;
using Comptoir.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Channels.Email;

/// <summary>
/// The cap on automatic messages, counted per sender as well as per conversation. A robot that answers our
/// acknowledgement with a fresh thread each time (no In-Reply-To, no Auto-Submitted) would otherwise open a
/// new conversation, and so earn a new acknowledgement, forever: once an address has received
/// <c>Ingestion:MaxAutomaticMessages</c> automatic messages within <see cref="Window"/>, it gets no more.
/// </summary>
public static class AutomaticReplyBudget
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(1);

    /// <summary>The normalised addresses, among <paramref name="addresses"/>, that have used up their automatic messages.</summary>
    public static async Task<HashSet<string>> ExhaustedAsync(
        ComptoirDbContext db, IReadOnlyCollection<string> addresses, int max, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (addresses.Count == 0)
        {
            return [];
        }

        // An automatic message is sent when its conversation is active, so LastActivityAt narrows the search
        // to the customer's recent conversations through the (CustomerId, LastActivityAt) index.
        var since = now - Window;
        var exhausted = await (
                from identity in db.CustomerIdentities
                where identity.Kind == IdentityKind.Email && addresses.Contains(identity.Value)
                from conversation in db.Conversations
                where conversation.CustomerId == identity.CustomerId && conversation.LastActivityAt >= since
                from message in db.Messages
                where message.ConversationId == conversation.Id && message.At >= since
                      && message.IsAutomatic && message.Direction == MessageDirection.Outbound
                group message by identity.Value into sent
                where sent.Count() >= max
                select sent.Key)
            .ToListAsync(cancellationToken);
        return [.. exhausted];
    }
}
