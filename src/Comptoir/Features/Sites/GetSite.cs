using System.Security.Claims;
using Comptoir.Features.Staff;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Sites;

/// <summary>A service site with its activities and its team. Outside the reader's scope it does not exist.</summary>
public static class GetSite
{
    public sealed record Response(
        int Id,
        string Code,
        string Name,
        string City,
        string LocationCountryCode,
        string TimeZoneId,
        string? PartnerName,
        int PlannedAdvisorSeats,
        IReadOnlyList<string> Activities,
        IReadOnlyList<TeamMember> Team);

    public sealed record TeamMember(int Id, string DisplayName, StaffRole Role, bool Active);

    public static async Task<Results<Ok<Response>, NotFound>> HandleAsync(
        int id, ClaimsPrincipal user, ComptoirDbContext db, CancellationToken cancellationToken) =>
        await QueryAsync(db, StaffScope.Of(user), id, cancellationToken) is { } site
            ? TypedResults.Ok(site)
            : TypedResults.NotFound();

    public static async Task<Response?> QueryAsync(ComptoirDbContext db, StaffScope scope, int id, CancellationToken cancellationToken)
    {
        var site = await db.ServiceSites.AsNoTracking()
            .VisibleTo(scope)
            .Where(s => s.Id == id)
            .Select(s => new
            {
                s.Id,
                s.Code,
                s.Name,
                s.City,
                s.LocationCountryCode,
                s.TimeZoneId,
                s.PartnerName,
                s.PlannedAdvisorSeats,
                Activities = s.Activities.Select(a => a.Activity!.Name).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (site is null)
        {
            return null;
        }

        var team = await db.Staff.AsNoTracking()
            .Where(m => m.SiteId == id)
            .OrderBy(m => m.Role).ThenBy(m => m.DisplayName)
            .Select(m => new { m.Id, m.DisplayName, m.Role, m.DeactivatedAt })
            .ToListAsync(cancellationToken);

        return new Response(
            site.Id,
            site.Code,
            site.Name,
            site.City,
            site.LocationCountryCode,
            site.TimeZoneId,
            site.PartnerName,
            site.PlannedAdvisorSeats,
            [.. site.Activities.Select(a => a.Current)],
            [.. team.Select(m => new TeamMember(m.Id, m.DisplayName, m.Role, m.DeactivatedAt == null))]);
    }
}
