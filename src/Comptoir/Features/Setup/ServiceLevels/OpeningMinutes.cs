using System.Globalization;

namespace Comptoir.Features.Setup.ServiceLevels;

public static class OpeningMinutes
{
    /// <summary>240 as "4 h", 90 as "1 h 30", 45 as "45 min": targets are thought of in hours.</summary>
    public static string Format(int minutes) => minutes switch
    {
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{minutes} min"),
        _ when minutes % 60 == 0 => string.Create(CultureInfo.InvariantCulture, $"{minutes / 60} h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{minutes / 60} h {minutes % 60:00}"),
    };
}
