using Comptoir.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Causes.Taxonomy;

/// <summary>The taxonomy as a tree, each cause with its contacts of the last 7 days and its examples, for administrators.</summary>
public static class ListCauses
{
    public sealed record Row(
        int Id, int? ParentId, string Code, string Name, string? EnglishName, string Path, string? OwningTeam, string? InheritedTeam, bool Active, int Depth, int LastSevenDays, int Examples);

    public sealed record ModelRow(int Version, DateTimeOffset TrainedAt, int Examples, int Causes, double? HeldOutAccuracy, string TrainedBy);

    public static async Task<IReadOnlyList<Row>> QueryAsync(ComptoirDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = CauseCounts.HourOf(now.AddDays(-7));
        var counts = await db.CauseCounts.AsNoTracking()
            .Where(c => c.Scope == CauseScope.Group && c.ScopeId == 0 && c.Hour >= since)
            .GroupBy(c => c.CauseId)
            .Select(g => new { CauseId = g.Key, Count = g.Sum(c => c.Count) })
            .ToDictionaryAsync(c => c.CauseId, c => c.Count, cancellationToken);
        var examples = await db.CauseExamples.AsNoTracking()
            .GroupBy(e => e.CauseId)
            .Select(g => new { CauseId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(c => c.CauseId, c => c.Count, cancellationToken);
        var names = await db.Causes.AsNoTracking().ToDictionaryAsync(c => c.Id, cancellationToken);
        var choices = await CauseChoices.ListAsync(db, activeOnly: false, cancellationToken);
        return
        [
            .. choices.Select(c =>
            {
                var cause = names[c.Id];
                return new Row(c.Id, c.ParentId, c.Code, cause.Name, cause.EnglishName, c.Path, cause.OwningTeam, c.OwningTeam, c.Active, c.Depth,
                    counts.GetValueOrDefault(c.Id), examples.GetValueOrDefault(c.Id));
            }),
        ];
    }

    public static Task<List<ModelRow>> ModelsAsync(ComptoirDbContext db, CancellationToken cancellationToken) =>
        db.CauseModels.AsNoTracking()
            .OrderByDescending(m => m.Id)
            .Take(20)
            .Select(m => new ModelRow(m.Id, m.TrainedAt, m.ExampleCount, m.CauseCount, m.HeldOutAccuracy, m.TrainedBy))
            .ToListAsync(cancellationToken);
}
