using Comptoir.Platform.Time;

namespace Comptoir.Features.Causes.Emerging;

/// <summary>Calendar days as they are lived in a time zone, and the UTC instants they span.</summary>
public static class LocalDays
{
    /// <summary>The local date at <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    public static DateOnly Of(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The first instant of a local day; where a clock change skips midnight, the first minute that exists.</summary>
    public static DateTimeOffset Start(DateOnly day, TimeZoneInfo zone) => BusinessClock.ToUtc(day.ToDateTime(TimeOnly.MinValue), zone);

    /// <summary>From the start of the local day to the start of the next (23 or 25 hours on the days clocks change).</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Window(DateOnly day, TimeZoneInfo zone) => (Start(day, zone), Start(day.AddDays(1), zone));
}
