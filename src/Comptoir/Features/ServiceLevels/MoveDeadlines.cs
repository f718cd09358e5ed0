using Comptoir.Features.Conversations;
using Comptoir.Features.Routing;
using Comptoir.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.ServiceLevels;

/// <summary>
/// Opening hours or closed days changed (a public holiday added, a site closed by a flood, a store's new
/// hours): the deadlines still ahead move, so that the open time each one had left is counted on the new
/// calendar from now. Time already run is not counted again, and a deadline already passed stays where it
/// was (its escalation has happened or is under way). A paused clock keeps its own adjustment for when the
/// customer writes back. Warnings already sent are not sent again.
/// </summary>
public sealed class MoveDeadlines(RoutingCatalog catalog, TimeProvider time)
{
    private const int Chunk = 500;

    /// <summary>Runs <paramref name="change"/> to the calendars, then moves the deadlines it concerns.</summary>
    public async Task<T> AroundAsync<T>(ComptoirDbContext db, Func<Task<T>> change, CancellationToken cancellationToken)
    {
        // One transaction: the change and the deadlines it moves are saved together or not at all.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var before = await catalog.ReadWithoutKeepingAsync(db, cancellationToken);
        var result = await change();
        var after = await catalog.ReadWithoutKeepingAsync(db, cancellationToken);
        await ExecuteAsync(db, before, after, time.GetUtcNow(), cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        catalog.Invalidate();
        return result;
    }

    /// <summary>Moves the deadlines ahead of <paramref name="now"/> from the calendars of <paramref name="before"/> to those of <paramref name="after"/>; returns how many conversations changed.</summary>
    public static async Task<int> ExecuteAsync(
        ComptoirDbContext db, RoutingCatalog.Snapshot before, RoutingCatalog.Snapshot after, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var running = await db.Conversations.AsNoTracking()
            .Where(c => c.Status != ConversationStatus.Closed
                        && ((c.FirstResponseAt == null && c.FirstResponseBreachedAt == null && c.FirstResponseDueAt > now)
                            || (c.ResolutionBreachedAt == null && c.ResolutionDueAt > now)))
            .Select(c => new { c.Id, c.StoreId, c.QueueId, c.FirstResponseAt, c.FirstResponseBreachedAt, c.FirstResponseDueAt, c.ResolutionBreachedAt, c.ResolutionDueAt })
            .ToListAsync(cancellationToken);

        var moved = 0;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var chunk in running.Chunk(Chunk))
        {
            foreach (var c in chunk)
            {
                var old = before.ClockFor(c.StoreId, c.QueueId);
                var clock = after.ClockFor(c.StoreId, c.QueueId);
                if (old.CountsLike(clock))
                {
                    continue;
                }

                DateTimeOffset? Move(DateTimeOffset? due, bool running) =>
                    running && due is { } d && d > now ? clock.Add(now, old.OpenTimeBetween(now, d)) : due;
                var first = Move(c.FirstResponseDueAt, c.FirstResponseAt is null && c.FirstResponseBreachedAt is null);
                var resolution = Move(c.ResolutionDueAt, c.ResolutionBreachedAt is null);
                if (first == c.FirstResponseDueAt && resolution == c.ResolutionDueAt)
                {
                    continue;
                }

                // Only the two deadlines are written: the rest of the row is left to whoever is working on it.
                var entry = db.Conversations.Attach(new Conversation { Id = c.Id, Subject = "", Language = "" });
                entry.Entity.FirstResponseDueAt = first;
                entry.Entity.ResolutionDueAt = resolution;
                entry.Property(x => x.FirstResponseDueAt).IsModified = first != c.FirstResponseDueAt;
                entry.Property(x => x.ResolutionDueAt).IsModified = resolution != c.ResolutionDueAt;
                moved++;
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return moved;
    }
}
