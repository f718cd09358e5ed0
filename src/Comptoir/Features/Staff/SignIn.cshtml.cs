using System.ComponentModel.DataAnnotations;
using Comptoir.Features.Staff.Sessions;
using Comptoir.Platform.Data;
using Comptoir.Platform.Localization;
using Comptoir.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Comptoir.Features.Staff;

/// <summary>
/// The sign-in form. Whether the account exists or not, a refusal reads the same and costs the same password
/// hashing, and repeated failures throttle the address they come from, never the account (<see cref="SignInThrottle"/>).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInModel(
    SignInManager<StaffMember> signIn, ComptoirDbContext db, TimeProvider time, IStringLocalizer<Texts> t) : PageModel
{
    private static string? _placeholderHash;

    [BindProperty]
    public Credentials Form { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class Credentials
    {
        [Required(ErrorMessage = "Saisissez votre adresse e-mail.")]
        [EmailAddress(ErrorMessage = "Cette adresse e-mail n'est pas valide.")]
        [Display(Name = "Adresse e-mail")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Saisissez votre mot de passe.")]
        [DataType(DataType.Password)]
        [Display(Name = "Mot de passe")]
        public string Password { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Form.Email.Trim();
        var account = SignInThrottle.AccountKey(email);
        var address = ClientAddress.Of(HttpContext);
        var member = await signIn.UserManager.FindByNameAsync(email);
        if (await SignInThrottle.IsThrottledAsync(db, account, address, member?.Id, time, cancellationToken))
        {
            ModelState.AddModelError(string.Empty, t["Trop d'essais de connexion depuis cette adresse. Patientez 15 minutes avant de réessayer."]);
            return Page();
        }

        var result = member is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(member, Form.Password, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            await SignInThrottle.SucceededAsync(db, account, address, cancellationToken);
            return LocalRedirect(SafeRedirect.LocalOr(ReturnUrl, "/app"));
        }

        // Identity answers an unknown or deactivated account without hashing: hash anyway, so that the time
        // taken does not tell which accounts exist.
        if (member is null || result.IsNotAllowed || result.IsLockedOut)
        {
            HashPlaceholder(signIn.UserManager.PasswordHasher, Form.Password);
        }

        await SignInThrottle.FailedAsync(db, account, address, time, cancellationToken);
        ModelState.AddModelError(string.Empty, t["Adresse e-mail ou mot de passe incorrect."]);
        return Page();
    }

    private static void HashPlaceholder(IPasswordHasher<StaffMember> hasher, string password)
    {
        var placeholder = new StaffMember { DisplayName = "" };
        _placeholderHash ??= hasher.HashPassword(placeholder, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
        hasher.VerifyHashedPassword(placeholder, _placeholderHash, password);
    }
}
