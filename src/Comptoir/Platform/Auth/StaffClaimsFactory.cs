using System.Security.Claims;
using Comptoir.Features.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Comptoir.Platform.Auth;

/// <summary>Puts the member's role, name and scope in the sign-in cookie.</summary>
internal sealed class StaffClaimsFactory(UserManager<StaffMember> userManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffMember>(userManager, options)
{
    public const string DisplayNameClaim = "comptoir:name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffMember user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(Options.ClaimsIdentity.RoleClaimType, user.Role.ToString()));
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        identity.AddClaims(new StaffScope(user.Id, user.Role, user.SiteId, user.StoreId, user.DepartmentId, user.CountryId).ToClaims());
        return identity;
    }
}
