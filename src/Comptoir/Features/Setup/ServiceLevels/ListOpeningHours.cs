using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Setup.ServiceLevels;

/// <summary>The hours service-level clocks run in: every service site's, and the stores' matching a search.</summary>
public static class ListOpeningHours
{
    public const int MaxStores = 50;

    public sealed record Place(int Id, string Code, string Name, string TimeZoneId, string Hours);

    public static async Task<Ok<List<Place>>> SitesAsync(ComptoirDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await QuerySitesAsync(db, cancellationToken));

    public static async Task<Ok<List<Place>>> StoresAsync(string? q, ComptoirDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await QueryStoresAsync(db, q, cancellationToken));

    public static Task<List<Place>> QuerySitesAsync(ComptoirDbContext db, CancellationToken cancellationToken) =>
        db.ServiceSites.AsNoTracking()
            .OrderBy(s => s.PartnerName != null).ThenBy(s => s.Name)
            .Select(s => new Place(s.Id, s.Code, s.Name, s.TimeZoneId, s.ServiceHours))
            .ToListAsync(cancellationToken);

    /// <summary>Stores whose code, name, city or postal code matches, at most <see cref="MaxStores"/>.</summary>
    public static Task<List<Place>> QueryStoresAsync(ComptoirDbContext db, string? q, CancellationToken cancellationToken)
    {
        var stores = db.Stores.AsNoTracking();
        var key = SearchKey.Normalize(q);
        if (key.Length > 0)
        {
            stores = stores.Where(s => s.SearchKey.Contains(key));
        }

        return stores.OrderBy(s => s.Code).Take(MaxStores)
            .Select(s => new Place(s.Id, s.Code, s.Name, s.TimeZoneId, s.OpeningHours))
            .ToListAsync(cancellationToken);
    }
}
