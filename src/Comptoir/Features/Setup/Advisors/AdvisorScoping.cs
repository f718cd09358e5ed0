using Comptoir.Features.Staff;
using Comptoir.Platform.Auth;

namespace Comptoir.Features.Setup.Advisors;

public static class AdvisorScoping
{
    /// <summary>
    /// The members whose advisor profile someone may edit: those who take conversations (advisors and
    /// supervisors), of any site for an administrator, of their own site for a site manager, none otherwise.
    /// </summary>
    public static IQueryable<StaffMember> EditableBy(this IQueryable<StaffMember> staff, StaffScope scope)
    {
        var takers = staff.Where(m => m.Role == StaffRole.Advisor || m.Role == StaffRole.Supervisor);
        return scope.Role switch
        {
            StaffRole.Administrator => takers,
            StaffRole.SiteManager when scope.SiteId is { } site => takers.Where(m => m.SiteId == site),
            _ => takers.Where(_ => false),
        };
    }
}
