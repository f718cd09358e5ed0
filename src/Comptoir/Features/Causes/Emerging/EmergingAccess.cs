using Comptoir.Features.Staff;
using Comptoir.Platform.Auth;

namespace Comptoir.Features.Causes.Emerging;

/// <summary>Who sees emerging irritants: the group's (administrators, supervisors, site managers, community managers) or their country's (country executives).</summary>
public static class EmergingAccess
{
    public const string Roles = StaffRoles.Administrator + "," + StaffRoles.Supervisor + "," + StaffRoles.SiteManager + ","
        + StaffRoles.CountryExecutive + "," + StaffRoles.CommunityManager;

    public static bool MaySee(StaffRole role) =>
        role is StaffRole.Administrator or StaffRole.Supervisor or StaffRole.SiteManager or StaffRole.CountryExecutive or StaffRole.CommunityManager;

    public static IQueryable<EmergingIrritant> VisibleTo(this IQueryable<EmergingIrritant> irritants, StaffScope scope) => scope.Role switch
    {
        StaffRole.CountryExecutive => irritants.Where(e => e.Scope == CauseScope.Country && e.ScopeId == scope.CountryId),
        _ when MaySee(scope.Role) => irritants,
        _ => irritants.Where(_ => false),
    };
}
