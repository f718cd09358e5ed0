using System.Security.Claims;
using Comptoir.Features.Staff;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Comptoir.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Stores;

/// <summary>The stores a member may manage, searchable by name, city, postal code or number.</summary>
public static class ListStores
{
    public sealed record Row(int Id, string Code, string Name, string City, string PostalCode, string CountryCode, string Format, string? Director);

    public static async Task<Page<Row>> HandleAsync(
        ClaimsPrincipal user, ComptoirDbContext db, string? q, string? country, int? page, int? size, CancellationToken cancellationToken) =>
        await QueryAsync(db, StaffScope.Of(user), q, country, page, size, cancellationToken);

    public static async Task<Page<Row>> QueryAsync(
        ComptoirDbContext db, StaffScope scope, string? q, string? country, int? page, int? size, CancellationToken cancellationToken)
    {
        var (number, pageSize) = Paging.Clamp(page, size);
        var stores = db.Stores.AsNoTracking().VisibleTo(scope);
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
        var rows = await stores
            .OrderBy(s => s.Country!.Code).ThenBy(s => s.City).ThenBy(s => s.Name)
            .Skip((number - 1) * pageSize)
            .Take(pageSize)
            .Select(s => new
            {
                s.Id,
                s.Code,
                s.Name,
                s.City,
                s.PostalCode,
                CountryCode = s.Country!.Code,
                Format = s.Format!.Name,
                Director = db.Staff.Where(m => m.StoreId == s.Id && m.Role == StaffRole.StoreDirector).Select(m => m.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        return new Page<Row>(
            [.. rows.Select(r => new Row(r.Id, r.Code, r.Name, r.City, r.PostalCode, r.CountryCode, r.Format.Current, r.Director))],
            total,
            number,
            pageSize);
    }
}
