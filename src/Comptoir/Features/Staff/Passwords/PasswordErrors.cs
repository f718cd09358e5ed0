using Comptoir.Platform.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Comptoir.Features.Staff.Passwords;

/// <summary>What Identity finds wrong with a new password, in the member's language.</summary>
public static class PasswordErrors
{
    public static string Describe(IdentityError error, IStringLocalizer<Texts> t)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(t);
        return error.Code switch
        {
            nameof(IdentityErrorDescriber.PasswordTooShort) => t["Le mot de passe doit compter au moins 12 caractères."],
            nameof(IdentityErrorDescriber.PasswordRequiresDigit) => t["Le mot de passe doit contenir au moins un chiffre."],
            nameof(IdentityErrorDescriber.PasswordRequiresLower) => t["Le mot de passe doit contenir au moins une minuscule."],
            nameof(IdentityErrorDescriber.PasswordRequiresUpper) => t["Le mot de passe doit contenir au moins une majuscule."],
            nameof(IdentityErrorDescriber.PasswordMismatch) => t["Le mot de passe actuel est incorrect."],
            CommonPasswordValidator.ErrorCode => t["Ce mot de passe fait partie des plus courants : choisissez-en un moins prévisible, par exemple une phrase de plusieurs mots."],
            _ => error.Description,
        };
    }
}
