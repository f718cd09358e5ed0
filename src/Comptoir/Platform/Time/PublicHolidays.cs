using System.Globalization;

namespace Comptoir.Platform.Time;

/// <summary>
/// The national public holidays of the group's countries, computed for any year, never written down per year: fixed
/// dates, days that follow Western Easter or Orthodox Easter (Romania), Argentina's movable holidays, Taiwan's lunar
/// festivals and solar term. The lists are those of the laws in force; holidays instituted recently are dated (Romania's
/// 6 and 7 January from 2024, Brazil's 20 November from 2024, Taiwan's additions of 2025), older changes are not. Two
/// holidays on the same day close it once, under both names. Regional holidays (Alsace-Moselle, Spanish communities,
/// Brazilian states and cities, Argentine provinces), days off decreed year by year (Argentina's bridge days, Taiwan's
/// adjusted days off and make-up working days) and Taiwan's observed days (a holiday on a Saturday is made up the
/// working day before, on a Sunday the working day after, the Lunar New Year days the working days after) are entered
/// by an administrator as closed days.
/// </summary>
public static class PublicHolidays
{
    /// <summary>Countries whose public holidays are known here.</summary>
    public static readonly IReadOnlyList<string> Countries = ["FR", "BE", "ES", "IT", "PL", "RO", "BR", "AR", "TW"];

    /// <summary>The lunisolar calendar of China and Taiwan (both reckon it at UTC+8), 1901 to 2100.</summary>
    private static readonly ChineseLunisolarCalendar Lunar = new();

    /// <summary>
    /// The years <see cref="Of"/> computes a country's holidays for: 2000 to 2099 for Taiwan (the Qingming formula,
    /// see <see cref="Qingming"/>), any Gregorian year for the others.
    /// </summary>
    public static (int First, int Last) YearsOf(string countryCode) =>
        string.Equals(countryCode, "TW", StringComparison.OrdinalIgnoreCase) ? (2000, 2099) : (1583, 9999);

    /// <summary>
    /// The public holidays of a country in a year, in date order, one entry per day (the names of two holidays falling
    /// on the same day are joined); none for a country not known here.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside <see cref="YearsOf"/> for Taiwan.</exception>
    public static IReadOnlyList<(DateOnly Date, string Name)> Of(string countryCode, int year)
    {
        var easter = EasterSunday(year);
        DateOnly On(int month, int day) => new(year, month, day);
        List<(DateOnly Date, string Name)> days = countryCode.ToUpperInvariant() switch
        {
            "FR" =>
            [
                (On(1, 1), "Jour de l'an"), (easter.AddDays(1), "Lundi de Pâques"), (On(5, 1), "Fête du Travail"),
                (On(5, 8), "Victoire 1945"), (easter.AddDays(39), "Ascension"), (easter.AddDays(50), "Lundi de Pentecôte"),
                (On(7, 14), "Fête nationale"), (On(8, 15), "Assomption"), (On(11, 1), "Toussaint"),
                (On(11, 11), "Armistice 1918"), (On(12, 25), "Noël"),
            ],
            "BE" =>
            [
                (On(1, 1), "Nouvel an"), (easter.AddDays(1), "Lundi de Pâques"), (On(5, 1), "Fête du Travail"),
                (easter.AddDays(39), "Ascension"), (easter.AddDays(50), "Lundi de Pentecôte"), (On(7, 21), "Fête nationale"),
                (On(8, 15), "Assomption"), (On(11, 1), "Toussaint"), (On(11, 11), "Armistice"), (On(12, 25), "Noël"),
            ],
            "ES" =>
            [
                (On(1, 1), "Año Nuevo"), (On(1, 6), "Epifanía del Señor"), (easter.AddDays(-2), "Viernes Santo"),
                (On(5, 1), "Fiesta del Trabajo"), (On(8, 15), "Asunción de la Virgen"), (On(10, 12), "Fiesta Nacional de España"),
                (On(11, 1), "Todos los Santos"), (On(12, 6), "Día de la Constitución"), (On(12, 8), "Inmaculada Concepción"),
                (On(12, 25), "Navidad"),
            ],
            "IT" =>
            [
                (On(1, 1), "Capodanno"), (On(1, 6), "Epifania"), (easter.AddDays(1), "Lunedì dell'Angelo"),
                (On(4, 25), "Festa della Liberazione"), (On(5, 1), "Festa del Lavoro"), (On(6, 2), "Festa della Repubblica"),
                (On(8, 15), "Ferragosto"), (On(11, 1), "Ognissanti"), (On(12, 8), "Immacolata Concezione"),
                (On(12, 25), "Natale"), (On(12, 26), "Santo Stefano"),
            ],
            "PL" =>
            [
                (On(1, 1), "Nowy Rok"), (On(1, 6), "Trzech Króli"), (easter, "Wielkanoc"), (easter.AddDays(1), "Poniedziałek Wielkanocny"),
                (On(5, 1), "Święto Pracy"), (On(5, 3), "Święto Konstytucji 3 Maja"), (easter.AddDays(49), "Zielone Świątki"),
                (easter.AddDays(60), "Boże Ciało"), (On(8, 15), "Wniebowzięcie Najświętszej Maryi Panny"), (On(11, 1), "Wszystkich Świętych"),
                (On(11, 11), "Narodowe Święto Niepodległości"), (On(12, 25), "Boże Narodzenie"), (On(12, 26), "Drugi dzień Bożego Narodzenia"),
            ],
            "RO" => Romania(year),
            "BR" => Brazil(year, easter),
            "AR" => Argentina(year, easter),
            "TW" => Taiwan(year),
            _ => [],
        };

        // Ascension on 1 May, Rusalii Monday on 1 June, Good Friday on 2 April...: a day is closed once.
        return [.. days.GroupBy(d => d.Date).OrderBy(g => g.Key).Select(g => (g.Key, string.Join(" / ", g.Select(d => d.Name))))];
    }

    /// <summary>
    /// Romania, Labour Code art. 139 (1) a) to m); the days of n), two per feast for the members of non-Christian
    /// denominations, are each person's, not closures. Easter and Pentecost (Rusalii) follow Orthodox Easter.
    /// </summary>
    private static List<(DateOnly Date, string Name)> Romania(int year)
    {
        var easter = OrthodoxEasterSunday(year);
        DateOnly On(int month, int day) => new(year, month, day);
        List<(DateOnly Date, string Name)> days =
        [
            (On(1, 1), "Anul Nou"), (On(1, 2), "A doua zi de Anul Nou"), (On(1, 24), "Ziua Unirii Principatelor Române"),
            (easter.AddDays(-2), "Vinerea Mare"), (easter, "Paștele"), (easter.AddDays(1), "A doua zi de Paște"),
            (On(5, 1), "Ziua Muncii"), (On(6, 1), "Ziua Copilului"), (easter.AddDays(49), "Rusaliile"),
            (easter.AddDays(50), "A doua zi de Rusalii"), (On(8, 15), "Adormirea Maicii Domnului"),
            (On(11, 30), "Sfântul Apostol Andrei"), (On(12, 1), "Ziua Națională a României"), (On(12, 25), "Crăciunul"),
            (On(12, 26), "A doua zi de Crăciun"),
        ];

        // Epiphany and Saint John the Baptist, added to art. 139 in 2023: holidays from 2024.
        if (year >= 2024)
        {
            days.AddRange([(On(1, 6), "Bobotează"), (On(1, 7), "Sfântul Ioan Botezătorul")]);
        }

        return days;
    }

    /// <summary>
    /// Brazil, Laws 662/1949, 6.802/1980 and 14.759/2023. Good Friday is a holiday by municipal law (Law 9.093/1995) in
    /// practice everywhere; Carnival Monday and Tuesday and Corpus Christi are only "ponto facultativo" federally (days
    /// off for civil servants, holidays in some states and cities) but shops and service centres close in practice, so
    /// they are included.
    /// </summary>
    private static List<(DateOnly Date, string Name)> Brazil(int year, DateOnly easter)
    {
        DateOnly On(int month, int day) => new(year, month, day);
        List<(DateOnly Date, string Name)> days =
        [
            (On(1, 1), "Confraternização Universal"), (easter.AddDays(-48), "Segunda-feira de Carnaval"),
            (easter.AddDays(-47), "Terça-feira de Carnaval"), (easter.AddDays(-2), "Sexta-feira da Paixão"),
            (On(4, 21), "Tiradentes"), (On(5, 1), "Dia do Trabalho"), (easter.AddDays(60), "Corpus Christi"),
            (On(9, 7), "Independência do Brasil"), (On(10, 12), "Nossa Senhora Aparecida"), (On(11, 2), "Finados"),
            (On(11, 15), "Proclamação da República"), (On(12, 25), "Natal"),
        ];

        // Law 14.759/2023: a national holiday from 2024 (a state or city holiday in some places before).
        if (year >= 2024)
        {
            days.Add((On(11, 20), "Dia Nacional de Zumbi e da Consciência Negra"));
        }

        return days;
    }

    /// <summary>
    /// Argentina, Law 27.399: the fixed holidays (art. 2) and the movable ones moved by art. 6, from a Tuesday or a
    /// Wednesday to the Monday before, from a Thursday or a Friday to the Monday after. A movable holiday that would
    /// land on a fixed one stays on its date: 17 June on a Friday (Monday 20 June is Belgrano's day), as in 2022. The
    /// government may decree other dates for a year, and adds bridge days ("feriados con fines turísticos"); those are
    /// entered by an administrator.
    /// </summary>
    private static List<(DateOnly Date, string Name)> Argentina(int year, DateOnly easter)
    {
        DateOnly On(int month, int day) => new(year, month, day);
        List<(DateOnly Date, string Name)> days =
        [
            (On(1, 1), "Año Nuevo"), (easter.AddDays(-48), "Lunes de Carnaval"), (easter.AddDays(-47), "Martes de Carnaval"),
            (On(3, 24), "Día Nacional de la Memoria por la Verdad y la Justicia"),
            (On(4, 2), "Día del Veterano y de los Caídos en la Guerra de Malvinas"), (easter.AddDays(-2), "Viernes Santo"),
            (On(5, 1), "Día del Trabajador"), (On(5, 25), "Día de la Revolución de Mayo"),
            (On(6, 20), "Paso a la Inmortalidad del General Manuel Belgrano"), (On(7, 9), "Día de la Independencia"),
            (On(12, 8), "Inmaculada Concepción de María"), (On(12, 25), "Navidad"),
        ];
        var fixedDays = days.Select(d => d.Date).ToHashSet();
        (DateOnly, string) Movable(int month, int day, string name)
        {
            var date = On(month, day);
            var moved = date.AddDays(date.DayOfWeek switch
            {
                DayOfWeek.Tuesday => -1,
                DayOfWeek.Wednesday => -2,
                DayOfWeek.Thursday => 4,
                DayOfWeek.Friday => 3,
                _ => 0,
            });
            return (fixedDays.Contains(moved) ? date : moved, name);
        }

        days.AddRange(
        [
            Movable(6, 17, "Paso a la Inmortalidad del General Martín Miguel de Güemes"),
            Movable(8, 17, "Paso a la Inmortalidad del General José de San Martín"),
            Movable(10, 12, "Día del Respeto a la Diversidad Cultural"),
            Movable(11, 20, "Día de la Soberanía Nacional"),
        ]);
        return days;
    }

    /// <summary>
    /// Taiwan, Act on the Implementation of Commemoration Days and Holidays (紀念日及節日實施條例, 2025) and the rules
    /// before it. When Qingming falls on 4 April, Children's Day is taken on 3 April, or on 5 April when 4 April is a
    /// Thursday. Teachers' Day, Retrocession Day and Constitution Day are holidays from 2025, the day before the Lunar
    /// New Year's Eve from 2026. Observed days are not computed (see the class).
    /// </summary>
    private static List<(DateOnly Date, string Name)> Taiwan(int year)
    {
        var (first, last) = YearsOf("TW");
        ArgumentOutOfRangeException.ThrowIfLessThan(year, first);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, last);
        DateOnly On(int month, int day) => new(year, month, day);
        var newYear = ChineseLunarDate(year, 1, 1);
        var qingming = Qingming(year);
        var children = On(4, 4);
        if (children == qingming)
        {
            children = children.AddDays(children.DayOfWeek == DayOfWeek.Thursday ? 1 : -1);
        }

        List<(DateOnly Date, string Name)> days =
        [
            (On(1, 1), "中華民國開國紀念日"), (newYear.AddDays(-1), "農曆除夕"), (newYear, "春節（正月初一）"),
            (newYear.AddDays(1), "春節（正月初二）"), (newYear.AddDays(2), "春節（正月初三）"), (On(2, 28), "和平紀念日"),
            (children, "兒童節"), (qingming, "民族掃墓節"), (On(5, 1), "勞動節"), (ChineseLunarDate(year, 5, 5), "端午節"),
            (ChineseLunarDate(year, 8, 15), "中秋節"), (On(10, 10), "國慶日"),
        ];
        if (year >= 2025)
        {
            days.AddRange([(On(9, 28), "孔子誕辰紀念日"), (On(10, 25), "臺灣光復暨金門古寧頭大捷紀念日"), (On(12, 25), "行憲紀念日")]);
        }

        if (year >= 2026)
        {
            days.Add((newYear.AddDays(-2), "農曆除夕前一日"));
        }

        return days;
    }

    /// <summary>
    /// The Gregorian date of a day of the Chinese lunar year that begins in a Gregorian year (.NET numbers lunar years
    /// so), month 1 to 12 as people count them: in a year with a leap month, <see cref="Calendar.GetLeapMonth(int)"/> is
    /// the calendar's number of that leap month (4 for a leap month after the third), and the months from it on are
    /// numbered one more.
    /// </summary>
    private static DateOnly ChineseLunarDate(int year, int month, int day)
    {
        var leapMonth = Lunar.GetLeapMonth(year);
        var calendarMonth = leapMonth != 0 && month >= leapMonth ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, calendarMonth, day, 0, 0, 0, 0));
    }

    /// <summary>
    /// Qingming, the day in Taiwan (UTC+8) the sun reaches 15° of ecliptic longitude: 4 or 5 April, by the usual formula
    /// for 2000 to 2099, day = ⌊Y × 0.2422 + 4.81⌋ − ⌊Y / 4⌋ with Y the year's last two digits (in integers here, so no
    /// rounding can shift it). It matches a computation of the sun's position for every year of the century; other
    /// centuries need other constants.
    /// </summary>
    public static DateOnly Qingming(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 2000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 2099);
        var y = year % 100;
        return new DateOnly(year, 4, (((y * 2422) + 48100) / 10000) - (y / 4));
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous algorithm, Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>
    /// Orthodox Easter Sunday, as a Gregorian date: Meeus's Julian algorithm gives it in the Julian calendar (22 March to
    /// 25 April), then the gap between the calendars that spring is added, ⌊Y / 100⌋ − ⌊Y / 400⌋ − 2 days (13 from
    /// March 1900 to February 2100, 14 after), which holds for any Gregorian year.
    /// </summary>
    public static DateOnly OrthodoxEasterSunday(int year)
    {
        var a = year % 4;
        var b = year % 7;
        var c = year % 19;
        var d = ((19 * c) + 15) % 30;
        var e = ((2 * a) + (4 * b) - d + 34) % 7;
        var month = (d + e + 114) / 31;
        var day = ((d + e + 114) % 31) + 1;
        return new DateOnly(year, month, day).AddDays((year / 100) - (year / 400) - 2);
    }
}
