using System.Globalization;
using Comptoir.Platform.Data;
using Comptoir.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Comptoir.Features.Causes.Emerging;

/// <summary>
/// Looks for emerging irritants through the day (every <see cref="EmergingJobOptions.CheckMinutes"/>): the
/// contacts of today so far, in the group and in each country, against each term's and cause's history, so
/// that a surge is flagged the day it starts. A day is the scope's own: Paris for the group, the country's
/// time zone for a country (<see cref="WatchedScope"/>). Each scope's finished days are first folded into its
/// histories (<see cref="FoldEmergingDays"/>).
/// </summary>
public sealed partial class WatchEmergingIrritants(
    IServiceScopeFactory scopes, IConfiguration configuration, IOptions<EmergingJobOptions> options, TimeProvider time, ILogger<WatchEmergingIrritants> logger)
    : BackgroundService
{
    private const int MaxVerbatims = 5;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicJobs.RunEveryAsync(configuration, TimeSpan.FromMinutes(Math.Max(1, options.Value.CheckMinutes)), time, RunOnceAsync, e => LogFailed(logger, e), stoppingToken);

    /// <summary>Folds each scope's finished days not yet folded, then flags today's surges; returns the flags raised by this call.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComptoirDbContext>();
        var targets = await WatchedScope.ListAsync(db, cancellationToken);
        var folding = new FoldEmergingDays(options.Value, logger);
        foreach (var target in targets)
        {
            await folding.CatchUpAsync(db, target, target.DayOf(now), cancellationToken);
        }

        var taxonomy = await TaxonomyAsync(db, now, cancellationToken);
        var raised = 0;
        foreach (var target in targets)
        {
            raised += await FlagTodayAsync(db, target, taxonomy, now, cancellationToken);
        }

        return raised;
    }

    /// <summary>What detection needs of the causes: the words of their names, those too young to have a history, their codes.</summary>
    private sealed record Taxonomy(IReadOnlySet<string> Words, IReadOnlySet<string> TooYoung, IReadOnlyDictionary<string, string> Codes);

    private async Task<Taxonomy> TaxonomyAsync(ComptoirDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var causes = await db.Causes.AsNoTracking().Select(c => new { c.Id, c.Code, c.Name, c.EnglishName, c.CreatedAt }).ToListAsync(cancellationToken);
        return new Taxonomy(
            causes.SelectMany(c => EmergingTerms.Words(c.Name + " " + c.EnglishName)).ToHashSet(StringComparer.Ordinal),
            causes.Where(c => c.CreatedAt > now.AddDays(-options.Value.Detection.WarmUpDays)).Select(c => c.Id.ToString(CultureInfo.InvariantCulture)).ToHashSet(StringComparer.Ordinal),
            causes.ToDictionary(c => c.Id.ToString(CultureInfo.InvariantCulture), c => c.Code, StringComparer.Ordinal));
    }

    private async Task<int> FlagTodayAsync(ComptoirDbContext db, WatchedScope target, Taxonomy taxonomy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var detection = options.Value.Detection;
        var daysFolded = await db.EmergingScopes.AsNoTracking().Where(s => s.Scope == target.Scope && s.ScopeId == target.ScopeId).Select(s => s.DaysFolded).SingleOrDefaultAsync(cancellationToken);
        if (daysFolded < detection.WarmUpDays)
        {
            return 0;
        }

        var today = target.DayOf(now);
        var (from, to) = target.Window(today);
        var contacts = await EmergingContacts.LoadAsync(db, target.Scope, target.ScopeId, from, to, cancellationToken);
        if (contacts.Count == 0)
        {
            return 0;
        }

        var raised = 0;
        var counts = EmergingContacts.Count(contacts, target.Scope, target.ScopeId);
        foreach (var kind in new[] { EmergingKind.Cause, EmergingKind.Term })
        {
            var candidates = counts.Of(kind).Where(c => c.Value >= detection.MinCount && !(kind == EmergingKind.Cause && taxonomy.TooYoung.Contains(c.Key)))
                .ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
            var histories = await FoldEmergingDays.HistoriesAsync(db, target, kind, candidates.Keys, tracked: false, cancellationToken);
            var flags = EmergingDetector.Detect(candidates, counts.Contacts, k => histories.TryGetValue(k, out var h) ? h.ToHistory().AsOf(today) : null, kind, taxonomy.Words, detection);
            foreach (var flag in flags)
            {
                var behind = contacts
                    .Where(c => kind == EmergingKind.Term ? c.Terms.Contains(flag.Key) : c.CauseId?.ToString(CultureInfo.InvariantCulture) == flag.Key)
                    .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.ConversationId)
                    .Take(MaxVerbatims)
                    .Select(c => new EmergingVerbatim { ConversationId = c.ConversationId, Excerpt = EmergingContacts.Excerpt(c.Text, kind == EmergingKind.Term ? flag.Key : null) })
                    .ToList();
                var irritant = new EmergingIrritant
                {
                    Day = today,
                    TimeZoneId = target.TimeZoneId,
                    Scope = target.Scope,
                    ScopeId = target.ScopeId,
                    Kind = kind,
                    Term = kind == EmergingKind.Cause ? taxonomy.Codes.GetValueOrDefault(flag.Key, flag.Key) : flag.Key,
                    CauseId = kind == EmergingKind.Cause ? int.Parse(flag.Key, CultureInfo.InvariantCulture) : null,
                    Count = flag.Count,
                    Expected = flag.Expected,
                    Score = flag.Score,
                    Unseen = flag.Unseen,
                    FlaggedAt = now,
                    Verbatims = behind,
                };
                raised += await RaiseAsync(db, irritant, cancellationToken);
            }
        }

        return raised;
    }

    private async Task<int> RaiseAsync(ComptoirDbContext db, EmergingIrritant irritant, CancellationToken cancellationToken)
    {
        var exists = await db.EmergingIrritants.AnyAsync(
            e => e.Day == irritant.Day && e.Scope == irritant.Scope && e.ScopeId == irritant.ScopeId && e.Kind == irritant.Kind && e.Term == irritant.Term, cancellationToken);
        if (exists)
        {
            return 0;
        }

        db.EmergingIrritants.Add(irritant);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Flagged meanwhile by another instance: once per day, scope and term.
            db.ChangeTracker.Clear();
            return 0;
        }

        db.ChangeTracker.Clear();
        LogFlagged(logger, irritant.Kind, irritant.Term, irritant.Scope, irritant.ScopeId, irritant.Count, irritant.Expected, irritant.Score);
        return 1;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Emerging {Kind} '{Term}' in {Scope} {ScopeId}: {Count} contacts, {Expected} expected, score {Score}")]
    private static partial void LogFlagged(ILogger logger, EmergingKind kind, string term, CauseScope scope, int scopeId, int count, double expected, double score);

    [LoggerMessage(Level = LogLevel.Error, Message = "Looking for emerging irritants failed; it will try again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

/// <summary>Settings of the section <c>Causes:Emerging</c>.</summary>
public sealed class EmergingJobOptions
{
    /// <summary>How often today's contacts are looked at.</summary>
    public int CheckMinutes { get; set; } = 60;

    /// <summary>Days of past contacts folded the first time the job runs, so that detection starts with a history.</summary>
    public int BackfillDays { get; set; } = 28;

    /// <summary>A term unseen for this long is forgotten.</summary>
    public int ForgetAfterDays { get; set; } = 120;

    public EmergingOptions Detection { get; set; } = new();
}
