using System.Security.Claims;
using Comptoir.Features.Staff;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Sites;

/// <summary>The service sites a member may see, with their staffing against plan.</summary>
public static class ListSites
{
    public sealed record Row(int Id, string Code, string Name, string City, string? PartnerName, int PlannedAdvisorSeats, int Advisors, int Supervisors);

    public static Task<List<Row>> HandleAsync(ClaimsPrincipal user, ComptoirDbContext db, CancellationToken cancellationToken) =>
        QueryAsync(db, StaffScope.Of(user), cancellationToken);

    public static Task<List<Row>> QueryAsync(ComptoirDbContext db, StaffScope scope, CancellationToken cancellationToken) =>
        db.ServiceSites.AsNoTracking()
            .VisibleTo(scope)
            .OrderBy(s => s.PartnerName != null).ThenBy(s => s.Name)
            .Select(s => new Row(
                s.Id,
                s.Code,
                s.Name,
                s.City,
                s.PartnerName,
                s.PlannedAdvisorSeats,
                db.Staff.Count(m => m.SiteId == s.Id && m.Role == StaffRole.Advisor),
                db.Staff.Count(m => m.SiteId == s.Id && m.Role == StaffRole.Supervisor)))
            .ToListAsync(cancellationToken);
}
