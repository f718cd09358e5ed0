using System.ComponentModel.DataAnnotations;
using Comptoir.Features.Staff.Passwords;
using Comptoir.Features.Staff.Sessions;
using Comptoir.Platform.Data;
using Comptoir.Platform.Localization;
using Comptoir.Platform.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Comptoir.Features.Staff;

/// <summary>
/// A member changes their own password. Every session of the account ends, on every node, and this browser
/// gets a new one: a password change is what a member does when they think someone else is signed in. A wrong
/// current password counts as a failed sign-in, so that a borrowed session cannot be used to guess it.
/// </summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class ChangePasswordModel(
    SignInManager<StaffMember> signIn, ComptoirDbContext db, TimeProvider time, IStringLocalizer<Texts> t) : PageModel
{
    [BindProperty]
    public Passwords Form { get; set; } = new();

    [TempData]
    public bool Changed { get; set; }

    public sealed class Passwords
    {
        [Required(ErrorMessage = "Saisissez votre mot de passe actuel.")]
        [DataType(DataType.Password)]
        [Display(Name = "Mot de passe actuel")]
        public string Current { get; set; } = "";

        [Required(ErrorMessage = "Saisissez le nouveau mot de passe.")]
        [DataType(DataType.Password)]
        [Display(Name = "Nouveau mot de passe")]
        public string New { get; set; } = "";
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

        var member = await signIn.UserManager.GetUserAsync(User);
        if (member is null)
        {
            return Challenge();
        }

        var account = SignInThrottle.AccountKey(member.Email ?? member.UserName ?? "");
        var address = ClientAddress.Of(HttpContext);
        if (await SignInThrottle.IsThrottledAsync(db, account, address, member.Id, time, cancellationToken))
        {
            ModelState.AddModelError(string.Empty, t["Trop d'essais de connexion depuis cette adresse. Patientez 15 minutes avant de réessayer."]);
            return Page();
        }

        var result = await signIn.UserManager.ChangePasswordAsync(member, Form.Current, Form.New);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                await SignInThrottle.FailedAsync(db, account, address, time, cancellationToken);
            }

            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(Passwords.Current) : nameof(Passwords.New);
                ModelState.AddModelError($"{nameof(Form)}.{field}", PasswordErrors.Describe(error, t));
            }

            return Page();
        }

        await SignInSessions.EndAllAsync(db, member.Id, time, cancellationToken);
        await signIn.SignInAsync(member, isPersistent: false);
        Changed = true;
        return RedirectToPage();
    }
}
