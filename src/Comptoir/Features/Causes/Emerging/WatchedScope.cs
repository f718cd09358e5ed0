using Comptoir.Features.Causes.Digests;
using Comptoir.Platform.Data;
using Comptoir.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Causes.Emerging;

/// <summary>
/// A scope emerging irritants are looked for in, with the time zone its days follow: the group's are Paris
/// days, like its digest; each country's are its own; contacts of no known country (country 0) follow the group.
/// </summary>
public sealed record WatchedScope(CauseScope Scope, int ScopeId, string TimeZoneId)
{
    public static readonly WatchedScope Group = new(CauseScope.Group, 0, ProduceDigests.GroupTimeZone);

    public TimeZoneInfo Zone { get; } = BusinessClock.Zone(TimeZoneId);

    /// <summary>The group, every country, then contacts of no known country.</summary>
    public static async Task<IReadOnlyList<WatchedScope>> ListAsync(ComptoirDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var countries = await db.Countries.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.TimeZoneId }).ToListAsync(cancellationToken);
        return
        [
            Group,
            .. countries.Select(c => new WatchedScope(CauseScope.Country, c.Id, c.TimeZoneId)),
            new WatchedScope(CauseScope.Country, 0, ProduceDigests.GroupTimeZone),
        ];
    }

    /// <summary>The scope's local date at <paramref name="instant"/>.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => LocalDays.Of(instant, Zone);

    /// <summary>The UTC instants of one of the scope's local days.</summary>
    public (DateTimeOffset From, DateTimeOffset To) Window(DateOnly day) => LocalDays.Window(day, Zone);
}
