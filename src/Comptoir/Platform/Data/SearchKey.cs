using System.Globalization;
using System.Text;

namespace Comptoir.Platform.Data;

/// <summary>
/// A record that keeps a normalised search column, so that "evry" finds "Évry" with a plain
/// <c>LIKE</c> on SQLite and PostgreSQL alike. The context refreshes it on every save.
/// </summary>
public interface IHasSearchKey
{
    string SearchKey { get; }

    void RefreshSearchKey();
}

public static class SearchKey
{
    /// <summary>Lower case, without accents, punctuation turned to single spaces.</summary>
    public static string Normalize(params IEnumerable<string?> parts)
    {
        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            if (string.IsNullOrWhiteSpace(part))
            {
                continue;
            }

            foreach (var c in part.Normalize(NormalizationForm.FormD))
            {
                var category = CharUnicodeInfo.GetUnicodeCategory(c);
                if (category == UnicodeCategory.NonSpacingMark)
                {
                    continue;
                }

                if (char.IsLetterOrDigit(c))
                {
                    builder.Append(char.ToLowerInvariant(c));
                }
                else if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }

            if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().TrimEnd();
    }
}
