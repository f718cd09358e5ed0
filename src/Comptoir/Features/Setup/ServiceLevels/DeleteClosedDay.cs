using Comptoir.Features.Routing;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Setup.ServiceLevels;

/// <summary>An administrator reopens a closed day; deadlines already set stay as they were.</summary>
public static class DeleteClosedDay
{
    public static async Task<Results<NoContent, NotFound>> HandleAsync(int id, ComptoirDbContext db, RoutingCatalog catalog, CancellationToken cancellationToken) =>
        await ExecuteAsync(db, catalog, id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    public static async Task<bool> ExecuteAsync(ComptoirDbContext db, RoutingCatalog catalog, int id, CancellationToken cancellationToken)
    {
        var deleted = await db.ClosedDays.Where(d => d.Id == id).ExecuteDeleteAsync(cancellationToken);
        catalog.Invalidate();
        return deleted > 0;
    }
}
