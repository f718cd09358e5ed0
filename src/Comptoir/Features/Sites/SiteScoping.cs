using Comptoir.Features.Staff;
using Comptoir.Platform.Auth;

namespace Comptoir.Features.Sites;

public static class SiteScoping
{
    /// <summary>
    /// The service sites a member may open: all for administrators and country executives (every site
    /// serves every country), their own for the site's advisors, supervisors and manager, none otherwise.
    /// An outsourced partner's staff therefore never see another site.
    /// </summary>
    public static IQueryable<ServiceSite> VisibleTo(this IQueryable<ServiceSite> sites, StaffScope scope) => scope.Role switch
    {
        StaffRole.Administrator or StaffRole.CountryExecutive => sites,
        StaffRole.Advisor or StaffRole.Supervisor or StaffRole.SiteManager => sites.Where(s => s.Id == scope.SiteId),
        _ => sites.Where(_ => false),
    };
}
