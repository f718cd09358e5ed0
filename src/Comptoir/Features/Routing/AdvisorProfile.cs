namespace Comptoir.Features.Routing;

public enum Presence
{
    Offline,
    Available,
    Away,
}

/// <summary>
/// What an advisor can take: activities and languages (skills), working hours in their site's time zone,
/// and how much at once (one call, or a few written conversations).
/// </summary>
public sealed class AdvisorProfile
{
    public int StaffMemberId { get; set; }

    public List<int> ActivityIds { get; set; } = [];

    /// <summary>Two-letter languages, e.g. ["fr", "en"].</summary>
    public List<string> Languages { get; set; } = [];

    /// <summary>Weekly hours, e.g. "Mon-Fri 08:00-16:00; Sat 09:00-13:00" (see <see cref="Platform.Time.WeeklyHours"/>).</summary>
    public required string WorkingHours { get; set; }

    public int CallCapacity { get; set; } = 1;

    public int WrittenCapacity { get; set; } = 3;

    public Presence Presence { get; set; }

    public DateTimeOffset? PresenceSince { get; set; }
}
