using System.Security.Claims;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Customers;

/// <summary>
/// Undoes a merge: the identities and conversations that moved go back to the customer they came from,
/// which becomes a customer of its own again. Conversations that arrived on the survivor since stay there.
/// </summary>
public static class UndoMerge
{
    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> HandleAsync(
        long mergeId, ClaimsPrincipal user, ComptoirDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            return await ExecuteAsync(db, StaffScope.Of(user), mergeId, time, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
        }
        catch (CustomerMergeException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The merge was not undone", detail: e.Message);
        }
    }

    public static async Task<bool> ExecuteAsync(ComptoirDbContext db, StaffScope scope, long mergeId, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!MergeCustomers.MayMerge(scope))
        {
            return false;
        }

        var visible = db.Customers.VisibleTo(db, scope).Select(c => c.Id);
        var merge = await db.CustomerMerges.SingleOrDefaultAsync(m => m.Id == mergeId && visible.Contains(m.SurvivorId), cancellationToken);
        if (merge is null)
        {
            return false;
        }

        if (merge.UndoneAt is not null)
        {
            throw new CustomerMergeException("Cette fusion a déjà été annulée.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var identities = merge.MovedIdentityIds;
        var conversations = merge.MovedConversationIds;
        await db.CustomerIdentities.Where(i => identities.Contains(i.Id) && i.CustomerId == merge.SurvivorId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.CustomerId, merge.MergedId), cancellationToken);
        await db.Conversations.Where(c => conversations.Contains(c.Id) && c.CustomerId == merge.SurvivorId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.CustomerId, merge.MergedId), cancellationToken);
        await db.Customers.Where(c => c.Id == merge.MergedId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.MergedIntoId, (long?)null), cancellationToken);
        merge.UndoneAt = time.GetUtcNow();
        merge.UndoneById = scope.StaffId;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
