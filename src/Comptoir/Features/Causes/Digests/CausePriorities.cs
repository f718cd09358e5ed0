using Comptoir.Features.Conversations;
using Comptoir.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Causes.Digests;

/// <summary>
/// "Everything else is de-prioritised as long as it stays in the top 5": the causes of the current digests
/// (each scope's newest, if from the last two days) become priority, with their waiting and open contacts;
/// the others stop being so. Idempotent, so two instances running it together agree.
/// </summary>
public static class CausePriorities
{
    private static readonly ConversationStatus[] Unfinished = [ConversationStatus.New, ConversationStatus.Open, ConversationStatus.WaitingForCustomer];

    /// <summary>Applies the current top lists; returns the priority causes.</summary>
    public static async Task<IReadOnlyList<int>> RefreshAsync(ComptoirDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var recent = now.AddDays(-2);
        var top = await db.CauseDigestEntries.AsNoTracking()
            .Where(e => db.CauseDigests.Any(d => d.Id == e.DigestId && d.WindowEnd > recent
                && d.LocalDate == db.CauseDigests.Where(x => x.Scope == d.Scope && x.ScopeId == d.ScopeId).Max(x => x.LocalDate)))
            .Select(e => e.CauseId)
            .Distinct()
            .ToListAsync(cancellationToken);

        await db.Causes.Where(c => top.Contains(c.Id) && c.PrioritySince == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.PrioritySince, now), cancellationToken);
        await db.Causes.Where(c => !top.Contains(c.Id) && c.PrioritySince != null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.PrioritySince, (DateTimeOffset?)null), cancellationToken);

        // Bitwise on the flag alone: a breached contact stays breached.
        await db.Conversations
            .Where(c => Unfinished.Contains(c.Status) && c.CauseId != null && top.Contains(c.CauseId.Value) && (c.Priority & ConversationPriority.TopCause) == 0)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Priority, c => c.Priority | ConversationPriority.TopCause), cancellationToken);
        await db.Conversations
            .Where(c => Unfinished.Contains(c.Status) && (c.Priority & ConversationPriority.TopCause) != 0 && (c.CauseId == null || !top.Contains(c.CauseId.Value)))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Priority, c => c.Priority & ~ConversationPriority.TopCause), cancellationToken);
        return top;
    }
}
