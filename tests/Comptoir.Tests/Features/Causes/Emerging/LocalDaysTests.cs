using Comptoir.Features.Causes.Emerging;

namespace Comptoir.Tests.Features.Causes.Emerging;

public sealed class LocalDaysTests
{
    [Fact]
    public void A_day_runs_from_local_midnight_to_local_midnight_in_its_own_time_zone()
    {
        var taipei = TimeZoneInfo.FindSystemTimeZoneById("Asia/Taipei");
        var saoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

        Assert.Equal((At(2026, 10, 9, 16), At(2026, 10, 10, 16)), LocalDays.Window(new DateOnly(2026, 10, 10), taipei));
        Assert.Equal((At(2026, 10, 10, 3), At(2026, 10, 11, 3)), LocalDays.Window(new DateOnly(2026, 10, 10), saoPaulo));
        // The day clocks go back in Paris lasts 25 hours.
        Assert.Equal((At(2026, 10, 24, 22), At(2026, 10, 25, 23)), LocalDays.Window(new DateOnly(2026, 10, 25), paris));
        Assert.Equal(new DateOnly(2026, 10, 10), LocalDays.Of(At(2026, 10, 9, 18), taipei));
        Assert.Equal(new DateOnly(2026, 10, 9), LocalDays.Of(At(2026, 10, 10, 2), saoPaulo));
    }

    [Fact]
    public void A_day_whose_midnight_a_clock_change_skips_starts_at_its_first_minute()
    {
        // Chile moves to summer time at midnight: 6 September 2026 begins at 01:00, UTC−3.
        var santiago = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");

        var (from, to) = LocalDays.Window(new DateOnly(2026, 9, 6), santiago);

        Assert.Equal(At(2026, 9, 6, 4), from);
        Assert.Equal(At(2026, 9, 7, 3), to);
    }

    private static DateTimeOffset At(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);
}
