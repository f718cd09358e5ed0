using System.Security.Claims;
using Comptoir.Features.Staff;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Stores;

/// <summary>A store's internal card: who runs it and its departments. Outside the reader's scope it does not exist.</summary>
public static class GetStore
{
    public sealed record Response(
        int Id,
        string Code,
        string Name,
        string Slug,
        string FormatCode,
        string Format,
        string CountryCode,
        string Country,
        string AddressLine,
        string PostalCode,
        string City,
        string TimeZoneId,
        string SwitchboardPhone,
        StaffCard? Director,
        IReadOnlyList<DepartmentRow> Departments);

    public sealed record StaffCard(int Id, string DisplayName, string? Email, string? Mobile);

    public sealed record DepartmentRow(string Code, string Name, IReadOnlyList<StaffCard> Managers);

    public static async Task<Results<Ok<Response>, NotFound>> HandleAsync(
        int id, ClaimsPrincipal user, ComptoirDbContext db, CancellationToken cancellationToken) =>
        await QueryAsync(db, StaffScope.Of(user), id, cancellationToken) is { } store
            ? TypedResults.Ok(store)
            : TypedResults.NotFound();

    public static async Task<Response?> QueryAsync(ComptoirDbContext db, StaffScope scope, int id, CancellationToken cancellationToken)
    {
        var store = await db.Stores.AsNoTracking()
            .VisibleTo(scope)
            .Where(s => s.Id == id)
            .Select(s => new
            {
                s.Id,
                s.Code,
                s.Name,
                s.Slug,
                FormatCode = s.Format!.Code,
                Format = s.Format.Name,
                CountryCode = s.Country!.Code,
                Country = s.Country.Name,
                s.AddressLine,
                s.PostalCode,
                s.City,
                s.TimeZoneId,
                s.SwitchboardPhone,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (store is null)
        {
            return null;
        }

        var staff = await db.Staff.AsNoTracking()
            .Where(m => m.StoreId == id)
            .Select(m => new { m.Id, m.DisplayName, m.Email, m.PhoneNumber, m.Role, m.DepartmentId })
            .ToListAsync(cancellationToken);
        var departments = await db.Stores.AsNoTracking()
            .Where(s => s.Id == id)
            .SelectMany(s => s.Departments)
            .OrderBy(d => d.Department!.SortOrder)
            .Select(d => new { d.DepartmentId, d.Department!.Code, d.Department.Name })
            .ToListAsync(cancellationToken);

        var director = staff.FirstOrDefault(m => m.Role == StaffRole.StoreDirector);
        return new Response(
            store.Id,
            store.Code,
            store.Name,
            store.Slug,
            store.FormatCode,
            store.Format.Current,
            store.CountryCode,
            store.Country.Current,
            store.AddressLine,
            store.PostalCode,
            store.City,
            store.TimeZoneId,
            store.SwitchboardPhone,
            director is null ? null : new StaffCard(director.Id, director.DisplayName, director.Email, director.PhoneNumber),
            [
                .. departments.Select(d => new DepartmentRow(
                    d.Code,
                    d.Name.Current,
                    [
                        .. staff.Where(m => m.Role == StaffRole.DepartmentManager && m.DepartmentId == d.DepartmentId)
                            .Select(m => new StaffCard(m.Id, m.DisplayName, m.Email, m.PhoneNumber)),
                    ])),
            ]);
    }
}
