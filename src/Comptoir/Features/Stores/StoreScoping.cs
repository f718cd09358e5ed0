using Comptoir.Features.Staff;
using Comptoir.Platform.Auth;

namespace Comptoir.Features.Stores;

public static class StoreScoping
{
    /// <summary>
    /// The stores whose internal pages a member may open: all for an administrator, the country's for a
    /// country executive, their own for a store director or department manager, none for anybody else.
    /// </summary>
    public static IQueryable<Store> VisibleTo(this IQueryable<Store> stores, StaffScope scope) => scope.Role switch
    {
        StaffRole.Administrator => stores,
        StaffRole.CountryExecutive => stores.Where(s => s.CountryId == scope.CountryId),
        StaffRole.StoreDirector or StaffRole.DepartmentManager => stores.Where(s => s.Id == scope.StoreId),
        _ => stores.Where(_ => false),
    };
}
