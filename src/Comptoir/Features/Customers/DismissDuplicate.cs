using System.Security.Claims;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Customers;

/// <summary>An advisor says two customers proposed as duplicates are different people; the proposal is closed.</summary>
public static class DismissDuplicate
{
    public static async Task<Results<NoContent, NotFound>> HandleAsync(long proposalId, ClaimsPrincipal user, ComptoirDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        await ExecuteAsync(db, StaffScope.Of(user), proposalId, time, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    public static async Task<bool> ExecuteAsync(ComptoirDbContext db, StaffScope scope, long proposalId, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!MergeCustomers.MayMerge(scope))
        {
            return false;
        }

        var visible = db.Customers.VisibleTo(db, scope).Select(c => c.Id);
        var now = time.GetUtcNow();
        return await db.DuplicateProposals
            .Where(p => p.Id == proposalId && p.ResolvedAt == null && visible.Contains(p.CustomerId) && visible.Contains(p.OtherCustomerId))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ResolvedAt, now).SetProperty(p => p.Merged, false), cancellationToken) == 1;
    }
}
