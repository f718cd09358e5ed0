namespace Comptoir.Features.Causes.Classification;

/// <summary>
/// 64-bit hashes of the features of a text: word unigrams, word bigrams and character n-grams taken inside
/// word boundaries (each word padded with a space on both sides, as in " card "). Hashing the n-grams means
/// that no string is built while featurising; with 64 bits, collisions among the million or so distinct
/// features of a training set are vanishingly unlikely (see <see cref="TextFeaturiser"/>).
/// </summary>
internal static class FeatureHashing
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;
    private const ulong WordSeed = 0x9E3779B97F4A7C15UL;
    private const ulong BigramSeed = 0xC2B2AE3D27D4EB4FUL;
    private const ulong CharSeed = 0x165667B19E3779F9UL;

    public static void Emit(TokenBuffer tokens, in FeatureSettings settings, HashBuffer words, HashBuffer chars)
    {
        words.Clear();
        chars.Clear();
        var previous = 0UL;
        for (var t = 0; t < tokens.Count; t++)
        {
            var token = tokens.Token(t);
            var hash = FnvOffset;
            foreach (var c in token)
            {
                hash = (hash ^ c) * FnvPrime;
            }

            var word = Mix(hash ^ WordSeed);
            words.Add(word);
            if (settings.WordBigrams && t > 0)
            {
                words.Add(Mix((previous * 31) ^ word ^ BigramSeed));
            }

            previous = word;
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

/// <summary>The featurisation settings a model was trained with; stored with it.</summary>
internal readonly record struct FeatureSettings(bool WordBigrams, int CharMin, int CharMax, bool CharAcrossWords, float WordWeight, float CharWeight);

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
