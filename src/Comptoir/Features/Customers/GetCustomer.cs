using System.Security.Claims;
using Comptoir.Features.Conversations;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Customers;

/// <summary>The customer page: identities, every interaction on every channel newest first, possible duplicates and merges.</summary>
public static class GetCustomer
{
    public sealed record Response(
        long Id,
        string? Name,
        string? Language,
        DateTimeOffset CreatedAt,
        long? MergedIntoId,
        IReadOnlyList<IdentityView> Identities,
        IReadOnlyList<GetConversation.HistoryEntry> History,
        IReadOnlyList<Duplicate> Duplicates,
        IReadOnlyList<Merge> Merges);

    public sealed record Duplicate(long ProposalId, long OtherCustomerId, string? OtherName, string Reason);

    public sealed record Merge(long Id, long MergedId, string? MergedName, DateTimeOffset MergedAt, string MergedBy, bool Undone);

    public static async Task<Results<Ok<Response>, NotFound>> HandleAsync(long id, ClaimsPrincipal user, ComptoirDbContext db, CancellationToken cancellationToken) =>
        await QueryAsync(db, StaffScope.Of(user), id, cancellationToken) is { } customer ? TypedResults.Ok(customer) : TypedResults.NotFound();

    public static async Task<Response?> QueryAsync(ComptoirDbContext db, StaffScope scope, long id, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().VisibleTo(db, scope)
            .Where(c => c.Id == id)
            .Select(c => new { c.Id, c.DisplayName, c.Language, c.CreatedAt, c.MergedIntoId })
            .SingleOrDefaultAsync(cancellationToken);
        if (customer is null)
        {
            return null;
        }

        var summary = await GetConversation.CustomerSummaryAsync(db, scope, id, recognised: true, cancellationToken);
        var visibleCustomers = db.Customers.VisibleTo(db, scope).Select(c => c.Id);
        var duplicates = await db.DuplicateProposals.AsNoTracking()
            .Where(p => p.ResolvedAt == null && (p.CustomerId == id || p.OtherCustomerId == id))
            .Select(p => new { p.Id, Other = p.CustomerId == id ? p.OtherCustomerId : p.CustomerId, p.Reason })
            .Where(p => visibleCustomers.Contains(p.Other) && db.Customers.Any(c => c.Id == p.Other && c.MergedIntoId == null))
            .Select(p => new Duplicate(p.Id, p.Other, db.Customers.Where(c => c.Id == p.Other).Select(c => c.DisplayName).FirstOrDefault(), p.Reason))
            .ToListAsync(cancellationToken);
        var merges = await db.CustomerMerges.AsNoTracking()
            .Where(m => m.SurvivorId == id)
            .OrderByDescending(m => m.MergedAt)
            .Select(m => new Merge(
                m.Id,
                m.MergedId,
                db.Customers.Where(c => c.Id == m.MergedId).Select(c => c.DisplayName).FirstOrDefault(),
                m.MergedAt,
                db.Staff.Where(s => s.Id == m.MergedById).Select(s => s.DisplayName).First(),
                m.UndoneAt != null))
            .ToListAsync(cancellationToken);

        return new Response(customer.Id, customer.DisplayName, customer.Language, customer.CreatedAt, customer.MergedIntoId,
            summary?.Identities ?? [], summary?.History ?? [], duplicates, merges);
    }
}
