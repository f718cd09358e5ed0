using System.Globalization;
using Comptoir.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Causes;

/// <summary>The taxonomy as people read it: each cause with its path (Domaine › Cause › Précision) in their language.</summary>
public static class CauseChoices
{
    public sealed record Choice(int Id, int? ParentId, string Code, string Path, string Domain, string? OwningTeam, bool Active, bool Priority, int Depth);

    private sealed record Row(int Id, int? ParentId, string Code, string Name, string? EnglishName, string? OwningTeam, bool Active, DateTimeOffset? PrioritySince);

    public static string Display(string name, string? englishName) =>
        englishName is not null && CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? englishName : name;

    /// <summary>Every cause, ordered as a tree (a domain, then its causes), with its path.</summary>
    public static async Task<IReadOnlyList<Choice>> ListAsync(ComptoirDbContext db, bool activeOnly, CancellationToken cancellationToken)
    {
        var rows = await db.Causes.AsNoTracking()
            .Select(c => new Row(c.Id, c.ParentId, c.Code, c.Name, c.EnglishName, c.OwningTeam, c.Active, c.PrioritySince))
            .ToListAsync(cancellationToken);
        var byId = rows.ToDictionary(r => r.Id);
        var children = rows.ToLookup(r => r.ParentId);
        var list = new List<Choice>(rows.Count);
        void Walk(int? parent, string prefix, string? domain, int depth)
        {
            foreach (var row in children[parent].OrderBy(r => Display(r.Name, r.EnglishName), StringComparer.CurrentCulture))
            {
                var name = Display(row.Name, row.EnglishName);
                var path = prefix.Length == 0 ? name : prefix + " › " + name;
                var top = domain ?? name;
                if (!activeOnly || row.Active)
                {
                    list.Add(new Choice(row.Id, row.ParentId, row.Code, path, top, row.OwningTeam ?? (row.ParentId is { } p ? TeamOf(byId, p) : null), row.Active, row.PrioritySince is not null, depth));
                }

                Walk(row.Id, path, top, depth + 1);
            }
        }

        Walk(null, "", null, 0);
        return list;
    }

    /// <summary>A cause without a team of its own is owned by its parent's.</summary>
    private static string? TeamOf(Dictionary<int, Row> byId, int id)
    {
        for (int? current = id; current is { } c && byId.TryGetValue(c, out var row); current = row.ParentId)
        {
            if (row.OwningTeam is not null)
            {
                return row.OwningTeam;
            }
        }

        return null;
    }
}
