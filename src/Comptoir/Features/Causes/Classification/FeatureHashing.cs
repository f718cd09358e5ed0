namespace Comptoir.Features.Causes.Classification;

/// <summary>
/// 64-bit hashes of the features of a text: word n-grams (unigrams, bigrams, trigrams), pairs of words a few
/// positions apart, and character n-grams
/// taken inside word boundaries (each word padded with a space on both sides, as in " card ") or across
/// them. Hashing the n-grams means
/// that no string is built while featurising; with 64 bits, collisions among the million or so distinct
/// features of a training set are vanishingly unlikely (see <see cref="TextFeaturiser"/>).
/// </summary>
internal static class FeatureHashing
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;
    private const ulong WordSeed = 0x9E3779B97F4A7C15UL;
    private const ulong BigramSeed = 0xC2B2AE3D27D4EB4FUL;
    private const ulong TrigramSeed = 0x27D4EB2F165667C5UL;
    private const ulong PairSeed = 0x85EBCA77C2B2AE63UL;
    private const ulong CharSeed = 0x165667B19E3779F9UL;

    /// <summary>The longest distance between the two words of a pair.</summary>
    public const int MaxPairDistance = 8;

    public static void Emit(TokenBuffer tokens, in FeatureSettings settings, HashBuffer words, HashBuffer chars)
    {
        words.Clear();
        chars.Clear();
        var (previous, beforePrevious) = (0UL, 0UL);
        Span<ulong> recent = stackalloc ulong[MaxPairDistance];
        for (var t = 0; settings.WordMax > 0 && t < tokens.Count; t++)
        {
            var token = tokens.Token(t);
            if (settings.StemWords)
            {
                token = LightStemmer.Stem(token);
            }

            var hash = FnvOffset;
            foreach (var c in token)
            {
                hash = (hash ^ c) * FnvPrime;
            }

            var word = Mix(hash ^ WordSeed);
            words.Add(word);
            if (settings.WordMax >= 2 && t > 0)
            {
                words.Add(Mix((previous * 31) ^ word ^ BigramSeed));
            }

            if (settings.WordMax >= 3 && t > 1)
            {
                words.Add(Mix((beforePrevious * 961) ^ (previous * 31) ^ word ^ TrigramSeed));
            }

            for (var d = 2; d <= settings.PairDistance && d <= t; d++)
            {
                words.Add(Mix((recent[(t - d) % MaxPairDistance] * 37) ^ word ^ PairSeed));
            }

            recent[t % MaxPairDistance] = word;
            (beforePrevious, previous) = (previous, word);
        }

        if (settings.CharMax < settings.CharMin || settings.CharMax <= 0)
        {
            return;
        }

        if (!settings.CharAcrossWords)
        {
            for (var t = 0; t < tokens.Count; t++)
            {
                var token = tokens.Token(t);
                var padded = token.Length + 2;
                for (var start = 0; start < padded; start++)
                {
                    EmitCharGrams(token, start, padded, settings.CharMin, settings.CharMax, chars);
                }
            }

            return;
        }

        // Across words: the n-grams of " word1 word2 … " (tokens joined by one space), so that they also
        // capture the ends and starts of neighbouring words.
        var joined = tokens.Joined();
        for (var start = 0; start < joined.Length + 2; start++)
        {
            EmitCharGrams(joined, start, joined.Length + 2, settings.CharMin, settings.CharMax, chars);
        }
    }

    /// <summary>The n-grams starting at <paramref name="start"/> of <paramref name="text"/> padded with a space each side.</summary>
    private static void EmitCharGrams(ReadOnlySpan<char> text, int start, int padded, int min, int max, HashBuffer chars)
    {
        var hash = FnvOffset ^ CharSeed;
        for (var n = 1; n <= max && start + n <= padded; n++)
        {
            var j = start + n - 1;
            var c = j == 0 || j == padded - 1 ? ' ' : text[j - 1];
            hash = (hash ^ c) * FnvPrime;
            if (n >= min)
            {
                chars.Add(Mix(hash + (ulong)n));
            }
        }
    }

    /// <summary>SplitMix64 finaliser: spreads FNV's weak low bits.</summary>
    private static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}

/// <summary>
/// The featurisation settings of one view of the text, stored with the model: word n-grams up to
/// <paramref name="WordMax"/> words (0: none), ordered pairs of words 2 to <paramref name="PairDistance"/>
/// positions apart (0: none; adjacent words are bigrams), words stemmed or not (<see cref="LightStemmer"/>), character n-grams of <paramref name="CharMin"/> to
/// <paramref name="CharMax"/> characters (0: none) and the relative weights of the two blocks.
/// </summary>
internal readonly record struct FeatureSettings(int WordMax, int PairDistance, int CharMin, int CharMax, bool CharAcrossWords, float WordWeight, float CharWeight, bool StemWords = false);

/// <summary>A growable list of hashes, reused across texts.</summary>
internal sealed class HashBuffer
{
    public ulong[] Items { get; private set; } = new ulong[256];

    public int Count { get; private set; }

    public void Clear() => Count = 0;

    public void Add(ulong value)
    {
        if (Count == Items.Length)
        {
            var larger = new ulong[Items.Length * 2];
            Items.AsSpan().CopyTo(larger);
            Items = larger;
        }

        Items[Count++] = value;
    }
}
