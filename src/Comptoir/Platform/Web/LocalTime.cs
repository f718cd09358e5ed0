using System.Globalization;

namespace Comptoir.Platform.Web;

/// <summary>Instants are stored in UTC and shown in the time zone of the store or site they concern.</summary>
public static class LocalTime
{
    public const string DefaultZone = "Europe/Paris";

    public static DateTimeOffset In(DateTimeOffset utc, string? timeZoneId)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId ?? DefaultZone, out var found)
            ? found
            : TimeZoneInfo.FindSystemTimeZoneById(DefaultZone);
        return TimeZoneInfo.ConvertTime(utc, zone);
    }

    public static string Format(DateTimeOffset utc, string? timeZoneId) =>
        In(utc, timeZoneId).ToString("g", CultureInfo.CurrentCulture);

    /// <summary>The wall-clock time at a place now, e.g. for "it is 14:05 in Dakar".</summary>
    public static string Now(string? timeZoneId, TimeProvider time) =>
        In(time.GetUtcNow(), timeZoneId).ToString("t", CultureInfo.CurrentCulture);
}
