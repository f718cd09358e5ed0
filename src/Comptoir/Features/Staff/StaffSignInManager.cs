using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Comptoir.Features.Staff;

/// <summary>Identity's sign-in, refusing members an administrator has deactivated.</summary>
public sealed class StaffSignInManager(
    UserManager<StaffMember> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<StaffMember> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<StaffMember>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<StaffMember> confirmation)
    : SignInManager<StaffMember>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(StaffMember user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.DeactivatedAt is null && await base.CanSignInAsync(user);
    }
}
