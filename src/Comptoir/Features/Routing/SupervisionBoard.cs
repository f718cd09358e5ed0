using Comptoir.Features.Conversations;
using Comptoir.Features.Sites;
using Comptoir.Features.Staff;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Comptoir.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Routing;

/// <summary>
/// Live queues per site for supervisors: what waits, how long the oldest has waited, how many advisors are
/// available for it now, what has breached its deadline, and whether the queue overflows to other sites.
/// </summary>
public static class SupervisionBoard
{
    public sealed record Site(int Id, string Name, string TimeZoneId, int OnShift, int Available, IReadOnlyList<QueueRow> Queues);

    public sealed record QueueRow(int Id, string Name, bool Home, bool Overflowing, int Waiting, DateTimeOffset? OldestSince, int AvailableAdvisors, int Breached);

    public static async Task<IReadOnlyList<Site>> QueryAsync(ComptoirDbContext db, StaffScope scope, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var sites = await db.ServiceSites.AsNoTracking().VisibleTo(scope)
            .OrderBy(s => s.PartnerName != null).ThenBy(s => s.Name)
            .Select(s => new { s.Id, s.Name, s.TimeZoneId, Activities = s.Activities.Select(a => a.ActivityId).ToList() })
            .ToListAsync(cancellationToken);
        var queues = await db.Queues.AsNoTracking()
            .Select(q => new { q.Id, q.Name, q.ActivityId, q.Language, q.Overflowing, Homes = q.HomeSites.Select(h => h.SiteId).ToList() })
            .ToListAsync(cancellationToken);
        var waiting = await db.Conversations.AsNoTracking()
            .Where(c => c.AssignedToId == null && c.Status == ConversationStatus.New && c.Owner == ConversationOwner.ServiceCentre)
            .GroupBy(c => c.QueueId)
            .Select(g => new { QueueId = g.Key, Count = g.Count(), Oldest = g.Min(c => c.CreatedAt) })
            .ToDictionaryAsync(g => g.QueueId, cancellationToken);
        var breached = await db.Conversations.AsNoTracking()
            .Where(c => c.Status != ConversationStatus.Closed && c.Owner == ConversationOwner.ServiceCentre
                        && ((c.FirstResponseAt == null && c.FirstResponseBreachedAt != null) || c.ResolutionBreachedAt != null))
            .GroupBy(c => new { c.QueueId, c.AssignedSiteId })
            .Select(g => new { g.Key.QueueId, g.Key.AssignedSiteId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var siteIds = sites.Select(s => s.Id).ToList();
        var advisors = await db.AdvisorProfiles.AsNoTracking()
            .Join(db.Staff.Where(m => m.SiteId != null && siteIds.Contains(m.SiteId.Value) && m.DeactivatedAt == null && m.Role == StaffRole.Advisor),
                p => p.StaffMemberId, m => m.Id, (p, m) => new { m.SiteId, p.ActivityIds, p.Languages, p.WorkingHours, p.Presence })
            .ToListAsync(cancellationToken);

        var board = new List<Site>();
        foreach (var site in sites)
        {
            var local = TimeZoneInfo.ConvertTime(now, BusinessClock.Zone(site.TimeZoneId)).DateTime;
            var team = advisors.Where(a => a.SiteId == site.Id)
                .Select(a => new { a.ActivityIds, a.Languages, a.Presence, OnShift = WeeklyHours.TryParse(a.WorkingHours, out var hours, out _) && hours.IsOpen(local) })
                .ToList();
            var available = team.Where(a => a.OnShift && a.Presence == Presence.Available).ToList();
            var rows = queues
                .Where(q => q.Homes.Contains(site.Id) || (q.Overflowing && site.Activities.Contains(q.ActivityId)))
                .Select(q => new QueueRow(
                    q.Id,
                    q.Name,
                    q.Homes.Contains(site.Id),
                    q.Overflowing,
                    waiting.TryGetValue(q.Id, out var w) ? w.Count : 0,
                    waiting.TryGetValue(q.Id, out var o) ? o.Oldest : null,
                    available.Count(a => a.ActivityIds.Contains(q.ActivityId) && (q.Language == null || a.Languages.Contains(q.Language))),
                    breached.Where(b => b.QueueId == q.Id && (b.AssignedSiteId == site.Id || (b.AssignedSiteId == null && q.Homes.Contains(site.Id)))).Sum(b => b.Count)))
                .OrderByDescending(r => r.Waiting)
                .ToList();
            board.Add(new Site(site.Id, site.Name, site.TimeZoneId, team.Count(a => a.OnShift), available.Count, rows));
        }

        return board;
    }
}
