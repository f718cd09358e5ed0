namespace Comptoir.Platform.Time;

/// <summary>
/// Service-level arithmetic in opening hours: "respond within 4 business hours" counts only the hours the
/// place is open, in its own time zone, across daylight-saving changes, and not on the days it is closed
/// (public holidays, closures).
/// </summary>
public static class BusinessClock
{
    private const int MaxDays = 800;

    /// <summary>The instant at which <paramref name="open"/> of opening time has passed since <paramref name="start"/>.</summary>
    public static DateTimeOffset Add(DateTimeOffset start, TimeSpan open, WeeklyHours hours, TimeZoneInfo zone, IReadOnlySet<DateOnly>? closedDays = null)
    {
        var remaining = open;
        foreach (var (from, to) in OpenSpans(start, hours, zone, closedDays))
        {
            var begin = from < start ? start : from;
            if (to <= begin)
            {
                continue;
            }

            var available = to - begin;
            if (available >= remaining)
            {
                return begin + remaining;
            }

            remaining -= available;
        }

        throw new InvalidOperationException($"Opening hours '{hours}' never open: a deadline cannot be computed.");
    }

    /// <summary>Opening time between two instants, e.g. how long a clock was paused in business hours.</summary>
    public static TimeSpan OpenTimeBetween(DateTimeOffset from, DateTimeOffset to, WeeklyHours hours, TimeZoneInfo zone, IReadOnlySet<DateOnly>? closedDays = null)
    {
        var total = TimeSpan.Zero;
        if (to <= from)
        {
            return total;
        }

        foreach (var (open, close) in OpenSpans(from, hours, zone, closedDays))
        {
            if (open >= to)
            {
                break;
            }

            var begin = open < from ? from : open;
            var end = close > to ? to : close;
            if (end > begin)
            {
                total += end - begin;
            }
        }

        return total;
    }

    /// <summary>The open spans, as UTC instants, from the local day containing <paramref name="start"/> on, closed days left out.</summary>
    private static IEnumerable<(DateTimeOffset Open, DateTimeOffset Close)> OpenSpans(DateTimeOffset start, WeeklyHours hours, TimeZoneInfo zone, IReadOnlySet<DateOnly>? closedDays)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime);
        for (var i = 0; i < MaxDays; i++, day = day.AddDays(1))
        {
            if (closedDays?.Contains(day) == true)
            {
                continue;
            }

            foreach (var (open, close) in hours.On(day.DayOfWeek))
            {
                var from = ToUtc(day.ToDateTime(open), zone);
                var to = close == TimeOnly.MaxValue ? ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), zone) : ToUtc(day.ToDateTime(close), zone);
                yield return (from, to);
            }
        }
    }

    /// <summary>Local wall-clock time to UTC; a time skipped by a spring-forward change opens at the first valid minute.</summary>
    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddMinutes(1);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(unspecified, zone), TimeSpan.Zero);
    }

    public static TimeZoneInfo Zone(string? id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id ?? "Europe/Paris", out var zone) ? zone : TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
}
