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

    [Theory]
    [InlineData(2023, 4, 16)]
    [InlineData(2024, 5, 5)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 12)]
    [InlineData(2027, 5, 2)]
    public void Orthodox_easter_is_computed_in_the_gregorian_calendar(int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), PublicHolidays.OrthodoxEasterSunday(year));
    }

    [Fact]
    public void Orthodox_easter_is_a_sunday_in_any_year_across_the_century_changes_of_the_calendar_gap()
    {
        var years = Enumerable.Range(1583, 1000).ToList();
        var thisCentury = Enumerable.Range(1900, 200).ToList();

        Assert.All(years, year => Assert.Equal(DayOfWeek.Sunday, PublicHolidays.OrthodoxEasterSunday(year).DayOfWeek));
        // The same day as Western Easter, or one, four or five weeks later.
        Assert.All(thisCentury, year => Assert.True(PublicHolidays.OrthodoxEasterSunday(year).DayNumber - PublicHolidays.EasterSunday(year).DayNumber is 0 or 7 or 28 or 35));
        // Julian 18 April 2100 is 2 May: a gap of 14 days from March 2100, of 13 before.
        Assert.Equal(new DateOnly(2100, 5, 2), PublicHolidays.OrthodoxEasterSunday(2100));
    }

    [Fact]
    public void Romania_has_the_labour_code_holidays_with_those_that_follow_orthodox_easter()
    {
        var days = PublicHolidays.Of("ro", 2026);

        Assert.Equal(
            ["01-01", "01-02", "01-06", "01-07", "01-24", "04-10", "04-12", "04-13", "05-01", "05-31", "06-01", "08-15", "11-30", "12-01", "12-25", "12-26"],
            days.Select(d => Day(d.Date)));
        Assert.Equal("Ziua Copilului / A doua zi de Rusalii", days.Single(d => d.Date == new DateOnly(2026, 6, 1)).Name);
        Assert.DoesNotContain(PublicHolidays.Of("RO", 2023), d => Day(d.Date) is "01-06" or "01-07");
    }

    [Fact]
    public void Brazil_has_the_federal_holidays_with_carnival_and_corpus_christi_and_black_consciousness_day_from_2024()
    {
        var days = PublicHolidays.Of("BR", 2026).Select(d => Day(d.Date));

        Assert.Equal(["01-01", "02-16", "02-17", "04-03", "04-21", "05-01", "06-04", "09-07", "10-12", "11-02", "11-15", "11-20", "12-25"], days);
        Assert.DoesNotContain(PublicHolidays.Of("BR", 2023), d => Day(d.Date) == "11-20");
        Assert.Contains(PublicHolidays.Of("BR", 2024), d => Day(d.Date) == "11-20");
    }

    [Theory]
    [InlineData(2026, "Paso a la Inmortalidad del General José de San Martín", 8, 17)]
    [InlineData(2025, "Día del Respeto a la Diversidad Cultural", 10, 12)]
    [InlineData(2025, "Día de la Soberanía Nacional", 11, 24)]
    [InlineData(2026, "Paso a la Inmortalidad del General Martín Miguel de Güemes", 6, 15)]
    [InlineData(2026, "Día de la Soberanía Nacional", 11, 23)]
    [InlineData(2022, "Paso a la Inmortalidad del General Martín Miguel de Güemes", 6, 17)]
    public void Argentina_moves_its_movable_holidays_to_a_monday(int year, string name, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), PublicHolidays.Of("AR", year).Single(d => d.Name == name).Date);
    }

    [Fact]
    public void Argentina_keeps_its_fixed_holidays_where_they_fall()
    {
        var days = PublicHolidays.Of("AR", 2026).Select(d => Day(d.Date));

        Assert.Equal(["01-01", "02-16", "02-17", "03-24", "04-02", "04-03", "05-01", "05-25", "06-15", "06-20", "07-09", "08-17", "10-12", "11-23", "12-08", "12-25"], days);
    }

    [Theory]
    [InlineData(2023, "農曆除夕", 1, 21)]
    [InlineData(2023, "春節（正月初一）", 1, 22)]
    [InlineData(2025, "農曆除夕", 1, 28)]
    [InlineData(2025, "春節（正月初一）", 1, 29)]
    [InlineData(2025, "春節（正月初三）", 1, 31)]
    [InlineData(2026, "農曆除夕", 2, 16)]
    [InlineData(2026, "春節（正月初一）", 2, 17)]
    [InlineData(2023, "端午節", 6, 22)]
    [InlineData(2025, "端午節", 5, 31)]
    [InlineData(2026, "端午節", 6, 19)]
    [InlineData(2020, "端午節", 6, 25)]
    [InlineData(2023, "中秋節", 9, 29)]
    [InlineData(2025, "中秋節", 10, 6)]
    [InlineData(2026, "中秋節", 9, 25)]
    [InlineData(2020, "中秋節", 10, 1)]
    public void Taiwan_reads_its_festivals_in_the_lunar_calendar_leap_months_included(int year, string name, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), PublicHolidays.Of("TW", year).Single(d => d.Name == name).Date);
    }

    [Theory]
    [InlineData(2024, 4)]
    [InlineData(2025, 4)]
    [InlineData(2026, 5)]
    [InlineData(2005, 5)]
    [InlineData(2009, 4)]
    [InlineData(2099, 4)]
    public void Qingming_is_the_fourth_or_fifth_of_april(int year, int day)
    {
        Assert.Equal(new DateOnly(year, 4, day), PublicHolidays.Qingming(year));
    }

    [Theory]
    [InlineData(2025, 3)]
    [InlineData(2024, 5)]
    [InlineData(2026, 4)]
    public void Taiwan_takes_childrens_day_next_to_qingming_when_they_coincide(int year, int day)
    {
        Assert.Equal(new DateOnly(year, 4, day), PublicHolidays.Of("TW", year).Single(d => d.Name == "兒童節").Date);
    }

    [Fact]
    public void Taiwan_has_the_holidays_added_in_2025_from_then_on()
    {
        var days = PublicHolidays.Of("TW", 2026).Select(d => Day(d.Date));

        Assert.Equal(["01-01", "02-15", "02-16", "02-17", "02-18", "02-19", "02-28", "04-04", "04-05", "05-01", "06-19", "09-25", "09-28", "10-10", "10-25", "12-25"], days);
        Assert.DoesNotContain(PublicHolidays.Of("TW", 2024), d => Day(d.Date) is "09-28" or "10-25" or "12-25");
        Assert.Equal(12, PublicHolidays.Of("TW", 2024).Count);
        Assert.Equal(15, PublicHolidays.Of("TW", 2025).Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => PublicHolidays.Of("TW", 2100));
    }

    [Fact]
    public void Every_country_closes_each_day_once_in_date_order_with_a_name_that_fits()
    {
        foreach (var country in PublicHolidays.Countries)
        {
            for (var year = 2000; year <= 2099; year++)
            {
                var days = PublicHolidays.Of(country, year);

                Assert.Equal(days.Count, days.Select(d => d.Date).Distinct().Count());
                Assert.Equal(days.OrderBy(d => d.Date), days);
                Assert.All(days, d => Assert.Equal(year, d.Date.Year));
                Assert.All(days, d => Assert.InRange(d.Name.Length, 1, 120));
            }
        }

        // Ascension on 1 May, Good Friday on Malvinas day.
        Assert.Equal("Fête du Travail / Ascension", PublicHolidays.Of("FR", 2008).Single(d => d.Date == new DateOnly(2008, 5, 1)).Name);
        Assert.Contains(" / Viernes Santo", PublicHolidays.Of("AR", 2021).Single(d => d.Date == new DateOnly(2021, 4, 2)).Name, StringComparison.Ordinal);
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

    private static string Day(DateOnly date) => date.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Paris.GetUtcOffset(local)).ToUniversalTime();
    }
}
