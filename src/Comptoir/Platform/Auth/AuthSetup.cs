using System.Security.Claims;
using Comptoir.Features.Staff;
using Comptoir.Features.Staff.Passwords;
using Comptoir.Features.Staff.Sessions;
using Comptoir.Platform.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Comptoir.Platform.Auth;

public static class AuthSetup
{
    public const string CookieName = "comptoir.staff";

    /// <summary>
    /// Staff sign in with ASP.NET Core Identity and a cookie. Everything requires a signed-in member unless
    /// it says otherwise (<c>AllowAnonymous</c>): a forgotten attribute fails closed.
    /// </summary>
    public static WebApplicationBuilder AddStaffSignIn(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentityCore<StaffMember>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;

                // No account lock-out: anyone could lock anyone out with five wrong passwords. The sign-in
                // form throttles the address that fails instead (SignInThrottle).
                options.Lockout.AllowedForNewUsers = false;
            })
            .AddEntityFrameworkStores<ComptoirDbContext>()
            .AddSignInManager<StaffSignInManager>()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator>();

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/connexion";
            options.LogoutPath = "/deconnexion";
            options.AccessDeniedPath = "/acces-refuse";
            options.ExpireTimeSpan = SignInSessions.Lifetime;
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = ValidateSessionAsync;
            options.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden);
        });

        // Signing out, a password change and deactivation end sessions at once (SignInSessions). The security
        // stamp check stays for what the session record does not carry: role and scope claims are read again
        // from the account within a minute. The refreshed cookie keeps its session key.
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.FromMinutes(1);
            options.OnRefreshingPrincipal = context =>
            {
                if (context.CurrentPrincipal?.FindFirst(SignInSessions.ClaimType) is { } session && context.NewPrincipal?.Identity is ClaimsIdentity identity)
                {
                    identity.AddClaim(new Claim(SignInSessions.ClaimType, session.Value));
                }

                return Task.CompletedTask;
            };
        });
        services.AddSingleton<PurgeSignInRecords>();
        services.AddHostedService(sp => sp.GetRequiredService<PurgeSignInRecords>());

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        return builder;
    }

    /// <summary>The session record first (ended or expired refuses at once), then Identity's security stamp check.</summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        await SignInSessions.ValidateAsync(context);
        if (context.Principal is not null)
        {
            await SecurityStampValidator.ValidatePrincipalAsync(context);
        }
    }

    /// <summary>The HTTP API answers 401/403; pages redirect to the sign-in form.</summary>
    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
