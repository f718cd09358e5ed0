using System.Globalization;
using System.Security.Claims;
using Comptoir.Features.Staff;

namespace Comptoir.Platform.Auth;

/// <summary>
/// Who is asking and how far they may see, read from the sign-in cookie. Every query over scoped records
/// filters with it on the server; a record outside the scope is reported as not found.
/// </summary>
public sealed record StaffScope(int StaffId, StaffRole Role, int? SiteId, int? StoreId, int? DepartmentId, int? CountryId)
{
    public const string SiteClaim = "comptoir:site";
    public const string StoreClaim = "comptoir:store";
    public const string DepartmentClaim = "comptoir:department";
    public const string CountryClaim = "comptoir:country";

    public bool IsAdministrator => Role == StaffRole.Administrator;

    /// <summary>The scope of a signed-in member; endpoints that call this require authentication.</summary>
    public static StaffScope Of(ClaimsPrincipal principal) =>
        From(principal) ?? throw new InvalidOperationException("The request is not from a signed-in staff member.");

    public static StaffScope? From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var role = principal.FindFirstValue(ClaimTypes.Role);
        if (!int.TryParse(id, CultureInfo.InvariantCulture, out var staffId)
            || !Enum.TryParse<StaffRole>(role, out var staffRole))
        {
            return null;
        }

        return new StaffScope(
            staffId,
            staffRole,
            Read(principal, SiteClaim),
            Read(principal, StoreClaim),
            Read(principal, DepartmentClaim),
            Read(principal, CountryClaim));
    }

    public IEnumerable<Claim> ToClaims()
    {
        if (SiteId is { } site)
        {
            yield return new Claim(SiteClaim, site.ToString(CultureInfo.InvariantCulture));
        }

        if (StoreId is { } store)
        {
            yield return new Claim(StoreClaim, store.ToString(CultureInfo.InvariantCulture));
        }

        if (DepartmentId is { } department)
        {
            yield return new Claim(DepartmentClaim, department.ToString(CultureInfo.InvariantCulture));
        }

        if (CountryId is { } country)
        {
            yield return new Claim(CountryClaim, country.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static int? Read(ClaimsPrincipal principal, string type) =>
        int.TryParse(principal.FindFirstValue(type), CultureInfo.InvariantCulture, out var value) ? value : null;
}
