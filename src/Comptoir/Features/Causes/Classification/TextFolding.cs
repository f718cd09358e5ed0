using System.Globalization;
using System.Text;

namespace Comptoir.Features.Causes.Classification;

/// <summary>
/// Character folding for matching: compatibility normalisation (NFKC), lower case, accents removed
/// ("problème" and "PROBLEME" both become "probleme"), a few ligatures and special letters spelled out.
/// </summary>
internal static class TextFolding
{
    // Latin-1, Latin Extended-A/B and Greek/Cyrillic blocks: precomputed so that folding allocates nothing.
    private const int TableSize = 0x0530;
    private static readonly string[] Table = BuildTable();

    /// <summary>The text in normalisation form KC, allocating only when the text is not already in it.</summary>
    public static string Normalise(string text)
    {
        foreach (var c in text)
        {
            if (c >= 0x80)
            {
                return text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
            }
        }

        return text;
    }

    /// <summary>
    /// Writes the folded form of <paramref name="c"/> to <paramref name="output"/> and returns how many
    /// characters it wrote (0 for a combining accent, 2 for "œ" → "oe").
    /// </summary>
    public static int Fold(char c, Span<char> output)
    {
        if (c < 0x80)
        {
            output[0] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
            return 1;
        }

        if (c < TableSize)
        {
            var folded = Table[c];
            folded.AsSpan().CopyTo(output);
            return folded.Length;
        }

        if (char.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
        {
            return 0;
        }

        var lower = char.ToLowerInvariant(c);
        if (lower < TableSize)
        {
            return Fold(lower, output);
        }

        output[0] = lower;
        return 1;
    }

    private static string[] BuildTable()
    {
        var table = new string[TableSize];
        for (var i = 0; i < TableSize; i++)
        {
            var c = (char)i;
            table[i] = c switch
            {
                'ß' or 'ẞ' => "ss",
                'æ' or 'Æ' => "ae",
                'œ' or 'Œ' => "oe",
                'ø' or 'Ø' => "o",
                'đ' or 'Đ' => "d",
                'ł' or 'Ł' => "l",
                'ı' => "i",
                'þ' or 'Þ' => "th",
                _ => FoldByDecomposition(c),
            };
        }

        return table;
    }

    private static string FoldByDecomposition(char c)
    {
        if (char.IsSurrogate(c))
        {
            return c.ToString();
        }

        var builder = new StringBuilder(2);
        foreach (var d in c.ToString().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(d));
            }
        }

        return builder.ToString();
    }
}
