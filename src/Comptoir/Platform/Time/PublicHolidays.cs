namespace Comptoir.Platform.Time;

/// <summary>
/// The national public holidays of the group's European countries, fixed or following Easter (computed,
/// never written down per year). Regional holidays (Alsace-Moselle, Spanish communities) and countries whose
/// holidays follow other calendars are entered by an administrator as closed days.
/// </summary>
public static class PublicHolidays
{
    /// <summary>Countries whose public holidays are known here.</summary>
    public static readonly IReadOnlyList<string> Countries = ["FR", "BE", "ES", "IT", "PL"];

    /// <summary>The public holidays of a country in a year, in date order; none for a country not known here.</summary>
    public static IReadOnlyList<(DateOnly Date, string Name)> Of(string countryCode, int year)
    {
        var easter = EasterSunday(year);
        DateOnly On(int month, int day) => new(year, month, day);
        List<(DateOnly, string)> days = countryCode.ToUpperInvariant() switch
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
            _ => [],
        };
        return [.. days.OrderBy(d => d.Item1)];
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
}
