using Comptoir.Features.Routing;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Setup.RoutingRules;

/// <summary>
/// Moves a rule one place earlier (tried before the rule above it) or later. The rules are renumbered 10, 20,
/// 30… each time, so that the stored order stays readable and free of ties.
/// </summary>
public static class MoveRoutingRule
{
    public const int Step = 10;

    public static Task<Results<NoContent, NotFound>> UpAsync(int id, ComptoirDbContext db, RoutingCatalog catalog, CancellationToken cancellationToken) =>
        HandleAsync(db, catalog, id, -1, cancellationToken);

    public static Task<Results<NoContent, NotFound>> DownAsync(int id, ComptoirDbContext db, RoutingCatalog catalog, CancellationToken cancellationToken) =>
        HandleAsync(db, catalog, id, +1, cancellationToken);

    private static async Task<Results<NoContent, NotFound>> HandleAsync(ComptoirDbContext db, RoutingCatalog catalog, int id, int by, CancellationToken cancellationToken) =>
        await ExecuteAsync(db, catalog, id, by, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>Moves the rule <paramref name="by"/> places (-1 earlier, +1 later); false when there is no such rule.</summary>
    public static async Task<bool> ExecuteAsync(ComptoirDbContext db, RoutingCatalog catalog, int id, int by, CancellationToken cancellationToken)
    {
        var rules = await db.RoutingRules.OrderBy(r => r.Order).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var from = rules.FindIndex(r => r.Id == id);
        if (from < 0)
        {
            return false;
        }

        var to = Math.Clamp(from + by, 0, rules.Count - 1);
        var moved = rules[from];
        rules.RemoveAt(from);
        rules.Insert(to, moved);
        for (var i = 0; i < rules.Count; i++)
        {
            rules[i].Order = (i + 1) * Step;
        }

        await db.SaveChangesAsync(cancellationToken);
        catalog.Invalidate();
        return true;
    }
}
