using Comptoir.Features.Conversations;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Setup.Queues;

/// <summary>Every queue with what waits in it now, for administrators: a few dozen at most, so one list.</summary>
public static class ListQueues
{
    public sealed record Row(
        int Id,
        string Code,
        string Name,
        int ActivityId,
        string Activity,
        string? Language,
        int OverflowAbove,
        int OverflowBelow,
        bool Overflowing,
        IReadOnlyList<string> HomeSites,
        int Waiting);

    public static async Task<Ok<IReadOnlyList<Row>>> HandleAsync(ComptoirDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await QueryAsync(db, cancellationToken));

    public static async Task<IReadOnlyList<Row>> QueryAsync(ComptoirDbContext db, CancellationToken cancellationToken)
    {
        var queues = await db.Queues.AsNoTracking()
            .OrderBy(q => q.Name)
            .Select(q => new { q.Id, q.Code, q.Name, q.ActivityId, q.Language, q.OverflowAbove, q.OverflowBelow, q.Overflowing, Homes = q.HomeSites.Select(h => h.SiteId).ToList() })
            .ToListAsync(cancellationToken);

        // Waiting as the overflow balancing counts it: new, unassigned, with the service centre.
        var waiting = await db.Conversations.AsNoTracking()
            .Where(c => c.AssignedToId == null && c.Status == ConversationStatus.New && c.Owner == ConversationOwner.ServiceCentre)
            .GroupBy(c => c.QueueId)
            .Select(g => new { QueueId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.QueueId, g => g.Count, cancellationToken);
        var activities = await db.Activities.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var sites = await db.ServiceSites.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);

        return
        [
            .. queues.Select(q => new Row(
                q.Id,
                q.Code,
                q.Name,
                q.ActivityId,
                activities.TryGetValue(q.ActivityId, out var activity) ? activity.Current : "",
                q.Language,
                q.OverflowAbove,
                q.OverflowBelow,
                q.Overflowing,
                [.. q.Homes.Select(h => sites.GetValueOrDefault(h) ?? "").Order(StringComparer.CurrentCulture)],
                waiting.GetValueOrDefault(q.Id))),
        ];
    }
}
