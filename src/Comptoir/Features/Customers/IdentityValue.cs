using System.Globalization;
using System.Net.Mail;
using Comptoir.Platform.Text;

namespace Comptoir.Features.Customers;

/// <summary>
/// Normalises what a customer gave into the one spelling identities are stored and matched under, so that
/// "Marie.Dupont@Exemple.fr " and "marie.dupont@exemple.fr", or "06 12 34 56 78" and "+33612345678", meet.
/// </summary>
public static class IdentityValue
{
    public static string? Normalize(IdentityKind kind, string? raw, string callingCode = "33")
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var value = raw.Trim();
        return kind switch
        {
            IdentityKind.Email => Email(value),
            IdentityKind.Phone => PhoneNumber.TryNormalize(value, callingCode, out var e164) ? e164 : null,
            IdentityKind.LoyaltyCard => Digits(value, minimum: 8),
            IdentityKind.OrderNumber => Alphanumeric(value, minimum: 5),
            IdentityKind.SocialHandle => value.Contains(':', StringComparison.Ordinal) ? value.ToLowerInvariant() : null,
            _ => null,
        };
    }

    private static string? Email(string value)
    {
        if (!MailAddress.TryCreate(value, out var address) || address.Address.Length > 254)
        {
            return null;
        }

        var at = address.Address.LastIndexOf('@');
        var domain = new IdnMapping().GetAscii(address.Address[(at + 1)..]).ToLowerInvariant();
        return address.Address[..at].ToLowerInvariant() + "@" + domain;
    }

    private static string? Digits(string value, int minimum)
    {
        var digits = new string([.. value.Where(char.IsAsciiDigit)]);
        return digits.Length >= minimum && digits.Length <= 32 ? digits : null;
    }

    private static string? Alphanumeric(string value, int minimum)
    {
        var text = new string([.. value.Where(char.IsAsciiLetterOrDigit)]).ToUpper(CultureInfo.InvariantCulture);
        return text.Length >= minimum && text.Length <= 40 ? text : null;
    }
}
