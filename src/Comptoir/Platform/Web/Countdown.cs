using System.Globalization;

namespace Comptoir.Platform.Web;

/// <summary>How long until a deadline, as a clock shows it ("2 h 05", "-0 h 12" once passed), and its state.</summary>
public static class Countdown
{
    public static string Remaining(DateTimeOffset due, DateTimeOffset now)
    {
        var left = due - now;
        var sign = left < TimeSpan.Zero ? "-" : "";
        var abs = left.Duration();
        return abs.TotalHours >= 48
            ? string.Create(CultureInfo.InvariantCulture, $"{sign}{(int)abs.TotalDays} j {abs.Hours} h")
            : string.Create(CultureInfo.InvariantCulture, $"{sign}{(int)abs.TotalHours} h {abs.Minutes:00}");
    }

    /// <summary>"breached" past the deadline, "warning" within <paramref name="warning"/> of it, else "ok".</summary>
    public static string State(DateTimeOffset due, DateTimeOffset now, TimeSpan warning) =>
        now >= due ? "breached" : due - now <= warning ? "warning" : "ok";
}
