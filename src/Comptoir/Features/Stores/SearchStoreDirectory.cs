using Comptoir.Features.Staff;
using Comptoir.Platform.Data;
using Comptoir.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Stores;

/// <summary>
/// The public store directory: every store with its director's name and mobile, as posted at the store's
/// entrance ("if you have a problem, contact me"). Nothing here is private.
/// </summary>
public static class SearchStoreDirectory
{
    public sealed record Entry(string Slug, string Code, string Name, string AddressLine, string PostalCode, string City, string CountryCode, string SwitchboardPhone, PublicDirector? Director);

    public sealed record PublicDirector(string DisplayName, string? Mobile);

    public static async Task<Page<Entry>> HandleAsync(ComptoirDbContext db, string? q, string? country, int? page, int? size, CancellationToken cancellationToken)
    {
        var (number, pageSize) = Paging.Clamp(page, size);
        var stores = db.Stores.AsNoTracking();
        var key = SearchKey.Normalize(q);
        if (key.Length > 0)
        {
            stores = stores.Where(s => s.SearchKey.Contains(key));
        }

        if (!string.IsNullOrWhiteSpace(country))
        {
            var code = country.Trim().ToUpperInvariant();
            stores = stores.Where(s => s.Country!.Code == code);
        }

        var total = await stores.CountAsync(cancellationToken);
        var entries = await Project(db, stores.OrderBy(s => s.City).ThenBy(s => s.Name).Skip((number - 1) * pageSize).Take(pageSize))
            .ToListAsync(cancellationToken);
        return new Page<Entry>(entries, total, number, pageSize);
    }

    public static async Task<Results<Ok<Entry>, NotFound>> GetAsync(string slug, ComptoirDbContext db, CancellationToken cancellationToken) =>
        await FindAsync(db, slug, cancellationToken) is { } entry ? TypedResults.Ok(entry) : TypedResults.NotFound();

    public static Task<Entry?> FindAsync(ComptoirDbContext db, string slug, CancellationToken cancellationToken) =>
        Project(db, db.Stores.AsNoTracking().Where(s => s.Slug == slug)).SingleOrDefaultAsync(cancellationToken);

    private static IQueryable<Entry> Project(ComptoirDbContext db, IQueryable<Store> stores) =>
        stores.Select(s => new Entry(
            s.Slug,
            s.Code,
            s.Name,
            s.AddressLine,
            s.PostalCode,
            s.City,
            s.Country!.Code,
            s.SwitchboardPhone,
            db.Staff.Where(m => m.StoreId == s.Id && m.Role == StaffRole.StoreDirector)
                .Select(m => new PublicDirector(m.DisplayName, m.PhoneNumber))
                .FirstOrDefault()));
}
