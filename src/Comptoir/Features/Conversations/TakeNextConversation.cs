using System.Security.Claims;
using System.Text.Json;
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

    /// <summary>The advisor's profile with the calls and written conversations they hold now.</summary>
    internal sealed record Advisor(List<int> ActivityIds, List<string> Languages, int CallCapacity, int WrittenCapacity, int Calls, int Written);

    internal sealed record QueueRef(int Id, string Name);

    private static readonly PerModel<Func<ComptoirDbContext, int, CancellationToken, Task<Advisor?>>> AdvisorOf =
        new(() => EF.CompileAsyncQuery((ComptoirDbContext db, int staffId, CancellationToken _) => db.AdvisorProfiles.AsNoTracking()
            .Where(p => p.StaffMemberId == staffId)
            .Select(p => new Advisor(
                p.ActivityIds,
                p.Languages,
                p.CallCapacity,
                p.WrittenCapacity,
                db.Conversations.Count(c => c.AssignedToId == staffId && c.Status == ConversationStatus.Open && c.Channel == Channel.Phone),
                db.Conversations.Count(c => c.AssignedToId == staffId && c.Status == ConversationStatus.Open && c.Channel != Channel.Phone)))
            .SingleOrDefault()));

    private static readonly PerModel<Func<ComptoirDbContext, List<int>, List<string>, int, IAsyncEnumerable<QueueRef>>> QueuesServed =
        new(() => EF.CompileAsyncQuery((ComptoirDbContext db, List<int> activities, List<string> languages, int siteId) => db.Queues.AsNoTracking()
            .Where(q => activities.Contains(q.ActivityId)
                        && (q.Language == null || languages.Contains(q.Language))
                        && (q.HomeSites.Any(h => h.SiteId == siteId)
                            || (q.Overflowing && db.ServiceSites.Any(s => s.Id == siteId && s.Activities.Any(a => a.ActivityId == q.ActivityId)))))
            .Select(q => new QueueRef(q.Id, q.Name))));

    public static async Task<Response?> ExecuteAsync(ComptoirDbContext db, StaffScope scope, TimeProvider time, CancellationToken cancellationToken)
    {
        if (scope.SiteId is not { } siteId)
        {
            throw new ConversationActionException("Seuls les collaborateurs d'un site de service prennent des conversations dans les files.");
        }

        var advisor = await AdvisorOf.For(db)(db, scope.StaffId, cancellationToken)
            ?? throw new ConversationActionException("Votre profil de conseiller (compétences, horaires, capacité) n'est pas encore renseigné : demandez-le à votre superviseur.");
        var voiceFull = advisor.Calls >= advisor.CallCapacity;
        var writtenFull = advisor.Written >= advisor.WrittenCapacity;
        if (voiceFull && writtenFull)
        {
            throw new ConversationActionException("Vous avez atteint votre capacité : terminez ou mettez en attente une conversation avant d'en prendre une autre.");
        }

        var queues = new Dictionary<int, string>();
        await foreach (var queue in QueuesServed.For(db)(db, advisor.ActivityIds, advisor.Languages, siteId).WithCancellation(cancellationToken))
        {
            queues[queue.Id] = queue.Name;
        }

        if (queues.Count == 0)
        {
            return null;
        }

        // Other advisors may take every item offered first; each new attempt offers more of each queue (3, 12, 48).
        int[] queueIds = [.. queues.Keys];
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var now = time.GetUtcNow();
            var perQueue = 3 << (2 * attempt);
            var claim = db.Database.IsNpgsql()
                ? await ClaimOnPostgresAsync(db, queueIds, perQueue, voiceFull, writtenFull, scope.StaffId, siteId, now, cancellationToken)
                : await ClaimAsync(db, queueIds, perQueue, voiceFull, writtenFull, scope.StaffId, siteId, now, cancellationToken);
            switch (claim)
            {
                case (null, false):
                    return null;
                case ({ } claimed, _):
                    return new Response(claimed.Id, claimed.Subject, claimed.Channel, queues[claimed.QueueId]);
            }
        }

        return null;
    }

    /// <summary>
    /// A queue's <paramref name="count"/> most urgent waiting items, read in order from the partial index of waiting work
    /// (<c>IX_Conversations_Waiting</c>), without a sort; only calls, or only written contacts, when the advisor's
    /// capacity for the other kind is full; only items with a first-response deadline when <paramref name="datedOnly"/>.
    /// </summary>
    internal static IQueryable<Waiting> MostUrgent(ComptoirDbContext db, int queueId, int count, bool voiceFull, bool writtenFull, bool datedOnly = false)
    {
        var queue = WaitingIn(db, voiceFull, writtenFull).Where(c => c.QueueId == queueId);
        return InOrder(datedOnly ? queue.Where(c => c.FirstResponseDueAt != null) : queue, count);
    }

    private static IQueryable<Waiting> Union(IEnumerable<IQueryable<Waiting>> queries) => queries.Aggregate((all, next) => all.Concat(next));

    private static IQueryable<Conversation> WaitingIn(ComptoirDbContext db, bool voiceFull, bool writtenFull)
    {
        var queue = db.Conversations.AsNoTracking()
            .Where(c => c.Status == ConversationStatus.New && c.AssignedToId == null && c.Owner == ConversationOwner.ServiceCentre);
        if (voiceFull)
        {
            queue = queue.Where(c => c.Channel != Channel.Phone);
        }
        else if (writtenFull)
        {
            queue = queue.Where(c => c.Channel == Channel.Phone);
        }

        return queue;
    }

    private static IQueryable<Waiting> InOrder(IQueryable<Conversation> waiting, int count) => waiting
        .OrderByDescending(c => c.Priority).ThenBy(c => c.FirstResponseDueAt).ThenBy(c => c.Id)
        .Take(count)
        .Select(c => new Waiting { Id = c.Id, Subject = c.Subject, Channel = c.Channel, QueueId = c.QueueId, Priority = c.Priority, FirstResponseDueAt = c.FirstResponseDueAt });

    /// <summary>
    /// Reads each queue's most urgent items from the waiting index (a union of one query per queue: one query
    /// over all queues would sort every waiting item of every queue), then gives the advisor the first of them
    /// in order of urgency still waiting, with one update: SQLite runs one writer at a time, so the update sees
    /// every claim made since the read. (<c>CROSS JOIN</c> makes SQLite walk the offered ids and look each
    /// conversation up by key; it scanned the table otherwise.) The flag says whether anything was offered, so that a claim lost to
    /// other advisors is tried again.
    /// </summary>
    private static async Task<(Waiting? Claimed, bool Offered)> ClaimAsync(
        ComptoirDbContext db, int[] queueIds, int perQueue, bool voiceFull, bool writtenFull, int staffId, int siteId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var read = await Union(queueIds.Select(q => MostUrgent(db, q, perQueue, voiceFull, writtenFull))).ToListAsync(cancellationToken);
        // SQLite puts a missing deadline first in its ascending index, where items without one (no service level
        // applies: rare) hide a queue's dated items, though they are the least urgent of their priority. Where some
        // were read, that queue's dated items are read too: the most urgent overall are among the two.
        int[] undated = [.. read.Where(c => c.FirstResponseDueAt is null).Select(c => c.QueueId).Distinct()];
        if (undated.Length > 0)
        {
            read.AddRange(await Union(undated.Select(q => MostUrgent(db, q, perQueue, voiceFull, writtenFull, datedOnly: true))).ToListAsync(cancellationToken));
        }

        var offered = read.DistinctBy(c => c.Id)
            .OrderByDescending(c => c.Priority)
            .ThenBy(c => c.FirstResponseDueAt ?? DateTimeOffset.MaxValue)
            .ThenBy(c => c.Id)
            .ToList();
        if (offered.Count == 0)
        {
            return (null, false);
        }

        var claimed = await db.Database.SqlQueryRaw<long>(
                SqliteClaimSql,
                staffId, siteId, db.ProviderValue<Conversation>(nameof(Conversation.AssignedAt), now)!, nameof(ConversationStatus.Open), JsonSerializer.Serialize(offered.Select(c => c.Id)), nameof(ConversationStatus.New))
            .ToListAsync(cancellationToken);
        // Nothing claimed: every item offered was taken by others since the read.
        return (claimed.Count == 1 ? offered.First(c => c.Id == claimed[0]) : null, true);
    }

    /// <summary>
    /// Parameters: {0} advisor, {1} site, {2} now as stored, {3} status Open, {4} offered ids as a JSON array in
    /// order of urgency, {5} status New.
    /// </summary>
    internal const string SqliteClaimSql =
        """
        UPDATE "Conversations" SET "AssignedToId" = {0}, "AssignedSiteId" = {1}, "AssignedAt" = {2}, "Status" = {3}
        WHERE "Id" = (SELECT c."Id" FROM json_each({4}) AS o CROSS JOIN "Conversations" AS c ON c."Id" = o.value
                      WHERE c."AssignedToId" IS NULL AND c."Status" = {5}
                      ORDER BY o.key LIMIT 1)
        RETURNING "Id" AS "Value"
        """;

    /// <summary>What the claim on PostgreSQL returns: the row it gave, enums as stored.</summary>
    internal sealed class ClaimedRow
    {
        public long Id { get; init; }

        public string Subject { get; init; } = "";

        public string Channel { get; init; } = "";

        public int QueueId { get; init; }

        public bool Offered { get; init; }
    }

    /// <summary>
    /// The same in one statement on PostgreSQL: each queue's most urgent waiting items (a lateral join
    /// over the array of queue ids, each read in order from the waiting index), the first of them in order of
    /// urgency that no other advisor is claiming at that instant (<c>FOR UPDATE SKIP LOCKED</c>), updated and
    /// returned. When every item offered was being claimed by others, nothing is updated and the result says
    /// that something was offered.
    /// </summary>
    private static async Task<(Waiting? Claimed, bool Offered)> ClaimOnPostgresAsync(
        ComptoirDbContext db, int[] queueIds, int perQueue, bool voiceFull, bool writtenFull, int staffId, int siteId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQueryRaw<ClaimedRow>(
                ClaimSql, queueIds, nameof(ConversationOwner.ServiceCentre), voiceFull, writtenFull, staffId, siteId, now, perQueue)
            .ToListAsync(cancellationToken);
        var row = rows.Single();
        return row.Id == 0
            ? (null, row.Offered)
            : (new Waiting { Id = row.Id, Subject = row.Subject, Channel = Enum.Parse<Channel>(row.Channel), QueueId = row.QueueId }, true);
    }

    /// <summary>
    /// Parameters: {0} queue ids, {1} owner, {2} calls full, {3} written full, {4} advisor, {5} site, {6} now,
    /// {7} items offered per queue.
    /// Returns the claimed row, or one row with <c>Id</c> 0 telling whether anything was offered. The offered
    /// items are looked up by primary key as an array: joined, a generic plan may hash the whole table.
    /// </summary>
    internal const string ClaimSql =
        """
        WITH offered AS (
            SELECT w."Id", w."Priority", w."FirstResponseDueAt"
            FROM unnest({0}::integer[]) AS q("Id")
            CROSS JOIN LATERAL (
                SELECT c."Id", c."Priority", c."FirstResponseDueAt"
                FROM "Conversations" AS c
                WHERE c."QueueId" = q."Id" AND c."Owner" = {1} AND c."Status" = 'New' AND c."AssignedToId" IS NULL
                  AND (NOT {2} OR c."Channel" <> 'Phone') AND (NOT {3} OR c."Channel" = 'Phone')
                ORDER BY c."Priority" DESC, c."FirstResponseDueAt", c."Id"
                LIMIT {7}) AS w),
        claimed AS (
            UPDATE "Conversations" SET "AssignedToId" = {4}, "AssignedSiteId" = {5}, "AssignedAt" = {6}, "Status" = 'Open'
            WHERE "Id" = (SELECT c."Id" FROM "Conversations" AS c
                          WHERE c."Id" = ANY (ARRAY(SELECT "Id" FROM offered)) AND c."AssignedToId" IS NULL AND c."Status" = 'New'
                          ORDER BY c."Priority" DESC, c."FirstResponseDueAt", c."Id"
                          LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING "Id", "Subject", "Channel", "QueueId")
        SELECT "Id", "Subject", "Channel", "QueueId", TRUE AS "Offered" FROM claimed
        UNION ALL
        SELECT 0, '', '', 0, EXISTS (SELECT 1 FROM offered) WHERE NOT EXISTS (SELECT 1 FROM claimed)
        """;
}
