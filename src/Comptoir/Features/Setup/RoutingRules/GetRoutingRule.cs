using Comptoir.Features.Conversations;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Setup.RoutingRules;

/// <summary>A routing rule as administrators edit it.</summary>
public static class GetRoutingRule
{
    public sealed record Response(
        int Id,
        int Order,
        string Name,
        Channel? Channel,
        int? ActivityId,
        string? Language,
        int? CountryId,
        int? StoreId,
        int QueueId,
        bool Enabled);

    public static async Task<Results<Ok<Response>, NotFound>> HandleAsync(int id, ComptoirDbContext db, CancellationToken cancellationToken) =>
        await QueryAsync(db, id, cancellationToken) is { } rule ? TypedResults.Ok(rule) : TypedResults.NotFound();

    public static Task<Response?> QueryAsync(ComptoirDbContext db, int id, CancellationToken cancellationToken) =>
        db.RoutingRules.AsNoTracking()
            .Where(r => r.Id == id)
            .Select(r => new Response(r.Id, r.Order, r.Name, r.Channel, r.ActivityId, r.Language, r.CountryId, r.StoreId, r.QueueId, r.Enabled))
            .SingleOrDefaultAsync(cancellationToken);
}
