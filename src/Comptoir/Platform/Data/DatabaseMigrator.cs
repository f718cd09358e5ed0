using Microsoft.EntityFrameworkCore;

namespace Comptoir.Platform.Data;

/// <summary>
/// Brings the database to the latest migration, once per process. Several instances may start together on
/// one PostgreSQL: EF Core takes a database lock while it migrates, so they apply each migration once.
/// </summary>
public sealed partial class DatabaseMigrator(IServiceScopeFactory scopes, DatabaseInfo database, ILogger<DatabaseMigrator> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _done;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_done)
            {
                return;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ComptoirDbContext>();
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await db.Database.MigrateAsync(cancellationToken);
            if (database.Provider == DatabaseProvider.Sqlite)
            {
                // Readers never wait for the writer, and a crash of the process loses no committed write.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }

            LogMigrated(logger, database.Provider, pending.Count);
            _done = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready on {Provider}: {Applied} migration(s) applied")]
    private static partial void LogMigrated(ILogger logger, DatabaseProvider provider, int applied);
}

/// <summary>Migrates before the server accepts requests, unless <c>Database:MigrateOnStartup</c> is false.</summary>
internal sealed class MigrateOnStartup(DatabaseMigrator migrator, IConfiguration configuration) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        configuration.GetValue("Database:MigrateOnStartup", true) ? migrator.MigrateAsync(cancellationToken) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
