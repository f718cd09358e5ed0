using Comptoir.Features.Conversations;
using Comptoir.Features.ServiceLevels;
using Comptoir.Platform.Data;
using Comptoir.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Routing;

/// <summary>
/// The reference data every contact is routed with (activities, stores, sites, queues, rules, service
/// levels), read once and kept for <see cref="MaxAge"/>, so that ingesting a contact costs no lookup of it.
/// Edits call <see cref="Invalidate"/>; other instances see them within <see cref="MaxAge"/>.
/// </summary>
public sealed class RoutingCatalog(IServiceScopeFactory scopes, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private const int ClosedDaysLookBack = 400;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Snapshot? _snapshot;

    public void Invalidate() => _snapshot = null;

    public void Dispose() => _gate.Dispose();

    public async Task<Snapshot> GetAsync(CancellationToken cancellationToken)
    {
        var current = _snapshot;
        if (current is not null && time.GetUtcNow() - current.LoadedAt < MaxAge)
        {
            return current;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            current = _snapshot;
            if (current is null || time.GetUtcNow() - current.LoadedAt >= MaxAge)
            {
                await using var scope = scopes.CreateAsyncScope();
                current = await LoadAsync(scope.ServiceProvider.GetRequiredService<ComptoirDbContext>(), cancellationToken);
                _snapshot = current;
            }

            return current;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Reads the catalogue through a context the caller holds and keeps it, for a caller inside a transaction
    /// whose uncommitted reference data another connection could not see (demo data generation).
    /// </summary>
    public async Task<Snapshot> ReadAsync(ComptoirDbContext db, CancellationToken cancellationToken)
    {
        var snapshot = await LoadAsync(db, cancellationToken);
        _snapshot = snapshot;
        return snapshot;
    }

    /// <summary>Reads the catalogue through a context the caller holds, without keeping it (a change not committed yet).</summary>
    public Task<Snapshot> ReadWithoutKeepingAsync(ComptoirDbContext db, CancellationToken cancellationToken) => LoadAsync(db, cancellationToken);

    private async Task<Snapshot> LoadAsync(ComptoirDbContext db, CancellationToken cancellationToken)
    {
        var activities = await db.Activities.AsNoTracking().Select(a => new { a.Id, a.Code }).ToListAsync(cancellationToken);
        var countries = await db.Countries.AsNoTracking().Select(c => new { c.Id, c.Code, c.DefaultCulture, c.CallingCode }).ToListAsync(cancellationToken);
        var stores = await db.Stores.AsNoTracking().Select(s => new { s.Id, s.Code, s.CountryId, s.TimeZoneId, s.OpeningHours }).ToListAsync(cancellationToken);
        var sites = await db.ServiceSites.AsNoTracking()
            .Select(s => new { s.Id, s.TimeZoneId, s.ServiceHours, s.LocationCountryCode, Activities = s.Activities.Select(a => a.ActivityId).ToList() })
            .ToListAsync(cancellationToken);
        // Days from a year back: a clock paused that long ago still counts its pause without them.
        var since = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-ClosedDaysLookBack);
        var closed = await db.ClosedDays.AsNoTracking().Where(d => d.Date >= since)
            .Select(d => new { d.Date, d.CountryCode, d.SiteId, d.StoreId })
            .ToListAsync(cancellationToken);
        var byCountry = closed.Where(d => d.CountryCode != null).ToLookup(d => d.CountryCode!.ToUpperInvariant(), d => d.Date);
        var bySite = closed.Where(d => d.SiteId != null).ToLookup(d => d.SiteId!.Value, d => d.Date);
        var byStore = closed.Where(d => d.StoreId != null).ToLookup(d => d.StoreId!.Value, d => d.Date);
        var countryCodes = countries.ToDictionary(c => c.Id, c => c.Code.ToUpperInvariant());
        IReadOnlySet<DateOnly> Closed(string? country, IEnumerable<DateOnly> own)
        {
            var days = new HashSet<DateOnly>(own);
            if (country is not null)
            {
                days.UnionWith(byCountry[country.ToUpperInvariant()]);
            }

            return days.Count == 0 ? BusinessCalendar.NoClosedDays : days;
        }

        var queues = await db.Queues.AsNoTracking()
            .Select(q => new QueueInfo(q.Id, q.Code, q.ActivityId, q.Language, q.HomeSites.Select(h => h.SiteId).ToList()))
            .ToListAsync(cancellationToken);
        var rules = await db.RoutingRules.AsNoTracking().Where(r => r.Enabled).OrderBy(r => r.Order).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var policies = await db.ServiceLevelPolicies.AsNoTracking().ToListAsync(cancellationToken);

        return new Snapshot
        {
            LoadedAt = time.GetUtcNow(),
            ActivityByCode = activities.ToDictionary(a => a.Code, a => a.Id, StringComparer.OrdinalIgnoreCase),
            Countries = countries.ToDictionary(c => c.Id, c => new CountryInfo(c.Id, c.Code, c.DefaultCulture[..2], c.CallingCode)),
            Stores = stores.ToDictionary(s => s.Id, s => new StoreInfo(
                s.Id, s.Code, s.CountryId,
                new BusinessCalendar(Hours(s.OpeningHours), BusinessClock.Zone(s.TimeZoneId), Closed(countryCodes.GetValueOrDefault(s.CountryId), byStore[s.Id])))),
            StoreByCode = stores.ToDictionary(s => s.Code, s => s.Id, StringComparer.OrdinalIgnoreCase),
            Sites = sites.ToDictionary(s => s.Id, s => new SiteInfo(
                s.Id, new BusinessCalendar(Hours(s.ServiceHours), BusinessClock.Zone(s.TimeZoneId), Closed(s.LocationCountryCode, bySite[s.Id])), s.Activities)),
            Queues = queues.ToDictionary(q => q.Id),
            Rules = rules,
            Policies = policies,
        };
    }

    private static WeeklyHours Hours(string text) => WeeklyHours.TryParse(text, out var hours, out _) ? hours : WeeklyHours.AlwaysOpen;

    public sealed record CountryInfo(int Id, string Code, string Language, string CallingCode);

    public sealed record StoreInfo(int Id, string Code, int CountryId, BusinessCalendar Calendar);

    public sealed record SiteInfo(int Id, BusinessCalendar Calendar, IReadOnlyList<int> ActivityIds);

    public sealed record QueueInfo(int Id, string Code, int ActivityId, string? Language, IReadOnlyList<int> HomeSiteIds);

    public sealed class Snapshot
    {
        public DateTimeOffset LoadedAt { get; init; }

        public required IReadOnlyDictionary<string, int> ActivityByCode { get; init; }

        public required IReadOnlyDictionary<int, CountryInfo> Countries { get; init; }

        public required IReadOnlyDictionary<int, StoreInfo> Stores { get; init; }

        public required IReadOnlyDictionary<string, int> StoreByCode { get; init; }

        public required IReadOnlyDictionary<int, SiteInfo> Sites { get; init; }

        public required IReadOnlyDictionary<int, QueueInfo> Queues { get; init; }

        public required IReadOnlyList<RoutingRule> Rules { get; init; }

        public required IReadOnlyList<ServiceLevelPolicy> Policies { get; init; }

        /// <summary>The queue a contact goes to: the first matching rule's, else its activity's default queue.</summary>
        public int RouteQueue(Channel channel, int activityId, string language, int? countryId, int? storeId)
        {
            if (MatchingRule(channel, activityId, language, countryId, storeId) is { } rule)
            {
                return rule.QueueId;
            }

            var fallback = Queues.Values.Where(q => q.ActivityId == activityId)
                .OrderBy(q => q.Language is null ? 0 : 1).ThenBy(q => q.Id).FirstOrDefault();
            return fallback?.Id
                   ?? throw new InvalidOperationException($"No queue serves activity {activityId}: create one before taking its contacts.");
        }

        /// <summary>
        /// The first enabled rule a contact matches, whose queue exists; null when none does and the contact goes
        /// to its activity's default queue. Shown to administrators to check a rule before relying on it.
        /// </summary>
        public RoutingRule? MatchingRule(Channel channel, int activityId, string language, int? countryId, int? storeId)
        {
            foreach (var rule in Rules)
            {
                if ((rule.Channel is null || rule.Channel == channel)
                    && (rule.ActivityId is null || rule.ActivityId == activityId)
                    && (rule.Language is null || string.Equals(rule.Language, language, StringComparison.OrdinalIgnoreCase))
                    && (rule.CountryId is null || rule.CountryId == countryId)
                    && (rule.StoreId is null || rule.StoreId == storeId)
                    && Queues.ContainsKey(rule.QueueId))
                {
                    return rule;
                }
            }

            return null;
        }

        /// <summary>The most specific service level for a channel and activity.</summary>
        public ServiceLevelPolicy? PolicyFor(Channel channel, int activityId) => ServiceLevelPolicy.MostSpecific(Policies, channel, activityId);

        /// <summary>
        /// Opening hours and closed days the clocks run in: the store's when a store is concerned, else the queue's
        /// home site's.
        /// </summary>
        public BusinessCalendar ClockFor(int? storeId, int queueId)
        {
            if (storeId is { } store && Stores.TryGetValue(store, out var info))
            {
                return info.Calendar;
            }

            if (Queues.TryGetValue(queueId, out var queue) && queue.HomeSiteIds.Count > 0 && Sites.TryGetValue(queue.HomeSiteIds[0], out var site))
            {
                return site.Calendar;
            }

            return new BusinessCalendar(WeeklyHours.AlwaysOpen, BusinessClock.Zone(null), BusinessCalendar.NoClosedDays);
        }
    }
}
