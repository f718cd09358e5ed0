using Comptoir.Platform.Time;

namespace Comptoir.Tests.Platform;

public sealed class BusinessClockTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public void Opening_hours_read_as_people_write_them()
    {
        var hours = WeeklyHours.Parse("Mon-Sat 08:30-12:00,14:00-19:30; Sun 09:00-12:30");

        Assert.Equal([(new TimeOnly(8, 30), new TimeOnly(12, 0)), (new TimeOnly(14, 0), new TimeOnly(19, 30))], hours.On(DayOfWeek.Wednesday));
        Assert.Equal([(new TimeOnly(9, 0), new TimeOnly(12, 30))], hours.On(DayOfWeek.Sunday));
        Assert.True(hours.IsOpen(new DateTime(2026, 11, 25, 15, 0, 0)));
        Assert.False(hours.IsOpen(new DateTime(2026, 11, 25, 13, 0, 0)));
        Assert.Equal("Mon 08:30-12:00,14:00-19:30; Tue 08:30-12:00,14:00-19:30; Wed 08:30-12:00,14:00-19:30; Thu 08:30-12:00,14:00-19:30; Fri 08:30-12:00,14:00-19:30; Sat 08:30-12:00,14:00-19:30; Sun 09:00-12:30", hours.ToString());
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("Lundi 08:00-12:00", "should start with days")]
    [InlineData("Mon 18:00-08:00", "time range")]
    [InlineData("Sat-Mon 08:00-12:00", "should start with days")]
    public void Badly_written_hours_are_refused_with_the_reason(string text, string reason)
    {
        Assert.False(WeeklyHours.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deadline_counts_only_opening_hours_and_skips_closed_days()
    {
        var hours = WeeklyHours.Parse("Mon-Sat 08:00-20:00");
        var fridayEvening = At(2026, 11, 20, 19, 0);

        var due = BusinessClock.Add(fridayEvening, TimeSpan.FromHours(8), hours, Paris);
        var twoDays = BusinessClock.Add(fridayEvening, TimeSpan.FromHours(48), hours, Paris);

        Assert.Equal(At(2026, 11, 21, 15, 0), due);
        Assert.Equal(At(2026, 11, 25, 19, 0), twoDays);
    }

    [Fact]
    public void A_deadline_across_the_autumn_change_keeps_wall_clock_opening_hours()
    {
        var hours = WeeklyHours.Parse("Mon-Sun 08:00-20:00");
        var saturday = At(2026, 10, 24, 19, 0);

        var due = BusinessClock.Add(saturday, TimeSpan.FromHours(2), hours, Paris);

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 8, 0, 0, TimeSpan.Zero), due);
        Assert.Equal(At(2026, 10, 25, 9, 0), due);
    }

    [Fact]
    public void Round_the_clock_hours_count_the_25_hour_day_as_25_hours()
    {
        var saturdayNight = new DateTimeOffset(2026, 10, 24, 22, 0, 0, TimeSpan.Zero);

        var due = BusinessClock.Add(saturdayNight, TimeSpan.FromHours(30), WeeklyHours.AlwaysOpen, Paris);
        var open = BusinessClock.OpenTimeBetween(At(2026, 10, 25, 0, 0), At(2026, 10, 26, 0, 0), WeeklyHours.AlwaysOpen, Paris);

        Assert.Equal(saturdayNight.AddHours(30), due);
        Assert.Equal(TimeSpan.FromHours(25), open);
    }

    [Fact]
    public void Hours_that_fall_in_the_spring_gap_open_at_the_first_valid_minute()
    {
        var hours = WeeklyHours.Parse("Sun 02:30-04:00");
        var saturday = At(2026, 3, 28, 12, 0);

        var open = BusinessClock.OpenTimeBetween(saturday, saturday.AddDays(2), hours, Paris);

        Assert.Equal(TimeSpan.FromHours(1), open);
    }

    [Fact]
    public void The_pause_is_counted_in_opening_hours_only()
    {
        var hours = WeeklyHours.Parse("Mon-Sat 08:00-20:00");

        var paused = BusinessClock.OpenTimeBetween(At(2026, 11, 21, 10, 0), At(2026, 11, 23, 10, 0), hours, Paris);

        Assert.Equal(TimeSpan.FromHours(12), paused);
    }

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Paris.GetUtcOffset(local)).ToUniversalTime();
    }
}
