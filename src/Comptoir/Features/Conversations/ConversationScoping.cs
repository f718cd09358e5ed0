using Comptoir.Features.Staff;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;

namespace Comptoir.Features.Conversations;

public static class ConversationScoping
{
    /// <summary>
    /// The conversations a member may open. A service site's staff see their site's work: what one of them
    /// took, answered or recorded, and what nobody holds in a queue the site serves (its home queues, and
    /// queues overflowing to it for an activity it is trained in). A conversation someone holds is seen by
    /// the holder's site only: held with no site, no site sees it. A store director sees everything about
    /// their store, a department manager what concerns their department, a country executive their country.
    /// </summary>
    public static IQueryable<Conversation> VisibleTo(this IQueryable<Conversation> conversations, ComptoirDbContext db, StaffScope scope) => scope.Role switch
    {
        StaffRole.Administrator => conversations,
        StaffRole.CountryExecutive => conversations.Where(c => c.CountryId == scope.CountryId),
        StaffRole.StoreDirector => conversations.Where(c => c.StoreId == scope.StoreId),
        StaffRole.DepartmentManager => conversations.Where(c => c.StoreId == scope.StoreId && c.DepartmentId == scope.DepartmentId),
        StaffRole.Advisor or StaffRole.Supervisor or StaffRole.SiteManager => conversations.Where(c =>
            c.AssignedSiteId == scope.SiteId
            || (c.AssignedToId == null && c.Owner == ConversationOwner.ServiceCentre && db.Queues.Any(q => q.Id == c.QueueId
                && (q.HomeSites.Any(h => h.SiteId == scope.SiteId)
                    || (q.Overflowing && db.ServiceSites.Any(s => s.Id == scope.SiteId && s.Activities.Any(a => a.ActivityId == q.ActivityId))))))),
        _ => conversations.Where(_ => false),
    };
}
