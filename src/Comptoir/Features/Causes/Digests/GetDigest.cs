using System.Security.Claims;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Causes.Digests;

/// <summary>One digest as its readers see it: each cause with its path, trend, verbatims, team and action; 404 outside the reader's scopes.</summary>
public static class GetDigest
{
    public sealed record Verbatim(long ConversationId, string Excerpt);

    public sealed record Entry(
        int Rank, int CauseId, string CausePath, int Count, double PreviousAverage, double? TrendPercent, bool IsNew,
        string? OwningTeam, string? ActionPlan, CauseActionStatus? ActionStatus, IReadOnlyList<Verbatim> Verbatims);

    public sealed record Response(
        long Id, CauseScope Scope, int ScopeId, string ScopeName, DateOnly LocalDate, string TimeZoneId,
        DateTimeOffset WindowStart, DateTimeOffset WindowEnd, DateTimeOffset ProducedAt, int TotalContacts, IReadOnlyList<Entry> Entries);

    public static async Task<Results<Ok<Response>, NotFound>> HandleAsync(long id, ClaimsPrincipal user, ComptoirDbContext db, CancellationToken cancellationToken)
    {
        var digest = await QueryAsync(db, StaffScope.Of(user), id, cancellationToken);
        return digest is null ? TypedResults.NotFound() : TypedResults.Ok(digest);
    }

    public static async Task<Response?> QueryAsync(ComptoirDbContext db, StaffScope reader, long id, CancellationToken cancellationToken)
    {
        var digest = await db.CauseDigests.AsNoTracking().VisibleTo(reader)
            .Include(d => d.Entries).ThenInclude(e => e.Verbatims)
            .AsSplitQuery()
            .SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (digest is null)
        {
            return null;
        }

        var paths = (await CauseChoices.ListAsync(db, activeOnly: false, cancellationToken)).ToDictionary(c => c.Id, c => c.Path);
        return new Response(
            digest.Id, digest.Scope, digest.ScopeId, await ScopeNameAsync(db, digest.Scope, digest.ScopeId, cancellationToken), digest.LocalDate, digest.TimeZoneId,
            digest.WindowStart, digest.WindowEnd, digest.ProducedAt, digest.TotalContacts,
            [.. digest.Entries.OrderBy(e => e.Rank).Select(e => new Entry(
                e.Rank, e.CauseId, paths.GetValueOrDefault(e.CauseId, "?"), e.Count, e.PreviousAverage, e.TrendPercent, e.IsNew,
                e.OwningTeam, e.ActionPlan, e.ActionStatus,
                [.. e.Verbatims.OrderBy(v => v.Id).Select(v => new Verbatim(v.ConversationId, v.Excerpt))]))]);
    }

    /// <summary>The digest of a scope for a day, or the newest when no day is given; none when it does not exist or is not the reader's.</summary>
    public static Task<long?> FindAsync(ComptoirDbContext db, StaffScope reader, CauseScope scope, int scopeId, DateOnly? day, CancellationToken cancellationToken) =>
        db.CauseDigests.AsNoTracking().VisibleTo(reader)
            .Where(d => d.Scope == scope && d.ScopeId == scopeId && (day == null || d.LocalDate == day))
            .OrderByDescending(d => d.LocalDate)
            .Select(d => (long?)d.Id)
            .FirstOrDefaultAsync(cancellationToken);

    public static async Task<string> ScopeNameAsync(ComptoirDbContext db, CauseScope scope, int scopeId, CancellationToken cancellationToken) =>
        scope == CauseScope.Group
            ? "Groupe"
            : (await db.Countries.AsNoTracking().Where(c => c.Id == scopeId).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken))?.Current ?? "?";
}
