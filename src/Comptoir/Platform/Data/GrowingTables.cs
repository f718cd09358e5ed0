using Microsoft.EntityFrameworkCore;

namespace Comptoir.Platform.Data;

/// <summary>
/// Keeps PostgreSQL's statistics up with tables that grow fast. The plans of prepared statements are made from
/// the statistics of the moment and kept: a lookup planned when the contact tables held a few hundred rows goes on
/// reading them whole (a sequential scan and a hash join) while they grow to hundreds of thousands, until the next
/// <c>ANALYZE</c> makes PostgreSQL plan again. Autovacuum analyses a table once 10 % of it changed, but looks at a
/// database once a minute, which on a new database (first day in production, a migration, a load) is the minute in
/// which thousands of contacts come in. So the writers of contacts report what they stored, and every
/// <see cref="CheckEvery"/> contacts this looks for the tables whose files are at least twice the size their
/// statistics were taken at (<c>pg_class.relpages</c>, and at least <see cref="MinimumPages"/> pages), and analyses
/// those, one check at a time, in the background. The size of a file is known at once, where the row counts of
/// <c>pg_stat_user_tables</c> reach it up to seconds later. A table of n pages is thus analysed about log2(n) times
/// while it grows, and no more once it grows slowly, where autovacuum's own rule takes over. Nothing to do on
/// SQLite, whose planner does not depend on statistics it has not been given.
/// </summary>
public sealed partial class GrowingTables(IServiceScopeFactory scopes, DatabaseInfo database, IConfiguration configuration, ILogger<GrowingTables> logger)
{
    /// <summary>Contacts stored between two checks.</summary>
    public const int CheckEvery = 1_000;

    /// <summary>Pages (8 kB) below which a table is left alone: a table is first analysed at twice this, a few hundred rows.</summary>
    public const int MinimumPages = 4;

    private readonly bool _enabled = database.Provider == DatabaseProvider.PostgreSql && configuration.GetValue("Database:AnalyseGrowingTables", true);
    private long _sinceCheck;
    private int _checking;
    private int _analysed;

    /// <summary>The last check's task, for the tests.</summary>
    public Task LastCheck { get; private set; } = Task.CompletedTask;

    /// <summary>Tables analysed since the start, for the logs and the tests.</summary>
    public int Analysed => _analysed;

    /// <summary>Called by a writer once it committed <paramref name="contacts"/> contacts; returns at once.</summary>
    public void Stored(int contacts)
    {
        if (!_enabled || Interlocked.Add(ref _sinceCheck, contacts) < CheckEvery || Interlocked.CompareExchange(ref _checking, 1, 0) != 0)
        {
            return;
        }

        Interlocked.Exchange(ref _sinceCheck, 0);
        LastCheck = Task.Run(CheckAsync);
    }

    private async Task CheckAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ComptoirDbContext>();
            var stale = await db.Database.SqlQuery<string>($"""
                SELECT c.relname AS "Value" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND c.relkind = 'r'
                  AND pg_relation_size(c.oid) / current_setting('block_size')::int >= 2 * GREATEST(c.relpages, {MinimumPages})
                ORDER BY c.relname
                """).ToListAsync();
            foreach (var table in stale)
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
#pragma warning disable EF1002 // The name comes from pg_class and is quoted as an identifier.
                await db.Database.ExecuteSqlRawAsync($"ANALYZE \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
#pragma warning restore EF1002
                Interlocked.Increment(ref _analysed);
                var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
                LogAnalysed(logger, table, elapsed.TotalMilliseconds);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e);
        }
        finally
        {
            Interlocked.Exchange(ref _checking, 0);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Analysed {Table}, which has doubled since its statistics ({Milliseconds:F0} ms)")]
    private static partial void LogAnalysed(ILogger logger, string table, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh the statistics of growing tables; autovacuum will")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
