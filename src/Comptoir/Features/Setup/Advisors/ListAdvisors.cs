using System.Security.Claims;
using Comptoir.Features.Routing;
using Comptoir.Features.Staff;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Comptoir.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Setup.Advisors;

/// <summary>
/// The advisors someone may edit, with what they can take: skills, languages, capacities and whether they are
/// available now; filtered by site and by skill. A site manager sees their own site's only.
/// </summary>
public static class ListAdvisors
{
    public sealed record Row(
        int Id,
        string Name,
        StaffRole Role,
        int? SiteId,
        string? Site,
        IReadOnlyList<string> Skills,
        IReadOnlyList<string> Languages,
        int? CallCapacity,
        int? WrittenCapacity,
        Presence? Presence,
        bool Active);

    public static async Task<Ok<Page<Row>>> HandleAsync(
        ClaimsPrincipal user, ComptoirDbContext db, int? siteId, int? activityId, int? page, int? size, CancellationToken cancellationToken) =>
        TypedResults.Ok(await QueryAsync(db, StaffScope.Of(user), siteId, activityId, page, size, cancellationToken));

    public static async Task<Page<Row>> QueryAsync(
        ComptoirDbContext db, StaffScope scope, int? siteId, int? activityId, int? page, int? size, CancellationToken cancellationToken)
    {
        var (number, pageSize) = Paging.Clamp(page, size);
        var staff = db.Staff.AsNoTracking().EditableBy(scope);
        if (siteId is { } site)
        {
            staff = staff.Where(m => m.SiteId == site);
        }

        if (activityId is { } activity)
        {
            staff = staff.Where(m => db.AdvisorProfiles.Any(p => p.StaffMemberId == m.Id && p.ActivityIds.Contains(activity)));
        }

        var total = await staff.CountAsync(cancellationToken);
        var members = await staff
            .OrderBy(m => m.Site!.Name).ThenBy(m => m.DisplayName).ThenBy(m => m.Id)
            .Skip((number - 1) * pageSize)
            .Take(pageSize)
            .Select(m => new { m.Id, m.DisplayName, m.Role, m.SiteId, Site = m.Site == null ? null : m.Site.Name, Active = m.DeactivatedAt == null })
            .ToListAsync(cancellationToken);
        var ids = members.Select(m => m.Id).ToList();
        var profiles = await db.AdvisorProfiles.AsNoTracking().Where(p => ids.Contains(p.StaffMemberId)).ToDictionaryAsync(p => p.StaffMemberId, cancellationToken);
        var activities = await db.Activities.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);

        var rows = members.Select(m =>
        {
            var profile = profiles.GetValueOrDefault(m.Id);
            return new Row(
                m.Id,
                m.DisplayName,
                m.Role,
                m.SiteId,
                m.Site,
                [.. (profile?.ActivityIds ?? []).Order().Select(a => activities.TryGetValue(a, out var name) ? name.Current : "")],
                [.. profile?.Languages ?? []],
                profile?.CallCapacity,
                profile?.WrittenCapacity,
                profile?.Presence,
                m.Active);
        }).ToList();
        return new Page<Row>(rows, total, number, pageSize);
    }
}
