using System.Security.Claims;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Conversations;

/// <summary>
/// "Next conversation": gives the advisor the most urgent waiting conversation they are entitled to, in a
/// queue their site serves (or that overflows to it) for an activity and language they have, within their
/// capacity (one call, or a few written conversations, at a time). Two advisors asking at the same instant
/// never get the same conversation.
/// </summary>
public static class TakeNextConversation
{
    public sealed record Response(long ConversationId, string Subject, Channel Channel, string Queue);

    /// <summary>Filled by member initialisation, which EF can put under a UNION (a constructor it cannot).</summary>
    internal sealed class Waiting
    {
        public long Id { get; init; }

        public string Subject { get; init; } = "";

        public Channel Channel { get; init; }

        public int QueueId { get; init; }

        public int Priority { get; init; }

        public DateTimeOffset? FirstResponseDueAt { get; init; }
    }

    public static async Task<Results<Ok<Response>, NoContent, ProblemHttpResult>> HandleAsync(
        ClaimsPrincipal user, ComptoirDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            var next = await ExecuteAsync(db, StaffScope.Of(user), time, cancellationToken);
            return next is null ? TypedResults.NoContent() : TypedResults.Ok(next);
        }
        catch (ConversationActionException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "No conversation can be given", detail: e.Message);
        }
    }

    public static async Task<Response?> ExecuteAsync(ComptoirDbContext db, StaffScope scope, TimeProvider time, CancellationToken cancellationToken)
    {
        if (scope.SiteId is not { } siteId)
        {
            throw new ConversationActionException("Seuls les collaborateurs d'un site de service prennent des conversations dans les files.");
        }

        var profile = await db.AdvisorProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.StaffMemberId == scope.StaffId, cancellationToken)
            ?? throw new ConversationActionException("Votre profil de conseiller (compétences, horaires, capacité) n'est pas encore renseigné : demandez-le à votre superviseur.");

        var load = await db.Conversations.AsNoTracking()
            .Where(c => c.AssignedToId == scope.StaffId && c.Status == ConversationStatus.Open)
            .GroupBy(c => c.Channel == Channel.Phone)
            .Select(g => new { Voice = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var voiceFull = load.Where(l => l.Voice).Sum(l => l.Count) >= profile.CallCapacity;
        var writtenFull = load.Where(l => !l.Voice).Sum(l => l.Count) >= profile.WrittenCapacity;
        if (voiceFull && writtenFull)
        {
            throw new ConversationActionException("Vous avez atteint votre capacité : terminez ou mettez en attente une conversation avant d'en prendre une autre.");
        }

        var activities = profile.ActivityIds;
        var languages = profile.Languages;
        var queueIds = await db.Queues.AsNoTracking()
            .Where(q => activities.Contains(q.ActivityId)
                        && (q.Language == null || languages.Contains(q.Language))
                        && (q.HomeSites.Any(h => h.SiteId == siteId)
                            || (q.Overflowing && db.ServiceSites.Any(s => s.Id == siteId && s.Activities.Any(a => a.ActivityId == q.ActivityId)))))
            .Select(q => q.Id)
            .ToListAsync(cancellationToken);
        if (queueIds.Count == 0)
        {
            return null;
        }

        // Each queue's most urgent items come straight from the waiting index; the best of those is offered.
        // (One query over all queues would sort every waiting item of every queue.)
        IQueryable<Waiting>? candidates = null;
        foreach (var queueId in queueIds)
        {
            var top = MostUrgent(db, queueId, voiceFull, writtenFull);
            candidates = candidates is null ? top : candidates.Concat(top);
        }

        for (var attempt = 0; attempt < 3; attempt++)
        {
            var offered = (await candidates!.ToListAsync(cancellationToken))
                .OrderByDescending(c => c.Priority)
                .ThenBy(c => c.FirstResponseDueAt ?? DateTimeOffset.MaxValue)
                .ThenBy(c => c.Id)
                .ToList();
            if (offered.Count == 0)
            {
                return null;
            }

            var now = time.GetUtcNow();
            if (await ClaimAsync(db, offered, scope.StaffId, siteId, now, cancellationToken) is { } claimed)
            {
                var queue = await db.Queues.AsNoTracking().Where(q => q.Id == claimed.QueueId).Select(q => q.Name).SingleAsync(cancellationToken);
                return new Response(claimed.Id, claimed.Subject, claimed.Channel, queue);
            }
        }

        return null;
    }

    /// <summary>
    /// A queue's three most urgent waiting items, read in order from the partial index of waiting work
    /// (<c>IX_Conversations_Waiting</c>), without a sort; only calls, or only written contacts, when the
    /// advisor's capacity for the other kind is full.
    /// </summary>
    internal static IQueryable<Waiting> MostUrgent(ComptoirDbContext db, int queueId, bool voiceFull, bool writtenFull)
    {
        var queue = db.Conversations.AsNoTracking()
            .Where(c => c.QueueId == queueId && c.Status == ConversationStatus.New && c.AssignedToId == null && c.Owner == ConversationOwner.ServiceCentre);
        if (voiceFull)
        {
            queue = queue.Where(c => c.Channel != Channel.Phone);
        }
        else if (writtenFull)
        {
            queue = queue.Where(c => c.Channel == Channel.Phone);
        }

        return queue
            .OrderByDescending(c => c.Priority).ThenBy(c => c.FirstResponseDueAt).ThenBy(c => c.Id)
            .Take(3)
            .Select(c => new Waiting { Id = c.Id, Subject = c.Subject, Channel = c.Channel, QueueId = c.QueueId, Priority = c.Priority, FirstResponseDueAt = c.FirstResponseDueAt });
    }

    /// <summary>
    /// Gives the advisor the first offered conversation still waiting, with a conditional update: whoever
    /// updates the row first gets it. On PostgreSQL one statement skips the rows another advisor is claiming
    /// at that instant (<c>FOR UPDATE SKIP LOCKED</c>) instead of waiting for them, one after the other.
    /// </summary>
    private static async Task<Waiting?> ClaimAsync(ComptoirDbContext db, List<Waiting> offered, int staffId, int siteId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            var ids = offered.Select(c => c.Id).ToArray();
            var claimedIds = await db.Database.SqlQueryRaw<long>(
                    """
                    UPDATE "Conversations" SET "AssignedToId" = {0}, "AssignedSiteId" = {1}, "AssignedAt" = {2}, "Status" = {3}
                    WHERE "Id" = (SELECT "Id" FROM "Conversations"
                                  WHERE "Id" = ANY({4}) AND "AssignedToId" IS NULL AND "Status" = {5}
                                  ORDER BY array_position({4}, "Id") LIMIT 1 FOR UPDATE SKIP LOCKED)
                    RETURNING "Id" AS "Value"
                    """,
                    staffId, siteId, now, nameof(ConversationStatus.Open), ids, nameof(ConversationStatus.New))
                .ToListAsync(cancellationToken);
            return claimedIds.Count == 1 ? offered.First(c => c.Id == claimedIds[0]) : null;
        }

        foreach (var candidate in offered)
        {
            var claimed = await db.Conversations
                .Where(c => c.Id == candidate.Id && c.AssignedToId == null && c.Status == ConversationStatus.New)
                .ExecuteUpdateAsync(
                    set => set
                        .SetProperty(c => c.AssignedToId, staffId)
                        .SetProperty(c => c.AssignedSiteId, siteId)
                        .SetProperty(c => c.AssignedAt, now)
                        .SetProperty(c => c.Status, ConversationStatus.Open),
                    cancellationToken);
            if (claimed == 1)
            {
                return candidate;
            }
        }

        return null;
    }
}
