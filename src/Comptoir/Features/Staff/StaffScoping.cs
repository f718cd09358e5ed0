using Comptoir.Platform.Auth;

namespace Comptoir.Features.Staff;

public static class StaffScoping
{
    /// <summary>
    /// The staff profiles a member may open: everyone for an administrator; their site's team for a site
    /// manager or supervisor; their store's team for a store director; their country's store staff and
    /// community managers for a country executive; only themselves for everybody else.
    /// </summary>
    public static IQueryable<StaffMember> VisibleTo(this IQueryable<StaffMember> staff, StaffScope scope) => scope.Role switch
    {
        StaffRole.Administrator => staff,
        StaffRole.SiteManager or StaffRole.Supervisor => staff.Where(m => m.SiteId == scope.SiteId || m.Id == scope.StaffId),
        StaffRole.StoreDirector => staff.Where(m => m.StoreId == scope.StoreId || m.Id == scope.StaffId),
        StaffRole.CountryExecutive => staff.Where(m => m.CountryId == scope.CountryId || m.Id == scope.StaffId),
        _ => staff.Where(m => m.Id == scope.StaffId),
    };
}
