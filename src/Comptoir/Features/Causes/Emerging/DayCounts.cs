using System.Globalization;

namespace Comptoir.Features.Causes.Emerging;

/// <summary>One day's (or day so far's) contacts in one scope: how many, and how many per term and per cause.</summary>
public sealed class DayCounts
{
    public int Contacts { get; private set; }

    public Dictionary<string, int> Terms { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> Causes { get; } = new(StringComparer.Ordinal);

    public void Add(IReadOnlySet<string> terms, int? causeId)
    {
        ArgumentNullException.ThrowIfNull(terms);
        Contacts++;
        foreach (var term in terms)
        {
            Terms[term] = Terms.GetValueOrDefault(term) + 1;
        }

        if (causeId is { } cause)
        {
            var key = cause.ToString(CultureInfo.InvariantCulture);
            Causes[key] = Causes.GetValueOrDefault(key) + 1;
        }
    }

    public IReadOnlyDictionary<string, int> Of(EmergingKind kind) => kind == EmergingKind.Term ? Terms : Causes;
}

/// <summary>Folding a finished day into the histories of one scope.</summary>
public static class EmergingHistory
{
    /// <summary>A term seen in a single contact of a day starts no history: most such words are typos and names. Causes always do.</summary>
    public static int MinCountToRemember(EmergingKind kind) => kind == EmergingKind.Term ? 2 : 1;

    /// <summary>
    /// The histories to write after <paramref name="day"/>: every key counted that day (twice or more, or
    /// already known) with its share of the day's contacts. Keys not seen keep their row; their zeros are
    /// applied when next read (<see cref="TermHistory.AsOf"/>).
    /// </summary>
    public static IEnumerable<(string Key, TermHistory History)> Fold(
        DateOnly day, EmergingKind kind, IReadOnlyDictionary<string, int> counts, int contacts, Func<string, TermHistory?> history, bool scopeIsNew)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(history);
        if (contacts == 0)
        {
            yield break;
        }

        foreach (var (key, count) in counts)
        {
            var share = count / (double)contacts;
            if (history(key) is { } known)
            {
                yield return (key, known.Add(day, share));
            }
            else if (count >= MinCountToRemember(kind))
            {
                yield return (key, TermHistory.Start(day, share, scopeIsNew));
            }
        }
    }
}

/// <summary>
/// The whole of detection in memory for one scope: histories, folding and flags. The replay command and
/// the tests use it directly; the job keeps the same histories in the database.
/// </summary>
public sealed class EmergingWatch(EmergingOptions options)
{
    private readonly Dictionary<(EmergingKind, string), TermHistory> _histories = [];

    public int DaysFolded { get; private set; }

    public DateOnly? LastFolded { get; private set; }

    public TermHistory? History(EmergingKind kind, string key, DateOnly today) =>
        _histories.TryGetValue((kind, key), out var h) ? h.AsOf(today) : null;

    /// <summary>What stands out in <paramref name="counts"/> (today so far) against the days folded before.</summary>
    public IReadOnlyList<EmergingFlag> Detect(DateOnly today, DayCounts counts, IReadOnlySet<string> taxonomyWords)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (DaysFolded < options.WarmUpDays)
        {
            return [];
        }

        return
        [
            .. EmergingDetector.Detect(counts.Causes, counts.Contacts, k => History(EmergingKind.Cause, k, today), EmergingKind.Cause, taxonomyWords, options),
            .. EmergingDetector.Detect(counts.Terms, counts.Contacts, k => History(EmergingKind.Term, k, today), EmergingKind.Term, taxonomyWords, options),
        ];
    }

    /// <summary>Adds a finished day to the histories; a day already folded is ignored.</summary>
    public void Fold(DateOnly day, DayCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (LastFolded is { } last && day <= last)
        {
            return;
        }

        foreach (var kind in new[] { EmergingKind.Term, EmergingKind.Cause })
        {
            var updates = EmergingHistory.Fold(day, kind, counts.Of(kind), counts.Contacts, k => _histories.TryGetValue((kind, k), out var h) ? h : null, DaysFolded < options.WarmUpDays).ToList();
            foreach (var (key, history) in updates)
            {
                _histories[(kind, key)] = history;
            }
        }

        LastFolded = day;
        if (counts.Contacts > 0)
        {
            DaysFolded++;
        }
    }
}
