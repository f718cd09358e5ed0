using Comptoir.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Causes.Digests;

/// <summary>
/// A store's most frequent causes over the last hours, from its hourly counts: what its customers called,
/// wrote, and left in the checkout notebook about.
/// </summary>
public static class StoreIrritants
{
    public sealed record Row(int CauseId, string CausePath, int Count);

    public static async Task<IReadOnlyList<Row>> QueryAsync(ComptoirDbContext db, int storeId, DateTimeOffset now, TimeSpan span, int top, CancellationToken cancellationToken)
    {
        var to = CauseCounts.HourOf(now) + 1;
        var from = to - (long)Math.Ceiling(span.TotalHours);
        var counts = await db.CauseCounts.AsNoTracking()
            .Where(c => c.Scope == CauseScope.Store && c.ScopeId == storeId && c.Hour >= from && c.Hour < to)
            .GroupBy(c => c.CauseId)
            .Select(g => new { CauseId = g.Key, Count = g.Sum(c => c.Count) })
            .Where(g => g.Count > 0)
            .OrderByDescending(g => g.Count).ThenBy(g => g.CauseId)
            .Take(top)
            .ToListAsync(cancellationToken);
        if (counts.Count == 0)
        {
            return [];
        }

        var paths = (await CauseChoices.ListAsync(db, activeOnly: false, cancellationToken)).ToDictionary(c => c.Id, c => c.Path);
        return [.. counts.Select(c => new Row(c.CauseId, paths.GetValueOrDefault(c.CauseId, "?"), c.Count))];
    }
}
