using Comptoir.Features.Routing;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Setup.ServiceLevels;

/// <summary>
/// An administrator removes a policy; the next contacts it covered fall to the next most specific one (or to
/// no clock at all, which the coverage table shows). Deadlines already set stay as they were.
/// </summary>
public static class DeleteServiceLevel
{
    public static async Task<Results<NoContent, NotFound>> HandleAsync(int id, ComptoirDbContext db, RoutingCatalog catalog, CancellationToken cancellationToken) =>
        await ExecuteAsync(db, catalog, id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    public static async Task<bool> ExecuteAsync(ComptoirDbContext db, RoutingCatalog catalog, int id, CancellationToken cancellationToken)
    {
        var deleted = await db.ServiceLevelPolicies.Where(p => p.Id == id).ExecuteDeleteAsync(cancellationToken);
        catalog.Invalidate();
        return deleted > 0;
    }
}
