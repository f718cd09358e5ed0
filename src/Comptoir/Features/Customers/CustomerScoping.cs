using Comptoir.Features.Conversations;
using Comptoir.Features.Staff;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;

namespace Comptoir.Features.Customers;

public static class CustomerScoping
{
    /// <summary>
    /// The customers a member may open: every one for an administrator; otherwise those with at least one
    /// conversation the member may see. An outsourced site thus sees the customers of its own work only.
    /// </summary>
    public static IQueryable<Customer> VisibleTo(this IQueryable<Customer> customers, ComptoirDbContext db, StaffScope scope)
    {
        if (scope.Role == StaffRole.Administrator)
        {
            return customers;
        }

        var visible = db.Conversations.VisibleTo(db, scope);
        return customers.Where(c => visible.Any(v => v.CustomerId == c.Id));
    }
}
