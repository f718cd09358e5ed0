namespace Comptoir.Platform.Time;

/// <summary>When a place answers: its weekly hours, in its time zone, except the days it is closed.</summary>
public sealed record BusinessCalendar(WeeklyHours Hours, TimeZoneInfo Zone, IReadOnlySet<DateOnly> ClosedDays)
{
    public static readonly IReadOnlySet<DateOnly> NoClosedDays = new HashSet<DateOnly>();

    public DateTimeOffset Add(DateTimeOffset start, TimeSpan open) => BusinessClock.Add(start, open, Hours, Zone, ClosedDays);

    public TimeSpan OpenTimeBetween(DateTimeOffset from, DateTimeOffset to) => BusinessClock.OpenTimeBetween(from, to, Hours, Zone, ClosedDays);

    /// <summary>Whether both calendars count the same open time: same zone, same hours every day, same closed days.</summary>
    public bool CountsLike(BusinessCalendar other) =>
        Zone.Id == other.Zone.Id
        && ClosedDays.SetEquals(other.ClosedDays)
        && Enum.GetValues<DayOfWeek>().All(day => Hours.On(day).SequenceEqual(other.Hours.On(day)));
}
