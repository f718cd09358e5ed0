using System.Security.Claims;
using Comptoir.Platform.Auth;

namespace Comptoir.Features.Staff;

/// <summary>Who the caller is and the scope the server applies to every request they make.</summary>
public static class GetMe
{
    public sealed record Response(int Id, string DisplayName, StaffRole Role, int? SiteId, int? StoreId, int? DepartmentId, int? CountryId);

    public static Response Handle(ClaimsPrincipal user)
    {
        var scope = StaffScope.Of(user);
        return new Response(
            scope.StaffId,
            user.FindFirstValue(StaffClaimsFactory.DisplayNameClaim) ?? "",
            scope.Role,
            scope.SiteId,
            scope.StoreId,
            scope.DepartmentId,
            scope.CountryId);
    }
}
