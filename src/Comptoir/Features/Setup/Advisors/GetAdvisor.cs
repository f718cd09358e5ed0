using System.Security.Claims;
using Comptoir.Features.Routing;
using Comptoir.Features.Staff;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Setup.Advisors;

/// <summary>An advisor's profile as it is edited; outside the reader's scope it does not exist.</summary>
public static class GetAdvisor
{
    /// <summary>
    /// <paramref name="HasProfile"/> is false for an advisor whose profile was never filled in: the other fields
    /// are then the defaults a first save would keep, and the advisor cannot take conversations yet.
    /// </summary>
    public sealed record Response(
        int Id,
        string Name,
        StaffRole Role,
        int? SiteId,
        string? Site,
        bool HasProfile,
        IReadOnlyList<int> ActivityIds,
        IReadOnlyList<string> Languages,
        string WorkingHours,
        int CallCapacity,
        int WrittenCapacity,
        Presence Presence);

    public static async Task<Results<Ok<Response>, NotFound>> HandleAsync(int id, ClaimsPrincipal user, ComptoirDbContext db, CancellationToken cancellationToken) =>
        await QueryAsync(db, StaffScope.Of(user), id, cancellationToken) is { } advisor ? TypedResults.Ok(advisor) : TypedResults.NotFound();

    public static async Task<Response?> QueryAsync(ComptoirDbContext db, StaffScope scope, int id, CancellationToken cancellationToken)
    {
        var member = await db.Staff.AsNoTracking().EditableBy(scope)
            .Where(m => m.Id == id)
            .Select(m => new { m.Id, m.DisplayName, m.Role, m.SiteId, Site = m.Site == null ? null : m.Site.Name })
            .SingleOrDefaultAsync(cancellationToken);
        if (member is null)
        {
            return null;
        }

        var stored = await db.AdvisorProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.StaffMemberId == id, cancellationToken);
        var profile = stored ?? new AdvisorProfile { StaffMemberId = id, WorkingHours = "" };
        return new Response(
            member.Id,
            member.DisplayName,
            member.Role,
            member.SiteId,
            member.Site,
            stored is not null,
            [.. profile.ActivityIds.Order()],
            [.. profile.Languages],
            profile.WorkingHours,
            profile.CallCapacity,
            profile.WrittenCapacity,
            profile.Presence);
    }
}
