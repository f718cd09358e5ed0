namespace Comptoir.Features.Causes.Classification;

/// <summary>
/// Turns a text into a sparse TF-IDF vector (one view of the text): folded tokens (<see cref="TextTokeniser"/>),
/// word n-grams in one block, character n-grams in another (<see cref="FeatureHashing"/>), sublinear term
/// frequency (1 + ln tf) times smoothed IDF, each block L2-normalised and weighted, then the whole vector
/// L2-normalised.
/// </summary>
/// <remarks>
/// Features are kept in a vocabulary of 64-bit n-gram hashes seen in at least <c>minDocumentFrequency</c>
/// training texts, rather than hashed into a fixed number of buckets: the classifier stores one weight per
/// feature and cause, so a vocabulary (about 10^5 features on BANKING77) keeps the model small and without
/// bucket collisions, while keying it by hash keeps featurisation free of string allocations and the
/// stored model free of n-gram strings.
/// </remarks>
internal sealed class TextFeaturiser
{
    [ThreadStatic]
    private static Scratch? _scratch;

    private readonly Dictionary<ulong, int> _index;

    public TextFeaturiser(FeatureSettings settings, ulong[] hashes, float[] idf, int wordFeatureCount)
    {
        Settings = settings;
        Hashes = hashes;
        Idf = idf;
        WordFeatureCount = wordFeatureCount;
        _index = new Dictionary<ulong, int>(hashes.Length);
        for (var i = 0; i < hashes.Length; i++)
        {
            _index[hashes[i]] = i;
        }
    }

    public FeatureSettings Settings { get; }

    /// <summary>The hash of each feature, by feature index; word features first.</summary>
    public ulong[] Hashes { get; }

    public float[] Idf { get; }

    public int WordFeatureCount { get; }

    public int FeatureCount => Hashes.Length;

    /// <summary>Builds the vocabulary and IDF weights from training texts, and returns their vectors.</summary>
    public static (TextFeaturiser Featuriser, SparseMatrix Vectors) Fit(
        IReadOnlyList<string> texts, FeatureSettings settings, int minDocumentFrequency, ParallelOptions parallel)
    {
        var distinct = new (ulong[] Words, ulong[] Chars)[texts.Count];
        Parallel.For(0, texts.Count, parallel, i =>
        {
            var scratch = _scratch ??= new Scratch();
            TextTokeniser.Tokenise(texts[i], scratch.Tokens);
            FeatureHashing.Emit(scratch.Tokens, settings, scratch.Words, scratch.Chars);
            distinct[i] = (Distinct(scratch.Words), Distinct(scratch.Chars));
        });

        var wordCounts = new Dictionary<ulong, int>();
        var charCounts = new Dictionary<ulong, int>();
        foreach (var (words, chars) in distinct)
        {
            Count(words, wordCounts);
            Count(chars, charCounts);
        }

        var wordKept = Kept(wordCounts, minDocumentFrequency);
        var charKept = Kept(charCounts, minDocumentFrequency);
        var hashes = new ulong[wordKept.Length + charKept.Length];
        var idf = new float[hashes.Length];
        var n = texts.Count;
        for (var i = 0; i < hashes.Length; i++)
        {
            var hash = i < wordKept.Length ? wordKept[i] : charKept[i - wordKept.Length];
            var df = i < wordKept.Length ? wordCounts[hash] : charCounts[hash];
            hashes[i] = hash;
            idf[i] = (float)(Math.Log((1.0 + n) / (1.0 + df)) + 1.0);
        }

        var featuriser = new TextFeaturiser(settings, hashes, idf, wordKept.Length);
        return (featuriser, featuriser.TransformAll(texts, parallel));
    }

    public SparseMatrix TransformAll(IReadOnlyList<string> texts, ParallelOptions parallel)
    {
        var rows = new (int[] Indices, float[] Values)[texts.Count];
        Parallel.For(0, texts.Count, parallel, i =>
        {
            var scratch = _scratch ??= new Scratch();
            var count = Transform(texts[i], scratch);
            rows[i] = (scratch.Ids.AsSpan(0, count).ToArray(), scratch.Values.AsSpan(0, count).ToArray());
        });
        return SparseMatrix.FromRows(rows, FeatureCount);
    }

    /// <summary>
    /// Featurises <paramref name="text"/> into the calling thread's scratch space and returns it with the
    /// number of non-zero features (indices ascending in <see cref="Scratch.Ids"/>, values in
    /// <see cref="Scratch.Values"/>). The scratch is overwritten by the thread's next call.
    /// </summary>
    public (Scratch Scratch, int Count) Transform(string text)
    {
        var scratch = _scratch ??= new Scratch();
        return (scratch, Transform(text, scratch));
    }

    private int Transform(string text, Scratch scratch)
    {
        TextTokeniser.Tokenise(text, scratch.Tokens);
        FeatureHashing.Emit(scratch.Tokens, Settings, scratch.Words, scratch.Chars);
        scratch.EnsureCapacity(scratch.Words.Count + scratch.Chars.Count);
        var ids = scratch.Ids;
        var found = 0;
        found = Lookup(scratch.Words, ids, found);
        found = Lookup(scratch.Chars, ids, found);
        Array.Sort(ids, 0, found);

        var values = scratch.Values;
        var count = 0;
        double wordNorm = 0, charNorm = 0;
        for (var i = 0; i < found;)
        {
            var id = ids[i];
            var run = 1;
            while (i + run < found && ids[i + run] == id)
            {
                run++;
            }

            var value = (float)((1.0 + Math.Log(run)) * Idf[id]);
            ids[count] = id;
            values[count] = value;
            if (id < WordFeatureCount)
            {
                wordNorm += value * value;
            }
            else
            {
                charNorm += value * value;
            }

            count++;
            i += run;
        }

        var wordScale = wordNorm > 0 ? Settings.WordWeight / Math.Sqrt(wordNorm) : 0;
        var charScale = charNorm > 0 ? Settings.CharWeight / Math.Sqrt(charNorm) : 0;
        var total = Math.Sqrt((wordNorm > 0 ? Settings.WordWeight * Settings.WordWeight : 0) + (charNorm > 0 ? Settings.CharWeight * Settings.CharWeight : 0));
        if (total > 0)
        {
            var wordFactor = (float)(wordScale / total);
            var charFactor = (float)(charScale / total);
            for (var i = 0; i < count; i++)
            {
                values[i] *= ids[i] < WordFeatureCount ? wordFactor : charFactor;
            }
        }

        return count;
    }

    private int Lookup(HashBuffer hashes, int[] ids, int found)
    {
        var items = hashes.Items;
        for (var i = 0; i < hashes.Count; i++)
        {
            if (_index.TryGetValue(items[i], out var id))
            {
                ids[found++] = id;
            }
        }

        return found;
    }

    private static ulong[] Distinct(HashBuffer buffer)
    {
        var items = buffer.Items.AsSpan(0, buffer.Count).ToArray();
        Array.Sort(items);
        var count = 0;
        for (var i = 0; i < items.Length; i++)
        {
            if (i == 0 || items[i] != items[i - 1])
            {
                items[count++] = items[i];
            }
        }

        return items[..count];
    }

    private static void Count(ulong[] hashes, Dictionary<ulong, int> counts)
    {
        foreach (var hash in hashes)
        {
            counts[hash] = counts.GetValueOrDefault(hash) + 1;
        }
    }

    private static ulong[] Kept(Dictionary<ulong, int> counts, int minDocumentFrequency)
    {
        var kept = counts.Where(p => p.Value >= minDocumentFrequency).Select(p => p.Key).ToArray();
        Array.Sort(kept);
        return kept;
    }

    /// <summary>Per-thread buffers, so that featurising allocates nothing once warmed up.</summary>
    internal sealed class Scratch
    {
        public TokenBuffer Tokens { get; } = new();

        public HashBuffer Words { get; } = new();

        public HashBuffer Chars { get; } = new();

        public int[] Ids { get; private set; } = new int[1024];

        public float[] Values { get; private set; } = new float[1024];

        public float[] Scores { get; set; } = new float[128];

        public void EnsureCapacity(int count)
        {
            if (Ids.Length < count)
            {
                Ids = new int[Math.Max(count, Ids.Length * 2)];
                Values = new float[Ids.Length];
            }
        }
    }
}
