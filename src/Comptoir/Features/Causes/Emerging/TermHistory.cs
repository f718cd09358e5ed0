namespace Comptoir.Features.Causes.Emerging;

/// <summary>
/// What is remembered of a term (or a cause) in one scope: the exponentially weighted mean and variance of
/// its daily share of contacts, the days it was seen, and when it was first and last seen. A day without
/// the term counts as a zero, applied lazily when the term is next looked at, so that a day's folding only
/// touches the terms seen that day.
/// </summary>
/// <param name="Mean">Weighted mean of the daily share of contacts with the term (0.02 = 2 %).</param>
/// <param name="Variance">Weighted variance of that share.</param>
/// <param name="DaysSeen">Days on which the term appeared.</param>
/// <param name="FirstSeen">First day it appeared.</param>
/// <param name="LastDay">Last day folded into <see cref="Mean"/> and <see cref="Variance"/>.</param>
public readonly record struct TermHistory(double Mean, double Variance, int DaysSeen, DateOnly FirstSeen, DateOnly LastDay)
{
    /// <summary>Weight of the newest day: about the last month counts.</summary>
    public const double Alpha = 0.07;

    /// <summary>
    /// A history for a term first seen on <paramref name="day"/> with this share of the contacts. While the
    /// scope itself is new, the term is taken as usual; afterwards, as absent on every earlier day.
    /// </summary>
    public static TermHistory Start(DateOnly day, double share, bool scopeIsNew) => scopeIsNew
        ? new(share, 0, 1, day, day)
        : new(share * Alpha, share * share * Alpha * (1 - Alpha), 1, day, day);

    /// <summary>The history as it stands after the last day before <paramref name="day"/>, counting missing days as zeros.</summary>
    public TermHistory AsOf(DateOnly day)
    {
        var missing = Math.Min(day.DayNumber - LastDay.DayNumber - 1, 400);
        var (mean, variance) = (Mean, Variance);
        for (var i = 0; i < missing; i++)
        {
            (mean, variance) = Step(mean, variance, 0);
        }

        return missing <= 0 ? this : this with { Mean = mean, Variance = variance, LastDay = day.AddDays(-1) };
    }

    /// <summary>Folds a finished day in which the term had this share of contacts (0 when absent).</summary>
    public TermHistory Add(DateOnly day, double share)
    {
        if (day <= LastDay)
        {
            return this;
        }

        var before = AsOf(day);
        var (mean, variance) = Step(before.Mean, before.Variance, share);
        return new TermHistory(mean, variance, DaysSeen + (share > 0 ? 1 : 0), FirstSeen, day);
    }

    private static (double Mean, double Variance) Step(double mean, double variance, double x)
    {
        var difference = x - mean;
        var increment = Alpha * difference;
        return (mean + increment, (1 - Alpha) * (variance + (difference * increment)));
    }
}
