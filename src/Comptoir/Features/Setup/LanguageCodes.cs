using System.Globalization;

namespace Comptoir.Features.Setup;

/// <summary>
/// Languages are written as two-letter ISO 639-1 codes in lower case ("fr", "en"), as the intake records them
/// on conversations, so that a queue, rule, template or advisor compares equal to what customers write in.
/// </summary>
public static class LanguageCodes
{
    /// <summary>The code in its stored form, or null when it is not two letters.</summary>
    public static string? Normalize(string? text)
    {
        var code = text?.Trim().ToLowerInvariant();
        return code is { Length: 2 } && code.All(char.IsAsciiLetterLower) ? code : null;
    }

    /// <summary>The two-letter codes of the languages .NET knows (ISO 639-1), to refuse a code that names none.</summary>
    private static readonly HashSet<string> Known =
    [
        .. CultureInfo.GetCultures(CultureTypes.NeutralCultures)
            .Select(c => c.TwoLetterISOLanguageName)
            .Where(code => code is { Length: 2 } && code.All(char.IsAsciiLetterLower)),
    ];

    /// <summary>The code in its stored form when it names a known language, else null ("xx" names none).</summary>
    public static string? NormalizeKnown(string? text) => Normalize(text) is { } code && Known.Contains(code) ? code : null;

    /// <summary>"français (fr)": the language's own name, which reads the same in either UI language.</summary>
    public static string Label(string code)
    {
        try
        {
            var name = CultureInfo.GetCultureInfo(code).NativeName;
            return string.Equals(name, code, StringComparison.OrdinalIgnoreCase) ? code : $"{name} ({code})";
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }
}
