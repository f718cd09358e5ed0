using System.Security.Claims;
using Comptoir.Platform.Auth;
using Comptoir.Platform.Data;
using Comptoir.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Staff;

/// <summary>Staff the member may see, filtered by role and by name or e-mail.</summary>
public static class ListStaff
{
    public sealed record Row(int Id, string DisplayName, string? Email, StaffRole Role, string? Site, string? Store, bool Active);

    public static Task<Page<Row>> HandleAsync(
        ClaimsPrincipal user, ComptoirDbContext db, string? q, StaffRole? role, int? page, int? size, CancellationToken cancellationToken) =>
        QueryAsync(db, StaffScope.Of(user), q, role, page, size, cancellationToken);

    public static async Task<Page<Row>> QueryAsync(
        ComptoirDbContext db, StaffScope scope, string? q, StaffRole? role, int? page, int? size, CancellationToken cancellationToken)
    {
        var (number, pageSize) = Paging.Clamp(page, size);
        var staff = db.Staff.AsNoTracking().VisibleTo(scope);
        if (role is { } wanted)
        {
            staff = staff.Where(m => m.Role == wanted);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var key = SearchKey.Normalize(q);
            staff = staff.Where(m => m.SearchKey.Contains(key));
        }

        var total = await staff.CountAsync(cancellationToken);
        var rows = await staff
            .OrderBy(m => m.DisplayName).ThenBy(m => m.Id)
            .Skip((number - 1) * pageSize)
            .Take(pageSize)
            .Select(m => new Row(
                m.Id,
                m.DisplayName,
                m.Email,
                m.Role,
                m.Site == null ? null : m.Site.Name,
                m.Store == null ? null : m.Store.Name,
                m.DeactivatedAt == null))
            .ToListAsync(cancellationToken);
        return new Page<Row>(rows, total, number, pageSize);
    }
}
