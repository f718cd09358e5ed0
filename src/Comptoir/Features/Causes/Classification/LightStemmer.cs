namespace Comptoir.Features.Causes.Classification;

/// <summary>
/// A light, language-neutral suffix stripper for folded words: inflections shared by English and French
/// (plural "-s", "-es") and frequent English ones ("-ing", "-ed", "-ly"), removed only from words of letters
/// long enough to keep a stem of at least four of them; "ss" ("address", "access") and French "-ss", "-us",
/// "-is" endings ("dessus", "avis") are kept. It conflates "charged", "charging", "charges" and "charge"
/// on both sides, without a dictionary.
/// </summary>
internal static class LightStemmer
{
    private const int MinimumStem = 4;

    public static ReadOnlySpan<char> Stem(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsAsciiLetterLower(c))
            {
                return word;
            }
        }

        if (Strip(word, "ing", out var stem) || Strip(word, "ed", out stem) || Strip(word, "ly", out stem))
        {
            return TrimFinalE(stem);
        }

        if (word.EndsWith("ss") || word.EndsWith("us") || word.EndsWith("is"))
        {
            return word;
        }

        if (Strip(word, "es", out stem) || Strip(word, "s", out stem))
        {
            return TrimFinalE(stem);
        }

        return TrimFinalE(word);
    }

    private static bool Strip(ReadOnlySpan<char> word, string suffix, out ReadOnlySpan<char> stem)
    {
        stem = word;
        if (word.Length - suffix.Length < MinimumStem || !word.EndsWith(suffix))
        {
            return false;
        }

        stem = word[..^suffix.Length];
        return true;
    }

    /// <summary>"charge" and "charg(ed)" meet at "charg".</summary>
    private static ReadOnlySpan<char> TrimFinalE(ReadOnlySpan<char> stem) =>
        stem.Length > MinimumStem && stem[^1] == 'e' ? stem[..^1] : stem;
}
