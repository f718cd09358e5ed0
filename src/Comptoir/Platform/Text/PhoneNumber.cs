using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Comptoir.Platform.Text;

/// <summary>
/// Phone numbers in E.164 (<c>+33639981234</c>), the one form in which two spellings of the same number
/// compare equal. National numbers ("06 39 98 12 34") are read with the calling code of the country given.
/// </summary>
public static class PhoneNumber
{
    public static bool TryNormalize(string? raw, string defaultCallingCode, [NotNullWhen(true)] out string? e164)
    {
        e164 = null;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return false;
        }

        var digits = new StringBuilder();
        var international = false;
        foreach (var c in raw.Trim())
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c == '+' && digits.Length == 0 && !international)
            {
                international = true;
            }
            else if (c is not (' ' or '.' or '-' or '(' or ')' or '/'))
            {
                return false;
            }
        }

        var number = digits.ToString();
        if (!international && number.StartsWith("00", StringComparison.Ordinal))
        {
            international = true;
            number = number[2..];
        }
        else if (!international)
        {
            // A national number: drop the trunk prefix and add the country's calling code.
            number = defaultCallingCode + (number.StartsWith('0') ? number[1..] : number);
        }

        // "+33 (0)6 ..." is a common way of writing French numbers; the (0) is not dialled.
        if (number.StartsWith("330", StringComparison.Ordinal) && number.Length == 12)
        {
            number = "33" + number[3..];
        }

        if (number.Length is < 8 or > 15 || number[0] == '0')
        {
            return false;
        }

        e164 = "+" + number;
        return true;
    }
}
