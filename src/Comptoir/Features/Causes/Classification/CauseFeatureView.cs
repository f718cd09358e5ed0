namespace Comptoir.Features.Causes.Classification;

/// <summary>
/// A further view of the text for <see cref="CauseModelOptions.ExtraViews"/>: its own TF-IDF features
/// (word n-grams up to <paramref name="WordNGramMax"/> words, 0 for none; character n-grams of
/// <paramref name="CharNGramMin"/> to <paramref name="CharNGramMax"/> characters, 0 for none, inside words or
/// across them) and its own linear scorer, whose scores are added, times <paramref name="Weight"/>, to those
/// of the other views.
/// </summary>
public sealed record CauseFeatureView(int WordNGramMax, int CharNGramMin, int CharNGramMax, bool CharAcrossWords, double Weight = 1.0)
{
    /// <summary>
    /// Parses a compact description: blocks joined by '+', each "w1-N" (word n-grams up to N words),
    /// "cMIN-MAX" (character n-grams inside words) or "xMIN-MAX" (character n-grams across words), with an
    /// optional "*WEIGHT" at the end; for example "w1-3", "x1-6*0.5" or "w1-2+c2-5".
    /// </summary>
    public static CauseFeatureView Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var weight = 1.0;
        var star = text.IndexOf('*', StringComparison.Ordinal);
        if (star >= 0)
        {
            weight = double.Parse(text[(star + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            text = text[..star];
        }

        var (words, charMin, charMax, across) = (0, 0, 0, false);
        foreach (var block in text.Split('+', StringSplitOptions.TrimEntries))
        {
            var range = block.Length > 1 ? block[1..].Split('-') : [];
            if (range.Length != 2 || !int.TryParse(range[0], System.Globalization.CultureInfo.InvariantCulture, out var min)
                || !int.TryParse(range[1], System.Globalization.CultureInfo.InvariantCulture, out var max) || min < 1 || max < min || max > 8)
            {
                throw new FormatException($"'{block}' is not a block such as w1-2, c2-5 or x1-6.");
            }

            switch (block[0])
            {
                case 'w' when min == 1:
                    words = max;
                    break;
                case 'c' or 'x':
                    (charMin, charMax, across) = (min, max, block[0] == 'x');
                    break;
                default:
                    throw new FormatException($"'{block}' is not a block such as w1-2, c2-5 or x1-6.");
            }
        }

        return new CauseFeatureView(words, charMin, charMax, across, weight);
    }
}
