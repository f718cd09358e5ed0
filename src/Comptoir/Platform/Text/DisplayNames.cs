using System.Globalization;
using System.Text;

namespace Comptoir.Platform.Text;

/// <summary>
/// A person's or a mailbox's name as Comptoir stores and shows it. Names come from customers (an e-mail's
/// sender, a form, a webhook) and from staff, and are shown beside others in lists, page titles and e-mail
/// headers. Invisible characters there serve only to deceive: a right-to-left override (U+202E) before
/// "gpj.exe" shows it as "exe.jpg", other bidirectional controls reorder the text around the name, and
/// zero-width or control characters make two names that look alike differ. They are removed: controls
/// (line breaks and tabs become spaces) and format characters, the bidirectional controls among them
/// (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), except the zero-width joiner and non-joiner that
/// Persian, Indic scripts and emoji need to be spelled right.
/// </summary>
public static class DisplayNames
{
    /// <summary>The name without invisible characters, its spaces collapsed and trimmed; null when nothing visible is left.</summary>
    public static string? Clean(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        var clean = new StringBuilder(name.Length);
        var space = false;
        foreach (var rune in name.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (Rune.IsWhiteSpace(rune) || category is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                space = clean.Length > 0;
                continue;
            }

            if (category is UnicodeCategory.Control or UnicodeCategory.Format && rune.Value is not (ZeroWidthNonJoiner or ZeroWidthJoiner))
            {
                continue;
            }

            if (space)
            {
                clean.Append(' ');
                space = false;
            }

            clean.Append(rune.ToString());
        }

        // A joiner joins nothing at either end of the name.
        var result = clean.ToString().Trim(Joiners);
        return result.Length == 0 ? null : result;
    }

    private const int ZeroWidthNonJoiner = 0x200C;
    private const int ZeroWidthJoiner = 0x200D;
    private static readonly char[] Joiners = [(char)ZeroWidthNonJoiner, (char)ZeroWidthJoiner];
}
