using System.Globalization;
using Comptoir.Platform.Data;
using Comptoir.Platform.Time;
using Comptoir.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Comptoir.Features.Causes.Emerging;

/// <summary>
/// Looks for emerging irritants through the day (every <see cref="EmergingJobOptions.CheckMinutes"/>): the
/// contacts of today so far, in the group and in each country, against each term's and cause's history, so
/// that a surge is flagged the day it starts. Each finished day is then folded into the histories, once,
/// by whichever instance moves the group's cursor first.
/// </summary>
public sealed partial class WatchEmergingIrritants(
    IServiceScopeFactory scopes, IConfiguration configuration, IOptions<EmergingJobOptions> options, TimeProvider time, ILogger<WatchEmergingIrritants> logger)
    : BackgroundService
{
    private const int MaxVerbatims = 5;
    private const int KeysPerQuery = 400;

    public static readonly TimeZoneInfo Zone = BusinessClock.Zone("Europe/Paris");

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicJobs.RunEveryAsync(configuration, TimeSpan.FromMinutes(Math.Max(1, options.Value.CheckMinutes)), time, RunOnceAsync, e => LogFailed(logger, e), stoppingToken);

    /// <summary>Folds the finished days not yet folded, then flags today's surges; returns the flags raised by this call.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComptoirDbContext>();
        await FoldFinishedDaysAsync(db, today, cancellationToken);
        return await FlagTodayAsync(db, today, now, cancellationToken);
    }

    public static DateTimeOffset StartOf(DateOnly day) =>
        new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), Zone), TimeSpan.Zero);

    private async Task FoldFinishedDaysAsync(ComptoirDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var cursor = await GroupCursorAsync(db, today, cancellationToken);
        while (cursor < today.AddDays(-1))
        {
            var day = cursor.AddDays(1);
            await FoldAsync(db, day, cancellationToken);
            cursor = await GroupCursorAsync(db, today, cancellationToken);
        }
    }

    /// <summary>The last day folded; the first time, the start of the backfill, so that detection has history at once.</summary>
    private async Task<DateOnly> GroupCursorAsync(ComptoirDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var folded = await db.EmergingScopes.AsNoTracking()
            .Where(s => s.Scope == CauseScope.Group && s.ScopeId == 0)
            .Select(s => new { s.FoldedThrough })
            .SingleOrDefaultAsync(cancellationToken);
        if (folded is not null)
        {
            return folded.FoldedThrough ?? today.AddDays(-1);
        }

        db.EmergingScopes.Add(new EmergingScopeState { Scope = CauseScope.Group, ScopeId = 0, FoldedThrough = today.AddDays(-1 - options.Value.BackfillDays) });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance started it first.
        }

        db.ChangeTracker.Clear();
        return await GroupCursorAsync(db, today, cancellationToken);
    }

    private async Task FoldAsync(ComptoirDbContext db, DateOnly day, CancellationToken cancellationToken)
    {
        var contacts = await EmergingContacts.LoadAsync(db, StartOf(day), StartOf(day.AddDays(1)), cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var previous = day.AddDays(-1);
        var moved = await db.EmergingScopes
            .Where(s => s.Scope == CauseScope.Group && s.ScopeId == 0 && s.FoldedThrough == previous)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.FoldedThrough, day), cancellationToken);
        if (moved == 0)
        {
            // Folded by another instance meanwhile.
            return;
        }

        var warmUp = options.Value.Detection.WarmUpDays;
        foreach (var (scope, scopeId) in EmergingContacts.Scopes(contacts))
        {
            var counts = EmergingContacts.Count(contacts, scope, scopeId);
            var state = await db.EmergingScopes.SingleOrDefaultAsync(s => s.Scope == scope && s.ScopeId == scopeId, cancellationToken);
            if (state is null)
            {
                state = new EmergingScopeState { Scope = scope, ScopeId = scopeId };
                db.EmergingScopes.Add(state);
            }

            foreach (var kind in new[] { EmergingKind.Term, EmergingKind.Cause })
            {
                var keys = counts.Of(kind);
                var rows = await HistoriesAsync(db, scope, scopeId, kind, keys.Keys, tracked: true, cancellationToken);
                foreach (var (key, history) in EmergingHistory.Fold(day, kind, keys, counts.Contacts, k => rows.TryGetValue(k, out var r) ? r.ToHistory() : null, state.DaysFolded < warmUp))
                {
                    if (!rows.TryGetValue(key, out var row))
                    {
                        row = new EmergingTermHistory { Scope = scope, ScopeId = scopeId, Kind = kind, Term = key };
                        db.EmergingTermHistories.Add(row);
                    }

                    row.Set(history);
                }
            }

            state.DaysFolded += counts.Contacts > 0 ? 1 : 0;
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        // Terms not seen for months have decayed to nothing: forgetting them keeps the table small.
        var forgotten = day.AddDays(-options.Value.ForgetAfterDays);
        await db.EmergingTermHistories.Where(h => h.LastDay < forgotten).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogFolded(logger, day, contacts.Count);
    }

    private static async Task<Dictionary<string, EmergingTermHistory>> HistoriesAsync(
        ComptoirDbContext db, CauseScope scope, int scopeId, EmergingKind kind, IEnumerable<string> keys, bool tracked, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, EmergingTermHistory>(StringComparer.Ordinal);
        foreach (var chunk in keys.Where(k => k.Length <= EmergingTermHistoryConfiguration.TermLength).Chunk(KeysPerQuery))
        {
            var query = db.EmergingTermHistories.Where(h => h.Scope == scope && h.ScopeId == scopeId && h.Kind == kind && chunk.Contains(h.Term));
            foreach (var row in await (tracked ? query : query.AsNoTracking()).ToListAsync(cancellationToken))
            {
                result[row.Term] = row;
            }
        }

        return result;
    }

    private async Task<int> FlagTodayAsync(ComptoirDbContext db, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var detection = options.Value.Detection;
        var contacts = await EmergingContacts.LoadAsync(db, StartOf(today), StartOf(today.AddDays(1)), cancellationToken);
        if (contacts.Count == 0)
        {
            return 0;
        }

        var causes = await db.Causes.AsNoTracking().Select(c => new { c.Id, c.Code, c.Name, c.EnglishName, c.CreatedAt }).ToListAsync(cancellationToken);
        var taxonomyWords = causes.SelectMany(c => EmergingTerms.Words(c.Name + " " + c.EnglishName)).ToHashSet(StringComparer.Ordinal);
        var tooYoung = causes.Where(c => c.CreatedAt > now.AddDays(-detection.WarmUpDays)).Select(c => c.Id.ToString(CultureInfo.InvariantCulture)).ToHashSet(StringComparer.Ordinal);
        var codes = causes.ToDictionary(c => c.Id.ToString(CultureInfo.InvariantCulture), c => c.Code, StringComparer.Ordinal);
        var states = await db.EmergingScopes.AsNoTracking().ToDictionaryAsync(s => (s.Scope, s.ScopeId), s => s.DaysFolded, cancellationToken);

        var raised = 0;
        foreach (var (scope, scopeId) in EmergingContacts.Scopes(contacts))
        {
            if (states.GetValueOrDefault((scope, scopeId)) < detection.WarmUpDays)
            {
                continue;
            }

            var counts = EmergingContacts.Count(contacts, scope, scopeId);
            foreach (var kind in new[] { EmergingKind.Cause, EmergingKind.Term })
            {
                var candidates = counts.Of(kind).Where(c => c.Value >= detection.MinCount && !(kind == EmergingKind.Cause && tooYoung.Contains(c.Key)))
                    .ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
                var histories = await HistoriesAsync(db, scope, scopeId, kind, candidates.Keys, tracked: false, cancellationToken);
                var flags = EmergingDetector.Detect(candidates, counts.Contacts, k => histories.TryGetValue(k, out var h) ? h.ToHistory().AsOf(today) : null, kind, taxonomyWords, detection);
                foreach (var flag in flags)
                {
                    var behind = contacts
                        .Where(c => c.IsIn(scope, scopeId) && (kind == EmergingKind.Term ? c.Terms.Contains(flag.Key) : c.CauseId?.ToString(CultureInfo.InvariantCulture) == flag.Key))
                        .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.ConversationId)
                        .Take(MaxVerbatims)
                        .Select(c => new EmergingVerbatim { ConversationId = c.ConversationId, Excerpt = EmergingContacts.Excerpt(c.Text, kind == EmergingKind.Term ? flag.Key : null) })
                        .ToList();
                    var irritant = new EmergingIrritant
                    {
                        Day = today,
                        Scope = scope,
                        ScopeId = scopeId,
                        Kind = kind,
                        Term = kind == EmergingKind.Cause ? codes.GetValueOrDefault(flag.Key, flag.Key) : flag.Key,
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Day {Day} folded into the emerging-irritant histories ({Contacts} contacts)")]
    private static partial void LogFolded(ILogger logger, DateOnly day, int contacts);

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
