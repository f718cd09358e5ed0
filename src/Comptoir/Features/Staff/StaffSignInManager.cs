using System.Security.Claims;
using Comptoir.Features.Staff.Sessions;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Comptoir.Features.Staff;

/// <summary>
/// Identity's sign-in, refusing members an administrator has deactivated, and recording each sign-in as a
/// server-side session (<see cref="SignInSession"/>) that signing out ends.
/// </summary>
public sealed class StaffSignInManager(
    UserManager<StaffMember> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<StaffMember> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<StaffMember>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<StaffMember> confirmation,
    ComptoirDbContext db,
    TimeProvider time)
    : SignInManager<StaffMember>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(StaffMember user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.DeactivatedAt is null && await base.CanSignInAsync(user);
    }

    public override async Task SignInWithClaimsAsync(StaffMember user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        ArgumentNullException.ThrowIfNull(user);

        // Signing in over a browser's open session (the shared tablet) ends that one rather than leave it open.
        if (Context.User.FindFirstValue(SignInSessions.ClaimType) is { } previous)
        {
            await SignInSessions.EndAsync(db, previous, time, Context.RequestAborted);
        }

        var key = await SignInSessions.StartAsync(db, user.Id, ClientAddress.Of(Context), time, Context.RequestAborted);
        await base.SignInWithClaimsAsync(user, authenticationProperties, [.. additionalClaims, new Claim(SignInSessions.ClaimType, key)]);
    }

    public override async Task SignOutAsync()
    {
        if (Context.User.FindFirstValue(SignInSessions.ClaimType) is { } key)
        {
            await SignInSessions.EndAsync(db, key, time, CancellationToken.None);
        }

        await base.SignOutAsync();
    }
}
