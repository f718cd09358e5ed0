namespace Comptoir.Features.Causes.Digests;

/// <summary>
/// Ranks the causes of a window (the last 24 hours) by how many contacts they had, each with its trend
/// against the same window in the previous weeks. Pure: the digest feeds it from the hourly counts, the
/// replay command from a file.
/// </summary>
public static class TopCauses
{
    /// <param name="Rank">1 for the most frequent.</param>
    /// <param name="CauseId">The cause.</param>
    /// <param name="Count">Contacts in the window.</param>
    /// <param name="PreviousAverage">Mean contacts in the same window of the previous weeks.</param>
    /// <param name="TrendPercent">Change against that mean, in percent; empty when the cause had none before.</param>
    public sealed record Ranked(int Rank, int CauseId, int Count, double PreviousAverage, double? TrendPercent);

    /// <param name="current">Contacts per cause in the window.</param>
    /// <param name="previousWindows">Contacts per cause in each earlier window compared with (e.g. 4 weeks).</param>
    /// <param name="top">How many to keep.</param>
    public static IReadOnlyList<Ranked> Rank(IReadOnlyDictionary<int, int> current, IReadOnlyList<IReadOnlyDictionary<int, int>> previousWindows, int top = 5)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        return current
            .Where(c => c.Value > 0)
            .Select(c =>
            {
                var average = previousWindows.Count == 0 ? 0 : previousWindows.Average(w => (double)w.GetValueOrDefault(c.Key));
                double? trend = average > 0 ? Math.Round((c.Value - average) / average * 100, 1) : null;
                return (c.Key, c.Value, average, trend);
            })
            // Ties go to the cause rising fastest, then to the lower id so that the order is stable.
            .OrderByDescending(c => c.Value)
            .ThenByDescending(c => c.trend ?? double.MaxValue)
            .ThenBy(c => c.Key)
            .Take(top)
            .Select((c, i) => new Ranked(i + 1, c.Key, c.Value, Math.Round(c.average, 2), c.trend))
            .ToList();
    }
}
