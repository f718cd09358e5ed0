using System.Security.Claims;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Staff;

/// <summary>A staff member's profile. Outside the reader's scope it does not exist.</summary>
public static class GetStaffMember
{
    public sealed record Response(
        int Id,
        string DisplayName,
        string? Email,
        string? Mobile,
        StaffRole Role,
        Place? Site,
        Place? Store,
        string? Department,
        string? CountryCode,
        bool Active);

    public sealed record Place(int Id, string Name);

    public static async Task<Results<Ok<Response>, NotFound>> HandleAsync(
        int id, ClaimsPrincipal user, ComptoirDbContext db, CancellationToken cancellationToken) =>
        await QueryAsync(db, StaffScope.Of(user), id, cancellationToken) is { } member
            ? TypedResults.Ok(member)
            : TypedResults.NotFound();

    public static async Task<Response?> QueryAsync(ComptoirDbContext db, StaffScope scope, int id, CancellationToken cancellationToken)
    {
        var member = await db.Staff.AsNoTracking()
            .VisibleTo(scope)
            .Where(m => m.Id == id)
            .Select(m => new
            {
                m.Id,
                m.DisplayName,
                m.Email,
                m.PhoneNumber,
                m.Role,
                Site = m.Site == null ? null : new Place(m.Site.Id, m.Site.Name),
                Store = m.Store == null ? null : new Place(m.Store.Id, m.Store.Name),
                Department = m.Department == null ? null : m.Department.Name,
                CountryCode = m.Country == null ? null : m.Country.Code,
                m.DeactivatedAt,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (member is null)
        {
            return null;
        }

        return new Response(
            member.Id,
            member.DisplayName,
            member.Email,
            member.PhoneNumber,
            member.Role,
            member.Site,
            member.Store,
            member.Department?.Current,
            member.CountryCode,
            member.DeactivatedAt is null);
    }
}
