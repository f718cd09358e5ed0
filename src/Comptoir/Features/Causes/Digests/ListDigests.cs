using System.Security.Claims;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Causes.Digests;

/// <summary>The digests a reader may open, newest first, optionally of one scope and one day.</summary>
public static class ListDigests
{
    public sealed record Row(long Id, CauseScope Scope, int ScopeId, DateOnly LocalDate, DateTimeOffset WindowStart, DateTimeOffset WindowEnd, int TotalContacts, int Causes);

    public const int MaxRows = 100;

    public static async Task<Results<Ok<IReadOnlyList<Row>>, NotFound>> HandleAsync(
        CauseScope? scope, int? scopeId, DateOnly? date, ClaimsPrincipal user, ComptoirDbContext db, CancellationToken cancellationToken)
    {
        var reader = StaffScope.Of(user);
        if (scope is { } asked && !DigestAccess.CanRead(reader, asked, scopeId ?? 0))
        {
            return TypedResults.NotFound();
        }

        var rows = await QueryAsync(db, reader, scope, scope is null ? null : scopeId ?? 0, date, MaxRows, cancellationToken);
        return TypedResults.Ok(rows);
    }

    public static async Task<IReadOnlyList<Row>> QueryAsync(
        ComptoirDbContext db, StaffScope reader, CauseScope? scope, int? scopeId, DateOnly? date, int take, CancellationToken cancellationToken) =>
        await db.CauseDigests.AsNoTracking().VisibleTo(reader)
            .Where(d => (scope == null || d.Scope == scope) && (scopeId == null || d.ScopeId == scopeId) && (date == null || d.LocalDate == date))
            .OrderByDescending(d => d.LocalDate).ThenBy(d => d.Scope).ThenBy(d => d.ScopeId)
            .Take(take)
            .Select(d => new Row(d.Id, d.Scope, d.ScopeId, d.LocalDate, d.WindowStart, d.WindowEnd, d.TotalContacts, d.Entries.Count))
            .ToListAsync(cancellationToken);
}
