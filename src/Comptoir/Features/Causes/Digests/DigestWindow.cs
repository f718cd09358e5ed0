using Comptoir.Platform.Time;

namespace Comptoir.Features.Causes.Digests;

/// <summary>
/// The 24 local hours a digest covers, from 10:00 the day before to 10:00 on its day, as whole UTC hours
/// (the unit of <see cref="CauseCount"/>): 23 hours on the day clocks go forward, 25 when they go back.
/// </summary>
public static class DigestWindow
{
    public static (DateTimeOffset Start, DateTimeOffset End) Of(DateOnly localDate, TimeOnly at, TimeZoneInfo zone) =>
        (HourAt(localDate.AddDays(-1), at, zone), HourAt(localDate, at, zone));

    /// <summary>The local day whose digest is due at <paramref name="now"/>: today once its <paramref name="at"/> has passed, else none.</summary>
    public static DateOnly? DueDate(DateTimeOffset now, TimeOnly at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        return TimeOnly.FromDateTime(local) >= at ? DateOnly.FromDateTime(local) : null;
    }

    /// <summary>A local wall-clock time as the UTC hour it falls in (a time skipped by a spring-forward change moves to the first valid minute).</summary>
    private static DateTimeOffset HourAt(DateOnly day, TimeOnly at, TimeZoneInfo zone) =>
        CauseCounts.StartOf(CauseCounts.HourOf(BusinessClock.ToUtc(day.ToDateTime(at), zone)));
}
