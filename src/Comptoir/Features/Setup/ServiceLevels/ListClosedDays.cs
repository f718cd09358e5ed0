using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Setup.ServiceLevels;

/// <summary>The days service-level clocks stop in a year: public holidays per country, closures per site and store.</summary>
public static class ListClosedDays
{
    public sealed record Day(int Id, DateOnly Date, string Name, string? CountryCode, int? SiteId, int? StoreId, string Place);

    public static async Task<Ok<List<Day>>> HandleAsync(int year, ComptoirDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await QueryAsync(db, year, cancellationToken));

    public static async Task<List<Day>> QueryAsync(ComptoirDbContext db, int year, CancellationToken cancellationToken)
    {
        var from = new DateOnly(Math.Clamp(year, 2000, 2200), 1, 1);
        var to = from.AddYears(1);
        return await db.ClosedDays.AsNoTracking()
            .Where(d => d.Date >= from && d.Date < to)
            .OrderBy(d => d.Date).ThenBy(d => d.CountryCode).ThenBy(d => d.SiteId).ThenBy(d => d.StoreId)
            .Select(d => new Day(
                d.Id, d.Date, d.Name, d.CountryCode, d.SiteId, d.StoreId,
                d.CountryCode ?? db.ServiceSites.Where(s => s.Id == d.SiteId).Select(s => s.Name).FirstOrDefault()
                ?? db.Stores.Where(s => s.Id == d.StoreId).Select(s => s.Code + " · " + s.Name).FirstOrDefault() ?? ""))
            .ToListAsync(cancellationToken);
    }
}
