using Comptoir.Features.Conversations;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Setup.ServiceLevels;

/// <summary>A service-level policy as administrators edit it.</summary>
public static class GetServiceLevel
{
    public sealed record Response(int Id, string Name, Channel? Channel, int? ActivityId, int FirstResponseMinutes, int ResolutionMinutes, int WarningMinutes);

    public static async Task<Results<Ok<Response>, NotFound>> HandleAsync(int id, ComptoirDbContext db, CancellationToken cancellationToken) =>
        await QueryAsync(db, id, cancellationToken) is { } policy ? TypedResults.Ok(policy) : TypedResults.NotFound();

    public static Task<Response?> QueryAsync(ComptoirDbContext db, int id, CancellationToken cancellationToken) =>
        db.ServiceLevelPolicies.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new Response(p.Id, p.Name, p.Channel, p.ActivityId, p.FirstResponseMinutes, p.ResolutionMinutes, p.WarningMinutes))
            .SingleOrDefaultAsync(cancellationToken);
}
