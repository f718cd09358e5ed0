using Comptoir.Platform.Data;
using Comptoir.Platform.Localization;
using Comptoir.Platform.Time;
using Comptoir.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Comptoir.Features.Causes.Digests;

/// <summary>
/// Every minute, produces each digest that is due: the group's once 10:00 has passed in Paris, each
/// country's once 10:00 has passed in its own time zone. Several instances may try at once; the unique
/// (scope, scope id, day) index lets one succeed, and only that one mails the subscribers. After a new
/// digest, the causes of the current top lists become the priority.
/// </summary>
public sealed partial class ProduceDigests(
    IServiceScopeFactory scopes,
    CauseClassifier classifier,
    IStringLocalizer<Texts> t,
    IConfiguration configuration,
    IOptions<CauseOptions> options,
    TimeProvider time,
    ILogger<ProduceDigests> logger) : BackgroundService
{
    public const string GroupTimeZone = "Europe/Paris";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicJobs.RunEveryAsync(configuration, TimeSpan.FromMinutes(1), time, RunOnceAsync, e => LogFailed(logger, e), stoppingToken);

    /// <summary>Produces the digests due now that no instance has produced yet; returns how many this call produced.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComptoirDbContext>();
        var targets = new List<(CauseScope Scope, int ScopeId, string TimeZoneId)> { (CauseScope.Group, 0, GroupTimeZone) };
        targets.AddRange((await db.Countries.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.TimeZoneId }).ToListAsync(cancellationToken))
            .Select(c => (CauseScope.Country, c.Id, c.TimeZoneId)));

        var produced = 0;
        foreach (var (digestScope, scopeId, timeZoneId) in targets)
        {
            if (DigestWindow.DueDate(now, options.Value.DigestAt, BusinessClock.Zone(timeZoneId)) is not { } day
                || await db.CauseDigests.AnyAsync(d => d.Scope == digestScope && d.ScopeId == scopeId && d.LocalDate == day, cancellationToken))
            {
                continue;
            }

            var digest = await ProduceDigest.BuildAsync(db, digestScope, scopeId, timeZoneId, day, options.Value, now, cancellationToken);
            db.CauseDigests.Add(digest);
            var mails = await DigestMails.AddAsync(db, digest, t, now, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another instance produced it a moment ago, and mailed it: exactly once.
                db.ChangeTracker.Clear();
                continue;
            }

            db.ChangeTracker.Clear();
            produced++;
            LogProduced(logger, digestScope, scopeId, day, digest.TotalContacts, digest.Entries.Count, mails);
        }

        if (produced > 0)
        {
            var priority = await CausePriorities.RefreshAsync(db, now, cancellationToken);
            classifier.Invalidate();
            LogPriorities(logger, priority.Count);
        }

        return produced;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest {Scope} {ScopeId} of {Day}: {Total} contacts, {Entries} causes, {Mails} mails")]
    private static partial void LogProduced(ILogger logger, CauseScope scope, int scopeId, DateOnly day, int total, int entries, int mails);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} causes are now priority")]
    private static partial void LogPriorities(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Producing the digests failed; it will try again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
