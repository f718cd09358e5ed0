using Comptoir.Platform.Time;

namespace Comptoir.Tests.Platform;

public sealed class PublicHolidaysTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    [InlineData(2285, 3, 22)]
    public void Easter_is_computed_for_any_year(int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), PublicHolidays.EasterSunday(year));
    }

    [Fact]
    public void France_has_eleven_public_holidays_with_those_that_follow_easter()
    {
        var days = PublicHolidays.Of("fr", 2026).Select(d => d.Date.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(["01-01", "04-06", "05-01", "05-08", "05-14", "05-25", "07-14", "08-15", "11-01", "11-11", "12-25"], days);
        Assert.Empty(PublicHolidays.Of("TN", 2026));
    }

    [Fact]
    public void A_deadline_straddling_a_public_holiday_moves_by_a_day()
    {
        var hours = WeeklyHours.Parse("Mon-Sat 08:00-20:00");
        var closed = PublicHolidays.Of("FR", 2026).Select(d => d.Date).ToHashSet();
        var thursdayEvening = At(2026, 4, 30, 19, 0);

        var without = BusinessClock.Add(thursdayEvening, TimeSpan.FromHours(8), hours, Paris);
        var with = BusinessClock.Add(thursdayEvening, TimeSpan.FromHours(8), hours, Paris, closed);
        var open = BusinessClock.OpenTimeBetween(At(2026, 4, 30, 0, 0), At(2026, 5, 3, 0, 0), hours, Paris, closed);

        Assert.Equal(At(2026, 5, 1, 15, 0), without);
        Assert.Equal(At(2026, 5, 2, 15, 0), with);
        Assert.Equal(TimeSpan.FromHours(24), open);
    }

    [Fact]
    public void Round_the_clock_hours_stop_for_the_whole_local_day_of_christmas()
    {
        var closed = new HashSet<DateOnly> { new(2026, 12, 25) };

        var due = BusinessClock.Add(At(2026, 12, 24, 20, 0), TimeSpan.FromHours(24), WeeklyHours.AlwaysOpen, Paris, closed);

        Assert.Equal(At(2026, 12, 26, 20, 0), due);
    }

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Paris.GetUtcOffset(local)).ToUniversalTime();
    }
}
