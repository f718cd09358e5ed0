using Comptoir.Features.Conversations;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Comptoir.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Causes.Emerging;

/// <summary>The emerging irritants of today and the last days in the reader's scope, with the contacts behind them.</summary>
public static class ListEmergingIrritants
{
    public sealed record Verbatim(long ConversationId, string Excerpt, bool MayOpen);

    public sealed record Row(
        long Id, DateOnly Day, CauseScope Scope, int ScopeId, string? Country, EmergingKind Kind, string Term, int? CauseId, string? CausePath,
        int Count, double Expected, double Score, bool Unseen, DateTimeOffset FlaggedAt, EmergingStatus Status, int? CreatedCauseId, IReadOnlyList<Verbatim> Verbatims);

    public static async Task<IResult> HandleAsync(System.Security.Claims.ClaimsPrincipal user, ComptoirDbContext db, TimeProvider time, int? days, CancellationToken cancellationToken) =>
        TypedResults.Ok(await QueryAsync(db, StaffScope.Of(user), time.GetUtcNow(), days ?? 7, cancellationToken));

    public static async Task<IReadOnlyList<Row>> QueryAsync(ComptoirDbContext db, StaffScope scope, DateTimeOffset now, int days, CancellationToken cancellationToken)
    {
        // Each flag's day is its scope's own: local days run from a day behind to a day ahead of UTC's.
        var back = Math.Clamp(days, 1, 60) - 1;
        var since = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-back - 1);
        var rows = (await db.EmergingIrritants.AsNoTracking().VisibleTo(scope)
            .Where(e => e.Day >= since)
            .Include(e => e.Verbatims)
            .OrderByDescending(e => e.Day).ThenBy(e => e.Status).ThenByDescending(e => e.Score)
            .Take(200)
            .ToListAsync(cancellationToken))
            .Where(e => e.Day >= LocalDays.Of(now, BusinessClock.Zone(e.TimeZoneId)).AddDays(-back))
            .ToList();
        var ids = rows.SelectMany(r => r.Verbatims).Select(v => v.ConversationId).Distinct().ToList();
        var visible = (await db.Conversations.AsNoTracking().VisibleTo(db, scope).Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
        var countries = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Code, cancellationToken);
        var paths = (await CauseChoices.ListAsync(db, activeOnly: false, cancellationToken)).ToDictionary(c => c.Id, c => c.Path);
        return
        [
            .. rows.Select(e => new Row(
                e.Id, e.Day, e.Scope, e.ScopeId, e.Scope == CauseScope.Country ? countries.GetValueOrDefault(e.ScopeId) : null, e.Kind, e.Term, e.CauseId,
                e.CauseId is { } c ? paths.GetValueOrDefault(c) : null, e.Count, e.Expected, e.Score, e.Unseen, e.FlaggedAt, e.Status, e.CreatedCauseId,
                [.. e.Verbatims.OrderBy(v => v.Id).Select(v => new Verbatim(v.ConversationId, v.Excerpt, visible.Contains(v.ConversationId)))])),
        ];
    }
}
