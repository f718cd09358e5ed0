using Comptoir.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Causes.Emerging;

/// <summary>
/// Folds each finished local day of a scope into its histories, once, by whichever instance moves the scope's
/// cursor (<see cref="EmergingScopeState.FoldedThrough"/>) first. Days without contacts change no history:
/// the cursor jumps over them.
/// </summary>
public sealed partial class FoldEmergingDays(EmergingJobOptions options, ILogger logger)
{
    private const int KeysPerQuery = 400;

    /// <summary>Folds the scope's days before <paramref name="today"/> (its local date) not folded yet.</summary>
    public async Task CatchUpAsync(ComptoirDbContext db, WatchedScope target, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(target);
        var yesterday = today.AddDays(-1);
        var cursor = await CursorAsync(db, target, today, cancellationToken);
        while (cursor < yesterday)
        {
            var first = await EmergingContacts.FirstAsync(db, target.Scope, target.ScopeId, target.Window(cursor.AddDays(1)).From, target.Window(today).From, cancellationToken);
            var next = first is { } at ? target.DayOf(at) : yesterday;
            if (next > cursor.AddDays(1))
            {
                await MoveAsync(db, target, cursor, next.AddDays(-1), cancellationToken);
            }
            else
            {
                await FoldAsync(db, target, next, cancellationToken);
            }

            cursor = await CursorAsync(db, target, today, cancellationToken);
        }
    }

    /// <summary>The scope's last day folded; the first time, the start of the backfill, so that detection has history at once.</summary>
    private async Task<DateOnly> CursorAsync(ComptoirDbContext db, WatchedScope target, DateOnly today, CancellationToken cancellationToken)
    {
        var state = await States(db, target).AsNoTracking().Select(s => new { s.FoldedThrough }).SingleOrDefaultAsync(cancellationToken);
        if (state is { FoldedThrough: { } through })
        {
            return through;
        }

        if (state is null)
        {
            db.EmergingScopes.Add(new EmergingScopeState { Scope = target.Scope, ScopeId = target.ScopeId, FoldedThrough = today.AddDays(-1 - options.BackfillDays) });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another instance started it first.
            }

            db.ChangeTracker.Clear();
        }
        else
        {
            // A scope without a cursor of its own had its days folded with the group's: it goes on from yesterday.
            await States(db, target).Where(s => s.FoldedThrough == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.FoldedThrough, today.AddDays(-1)), cancellationToken);
        }

        return await CursorAsync(db, target, today, cancellationToken);
    }

    private static Task<int> MoveAsync(ComptoirDbContext db, WatchedScope target, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        States(db, target).Where(s => s.FoldedThrough == from).ExecuteUpdateAsync(s => s.SetProperty(x => x.FoldedThrough, to), cancellationToken);

    private async Task FoldAsync(ComptoirDbContext db, WatchedScope target, DateOnly day, CancellationToken cancellationToken)
    {
        var (from, to) = target.Window(day);
        var contacts = await EmergingContacts.LoadAsync(db, target.Scope, target.ScopeId, from, to, cancellationToken);
        var counts = EmergingContacts.Count(contacts, target.Scope, target.ScopeId);
        var added = counts.Contacts > 0 ? 1 : 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var previous = day.AddDays(-1);
        var moved = await States(db, target).Where(s => s.FoldedThrough == previous)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.FoldedThrough, day).SetProperty(x => x.DaysFolded, x => x.DaysFolded + added), cancellationToken);
        if (moved == 0)
        {
            // Folded by another instance meanwhile.
            return;
        }

        var scopeIsNew = await States(db, target).Select(s => s.DaysFolded).SingleAsync(cancellationToken) - added < options.Detection.WarmUpDays;
        foreach (var kind in new[] { EmergingKind.Term, EmergingKind.Cause })
        {
            var keys = counts.Of(kind);
            var rows = await HistoriesAsync(db, target, kind, keys.Keys, tracked: true, cancellationToken);
            foreach (var (key, history) in EmergingHistory.Fold(day, kind, keys, counts.Contacts, k => rows.TryGetValue(k, out var r) ? r.ToHistory() : null, scopeIsNew))
            {
                if (!rows.TryGetValue(key, out var row))
                {
                    row = new EmergingTermHistory { Scope = target.Scope, ScopeId = target.ScopeId, Kind = kind, Term = key };
                    db.EmergingTermHistories.Add(row);
                }

                row.Set(history);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        // Terms not seen for months have decayed to nothing: forgetting them keeps the table small.
        var forgotten = day.AddDays(-options.ForgetAfterDays);
        await db.EmergingTermHistories.Where(h => h.Scope == target.Scope && h.ScopeId == target.ScopeId && h.LastDay < forgotten).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogFolded(logger, target.Scope, target.ScopeId, day, counts.Contacts);
    }

    /// <summary>The histories of these keys in the scope, by key.</summary>
    public static async Task<Dictionary<string, EmergingTermHistory>> HistoriesAsync(
        ComptoirDbContext db, WatchedScope target, EmergingKind kind, IEnumerable<string> keys, bool tracked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(target);
        var result = new Dictionary<string, EmergingTermHistory>(StringComparer.Ordinal);
        foreach (var chunk in keys.Where(k => k.Length <= EmergingTermHistoryConfiguration.TermLength).Chunk(KeysPerQuery))
        {
            var query = db.EmergingTermHistories.Where(h => h.Scope == target.Scope && h.ScopeId == target.ScopeId && h.Kind == kind && chunk.Contains(h.Term));
            foreach (var row in await (tracked ? query : query.AsNoTracking()).ToListAsync(cancellationToken))
            {
                result[row.Term] = row;
            }
        }

        return result;
    }

    private static IQueryable<EmergingScopeState> States(ComptoirDbContext db, WatchedScope target) =>
        db.EmergingScopes.Where(s => s.Scope == target.Scope && s.ScopeId == target.ScopeId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Day {Day} of {Scope} {ScopeId} folded into the emerging-irritant histories ({Contacts} contacts)")]
    private static partial void LogFolded(ILogger logger, CauseScope scope, int scopeId, DateOnly day, int contacts);
}
