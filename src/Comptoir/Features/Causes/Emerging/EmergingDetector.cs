namespace Comptoir.Features.Causes.Emerging;

public enum EmergingKind
{
    Term = 0,
    Cause = 1,
}

/// <summary>Thresholds of <see cref="EmergingDetector"/>; section <c>Causes:Emerging</c>.</summary>
public sealed class EmergingOptions
{
    /// <summary>How far above expectation, in standard deviations, a count must be.</summary>
    public double MinScore { get; set; } = 4;

    /// <summary>Fewest contacts with a known term (or cause) to flag it.</summary>
    public int MinCount { get; set; } = 5;

    /// <summary>Fewest contacts with a term never seen before: new words appear every day.</summary>
    public int MinCountUnseen { get; set; } = 8;

    /// <summary>How many times its expected count a term must reach, so that frequent words are not flagged for small swings.</summary>
    public double MinRatio { get; set; } = 3;

    /// <summary>Days of history a scope needs before anything in it is flagged.</summary>
    public int WarmUpDays { get; set; } = 7;

    /// <summary>Most flags kept per scope and day, highest scores first.</summary>
    public int MaxPerDay { get; set; } = 10;
}

/// <summary>A term or cause whose count today stands out against its own history.</summary>
/// <param name="Kind">A term or a cause.</param>
/// <param name="Key">The term ("3ds2", "ios 17.2") or the cause id.</param>
/// <param name="Count">Contacts with it today so far.</param>
/// <param name="Expected">Contacts expected with it, given today's contacts so far and its history.</param>
/// <param name="Score">How many standard deviations above expected.</param>
/// <param name="Unseen">Never seen on a previous day.</param>
public sealed record EmergingFlag(EmergingKind Kind, string Key, int Count, double Expected, double Score, bool Unseen);

/// <summary>
/// Decides which terms and causes surge today against their own history. Pure: the job feeds it the day's
/// counts from the database, the replay command from a file.
/// </summary>
/// <remarks>
/// A term's history is its daily share of contacts; today's expected count is that share times the contacts
/// received so far, so that a busy Monday or a morning half-day is compared fairly. The count is treated as
/// Poisson around that expectation, widened by the day-to-day variance of the share:
/// score = (count − expected) / √(max(expected, ½) + variance × contacts²). A term is flagged when the score,
/// the count and the ratio to expected all pass their thresholds and it is not a word of the taxonomy.
/// </remarks>
public static class EmergingDetector
{
    private const double ExpectedFloor = 0.5;

    /// <param name="counts">Contacts per term (or cause id) today so far.</param>
    /// <param name="contacts">Contacts today so far in the scope.</param>
    /// <param name="history">The term's history as of the end of yesterday; null when never seen.</param>
    /// <param name="kind">What the keys are.</param>
    /// <param name="taxonomyWords">Folded words of the causes' names: a term made only of them is already a cause.</param>
    /// <param name="options">Thresholds.</param>
    public static IReadOnlyList<EmergingFlag> Detect(
        IReadOnlyDictionary<string, int> counts, int contacts, Func<string, TermHistory?> history, EmergingKind kind,
        IReadOnlySet<string> taxonomyWords, EmergingOptions options)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(taxonomyWords);
        ArgumentNullException.ThrowIfNull(options);
        var flags = new List<EmergingFlag>();
        foreach (var (key, count) in counts)
        {
            if (count < options.MinCount)
            {
                continue;
            }

            var past = history(key);
            var unseen = past is null || past.Value.DaysSeen == 0;
            if (unseen && count < options.MinCountUnseen)
            {
                continue;
            }

            if (kind == EmergingKind.Term && key.Split(' ').All(taxonomyWords.Contains))
            {
                continue;
            }

            var flag = Score(kind, key, count, contacts, past, unseen);
            if (flag.Score >= options.MinScore && count >= options.MinRatio * flag.Expected)
            {
                flags.Add(flag);
            }
        }

        return Merge(flags).OrderByDescending(f => f.Score).ThenBy(f => f.Key, StringComparer.Ordinal).Take(options.MaxPerDay).ToList();
    }

    public static EmergingFlag Score(EmergingKind kind, string key, int count, int contacts, TermHistory? past, bool unseen)
    {
        var mean = past?.Mean ?? 0;
        var variance = past?.Variance ?? 0;
        var expected = mean * contacts;
        var spread = Math.Sqrt(Math.Max(expected, ExpectedFloor) + (variance * contacts * (double)contacts));
        return new EmergingFlag(kind, key, count, Math.Round(expected, 2), Math.Round((count - expected) / spread, 2), unseen);
    }

    /// <summary>
    /// A pair of words and its words flagged together usually tell one story: the pair is kept when it covers
    /// most of the word's contacts ("ios 17.2" rather than "17.2"), the word otherwise; of two overlapping
    /// pairs telling the same story, the stronger is kept.
    /// </summary>
    public static IReadOnlyList<EmergingFlag> Merge(IReadOnlyList<EmergingFlag> flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        const double SameStory = 0.8;
        var kept = flags.ToDictionary(f => f.Key, StringComparer.Ordinal);
        foreach (var pair in flags.Where(f => f.Kind == EmergingKind.Term && f.Key.Contains(' ', StringComparison.Ordinal)).OrderByDescending(f => f.Score))
        {
            foreach (var word in pair.Key.Split(' '))
            {
                if (!kept.TryGetValue(word, out var single) || !kept.ContainsKey(pair.Key))
                {
                    continue;
                }

                if (pair.Count >= SameStory * single.Count)
                {
                    kept.Remove(word);
                }
                else
                {
                    kept.Remove(pair.Key);
                }
            }
        }

        var pairs = kept.Values.Where(f => f.Kind == EmergingKind.Term && f.Key.Contains(' ', StringComparison.Ordinal)).OrderByDescending(f => f.Score).ToList();
        foreach (var strong in pairs)
        {
            if (!kept.ContainsKey(strong.Key))
            {
                continue;
            }

            var words = strong.Key.Split(' ');
            foreach (var weak in pairs.Where(p => p != strong && kept.ContainsKey(p.Key) && p.Key.Split(' ').Intersect(words).Any()))
            {
                if (Math.Min(weak.Count, strong.Count) >= SameStory * Math.Max(weak.Count, strong.Count))
                {
                    kept.Remove(weak.Key);
                }
            }
        }

        return [.. flags.Where(f => kept.ContainsKey(f.Key))];
    }
}
