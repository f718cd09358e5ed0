namespace Comptoir.Platform.Time;

/// <summary>When a place answers: its weekly hours, in its time zone, except the days it is closed.</summary>
public sealed record BusinessCalendar(WeeklyHours Hours, TimeZoneInfo Zone, IReadOnlySet<DateOnly> ClosedDays)
{
    public static readonly IReadOnlySet<DateOnly> NoClosedDays = new HashSet<DateOnly>();

    public DateTimeOffset Add(DateTimeOffset start, TimeSpan open) => BusinessClock.Add(start, open, Hours, Zone, ClosedDays);

    public TimeSpan OpenTimeBetween(DateTimeOffset from, DateTimeOffset to) => BusinessClock.OpenTimeBetween(from, to, Hours, Zone, ClosedDays);
}
