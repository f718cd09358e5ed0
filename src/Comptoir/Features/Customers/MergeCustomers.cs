using System.Security.Claims;
using Comptoir.Features.Staff;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Customers;

/// <summary>
/// Merges a duplicate into the customer that survives: identities and conversations move over, the
/// duplicate keeps its row pointing at the survivor, and the merge records exactly what moved so it can be
/// undone.
/// </summary>
public static class MergeCustomers
{
    public sealed record Request(long MergedId);

    public static async Task<Results<Ok<long>, NotFound, ProblemHttpResult>> HandleAsync(
        long id, Request request, ClaimsPrincipal user, ComptoirDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            return await ExecuteAsync(db, StaffScope.Of(user), id, request.MergedId, time, cancellationToken) is { } merge
                ? TypedResults.Ok(merge)
                : TypedResults.NotFound();
        }
        catch (CustomerMergeException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The customers were not merged", detail: e.Message);
        }
    }

    public static bool MayMerge(StaffScope scope) =>
        scope.Role is StaffRole.Advisor or StaffRole.Supervisor or StaffRole.SiteManager or StaffRole.Administrator;

    /// <summary>The id of the merge, or null when either customer is outside the member's scope.</summary>
    public static async Task<long?> ExecuteAsync(ComptoirDbContext db, StaffScope scope, long survivorId, long mergedId, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!MayMerge(scope))
        {
            return null;
        }

        var pair = await db.Customers.VisibleTo(db, scope).Where(c => c.Id == survivorId || c.Id == mergedId).ToListAsync(cancellationToken);
        var survivor = pair.SingleOrDefault(c => c.Id == survivorId);
        var merged = pair.SingleOrDefault(c => c.Id == mergedId);
        if (survivor is null || merged is null)
        {
            return null;
        }

        if (survivorId == mergedId || survivor.MergedIntoId is not null || merged.MergedIntoId is not null)
        {
            throw new CustomerMergeException("Ces deux fiches ne peuvent pas être fusionnées : l'une a déjà été fusionnée dans une autre.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var identities = await db.CustomerIdentities.Where(i => i.CustomerId == mergedId).Select(i => i.Id).ToListAsync(cancellationToken);
        var conversations = await db.Conversations.Where(c => c.CustomerId == mergedId).Select(c => c.Id).ToListAsync(cancellationToken);
        await db.CustomerIdentities.Where(i => i.CustomerId == mergedId).ExecuteUpdateAsync(s => s.SetProperty(i => i.CustomerId, survivorId), cancellationToken);
        await db.Conversations.Where(c => c.CustomerId == mergedId).ExecuteUpdateAsync(s => s.SetProperty(c => c.CustomerId, survivorId), cancellationToken);

        merged.MergedIntoId = survivorId;
        survivor.DisplayName ??= merged.DisplayName;
        survivor.Language ??= merged.Language;
        survivor.CountryId ??= merged.CountryId;
        if (merged.CreatedAt < survivor.CreatedAt)
        {
            survivor.CreatedAt = merged.CreatedAt;
        }

        if (merged.LastContactAt > survivor.LastContactAt)
        {
            survivor.LastContactAt = merged.LastContactAt;
        }

        var merge = new CustomerMerge
        {
            SurvivorId = survivorId,
            MergedId = mergedId,
            MovedIdentityIds = identities,
            MovedConversationIds = conversations,
            MergedById = scope.StaffId,
            MergedAt = now,
        };
        db.CustomerMerges.Add(merge);
        await db.DuplicateProposals
            .Where(p => p.ResolvedAt == null && ((p.CustomerId == survivorId && p.OtherCustomerId == mergedId) || (p.CustomerId == mergedId && p.OtherCustomerId == survivorId)))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ResolvedAt, now).SetProperty(p => p.Merged, true), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return merge.Id;
    }
}

public sealed class CustomerMergeException(string message) : Exception(message);
