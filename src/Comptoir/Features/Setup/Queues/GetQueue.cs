using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Setup.Queues;

/// <summary>A queue's settings as administrators edit them.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "A queue of waiting contacts is the business's own word.")]
public static class GetQueue
{
    public sealed record Response(
        int Id,
        string Code,
        string Name,
        int ActivityId,
        string? Language,
        int OverflowAbove,
        int OverflowBelow,
        bool Overflowing,
        IReadOnlyList<int> HomeSiteIds);

    public static async Task<Results<Ok<Response>, NotFound>> HandleAsync(int id, ComptoirDbContext db, CancellationToken cancellationToken) =>
        await QueryAsync(db, id, cancellationToken) is { } queue ? TypedResults.Ok(queue) : TypedResults.NotFound();

    public static Task<Response?> QueryAsync(ComptoirDbContext db, int id, CancellationToken cancellationToken) =>
        db.Queues.AsNoTracking()
            .Where(q => q.Id == id)
            .Select(q => new Response(
                q.Id, q.Code, q.Name, q.ActivityId, q.Language, q.OverflowAbove, q.OverflowBelow, q.Overflowing,
                q.HomeSites.OrderBy(h => h.SiteId).Select(h => h.SiteId).ToList()))
            .SingleOrDefaultAsync(cancellationToken);
}
