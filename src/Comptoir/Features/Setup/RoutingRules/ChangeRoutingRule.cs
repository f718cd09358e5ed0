using Comptoir.Features.Routing;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Setup.RoutingRules;

/// <summary>
/// An administrator switches a rule off (kept, to switch on again after a campaign or an incident), on, or
/// deletes it. Contacts already routed stay in their queue; the next ones are routed without the rule.
/// </summary>
public static class ChangeRoutingRule
{
    public static Task<Results<NoContent, NotFound>> EnableAsync(int id, ComptoirDbContext db, RoutingCatalog catalog, CancellationToken cancellationToken) =>
        ResultOf(SetEnabledAsync(db, catalog, id, enabled: true, cancellationToken));

    public static Task<Results<NoContent, NotFound>> DisableAsync(int id, ComptoirDbContext db, RoutingCatalog catalog, CancellationToken cancellationToken) =>
        ResultOf(SetEnabledAsync(db, catalog, id, enabled: false, cancellationToken));

    public static Task<Results<NoContent, NotFound>> DeleteAsync(int id, ComptoirDbContext db, RoutingCatalog catalog, CancellationToken cancellationToken) =>
        ResultOf(RemoveAsync(db, catalog, id, cancellationToken));

    public static async Task<bool> SetEnabledAsync(ComptoirDbContext db, RoutingCatalog catalog, int id, bool enabled, CancellationToken cancellationToken)
    {
        var changed = await db.RoutingRules.Where(r => r.Id == id).ExecuteUpdateAsync(set => set.SetProperty(r => r.Enabled, enabled), cancellationToken);
        catalog.Invalidate();
        return changed > 0;
    }

    public static async Task<bool> RemoveAsync(ComptoirDbContext db, RoutingCatalog catalog, int id, CancellationToken cancellationToken)
    {
        var deleted = await db.RoutingRules.Where(r => r.Id == id).ExecuteDeleteAsync(cancellationToken);
        catalog.Invalidate();
        return deleted > 0;
    }

    private static async Task<Results<NoContent, NotFound>> ResultOf(Task<bool> change) =>
        await change ? TypedResults.NoContent() : TypedResults.NotFound();
}
