using Comptoir.Platform.Data;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Comptoir.Tests.Platform;

public sealed class DatabaseTests(Hosts hosts)
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Model_has_no_changes_that_lack_a_migration(Db db)
    {
        var host = await hosts.GetAsync(db);

        var pending = await host.QueryAsync(context => Task.FromResult(context.Database.HasPendingModelChanges()));

        Assert.False(pending, "The EF Core model changed without a migration: run scripts/add-migration.sh <Name>.");
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Every_migration_is_applied_on_start(Db db)
    {
        var host = await hosts.GetAsync(db);

        var pending = await host.QueryAsync(async context => (await context.Database.GetPendingMigrationsAsync()).ToList());
        var applied = await host.QueryAsync(async context => (await context.Database.GetAppliedMigrationsAsync()).ToList());

        Assert.Empty(pending);
        Assert.NotEmpty(applied);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Every_migration_runs_inside_its_transaction_and_keeps_the_foreign_keys(Db db)
    {
        var logged = new LoggedEvents();
        await using var database = await TestDatabase.CreateAsync(db);
        await using var host = new ComptoirHost(
            database,
            new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Migrations"] = "Information" },
            s => s.AddSingleton<ILoggerProvider>(logged));

        var causeKey = await host.QueryAsync(async context => db == Db.Sqlite
            ? await context.Database.SqlQueryRaw<string>("SELECT \"table\" AS \"Value\" FROM pragma_foreign_key_list('Conversations') WHERE \"from\" = 'CauseId'").SingleAsync()
            : await context.Database.SqlQueryRaw<string>("SELECT ccu.table_name AS \"Value\" FROM information_schema.table_constraints tc JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name WHERE tc.constraint_name = 'FK_Conversations_Causes_CauseId'").SingleAsync());

        Assert.Equal("Causes", causeKey);
        Assert.Contains(logged.Events, e => e.Id == RelationalEventId.MigrationApplying.Id);
        Assert.DoesNotContain(logged.Events, e => e.Id == RelationalEventId.NonTransactionalMigrationOperationWarning.Id);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_database_refuses_a_store_director_without_a_store(Db db)
    {
        var host = await hosts.GetAsync(db);

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => host.QueryAsync(async context =>
        {
            context.Staff.Add(new Comptoir.Features.Staff.StaffMember
            {
                DisplayName = "Sans Magasin",
                UserName = "sans.magasin@example.test",
                Email = "sans.magasin@example.test",
                Role = Comptoir.Features.Staff.StaffRole.StoreDirector,
            });
            return await context.SaveChangesAsync();
        }));

        Assert.Contains("CK_StaffMembers_RoleHasScope", error.InnerException?.Message ?? error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sqlite_writer_that_opened_its_own_connection_and_left_its_transaction_unfinished_does_not_block_the_next()
    {
        // A host of its own: should the gate stay taken, only this test waits, not every test sharing a host.
        await using var database = await TestDatabase.CreateAsync(Db.Sqlite);
        await using var host = new ComptoirHost(database);

        // Opened by hand, then a transaction disposed without commit or rollback: EF Core disposes such a
        // connection at the end of the context without closing it first.
        await host.QueryAsync(async context =>
        {
            await context.Database.OpenConnectionAsync();
            await using var transaction = await context.Database.BeginTransactionAsync();
            return await context.Database.ExecuteSqlRawAsync("UPDATE \"Stores\" SET \"Name\" = \"Name\" WHERE 0 = 1");
        });

        var next = host.QueryAsync(context => context.Database.ExecuteSqlRawAsync("UPDATE \"Stores\" SET \"Name\" = \"Name\" WHERE 0 = 1"));

        Assert.Equal(0, await next.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_postgres_connection_left_inside_a_transaction_comes_back_from_the_pool_without_it()
    {
        // Connections are not reset when they go back to the pool (DatabaseSetup): what must still never
        // cross from one user to the next is an unfinished transaction and its writes. A host of its own, so
        // that the pool hands the same connection back, and no periodic job that could take it in between.
        await using var database = await TestDatabase.CreateAsync(Db.PostgreSql);
        await using var host = new ComptoirHost(database, new Dictionary<string, string?> { ["Jobs:Enabled"] = "false" });
        var settings = await host.QueryAsync(context => Task.FromResult(new NpgsqlConnectionStringBuilder(context.Database.GetConnectionString())));
        Assert.True(settings.NoResetOnClose);

        for (var i = 0; i < 3; i++)
        {
            var left = await host.QueryAsync(async context =>
            {
                await context.Database.OpenConnectionAsync();
                var connection = (NpgsqlConnection)context.Database.GetDbConnection();
                var transaction = await connection.BeginTransactionAsync();
                await using var command = new NpgsqlCommand(
                    "UPDATE \"Stores\" SET \"Name\" = 'Pas validé'; SELECT pg_backend_pid(), pg_current_xact_id()::text", connection, transaction);
                await using var reader = await command.ExecuteReaderAsync();
                await reader.ReadAsync();
                var unfinished = (Pid: reader.GetInt32(0), Transaction: reader.GetString(1));
                await reader.DisposeAsync();
                // Closed with the transaction neither committed nor rolled back.
                await connection.CloseAsync();
                return unfinished;
            });

            var next = await host.QueryAsync(async context =>
            {
                await context.Database.OpenConnectionAsync();
                await using var command = new NpgsqlCommand(
                    "SELECT pg_backend_pid(), pg_xact_status(@left::xid8), pg_current_xact_id_if_assigned() IS NULL, (SELECT count(*) FROM \"Stores\" WHERE \"Name\" = 'Pas validé')",
                    (NpgsqlConnection)context.Database.GetDbConnection());
                command.Parameters.AddWithValue("left", left.Transaction);
                await using var reader = await command.ExecuteReaderAsync();
                await reader.ReadAsync();
                return (Pid: reader.GetInt32(0), Left: reader.GetString(1), Fresh: reader.GetBoolean(2), Written: reader.GetInt64(3));
            });

            // The same server process, the abandoned transaction rolled back, and none of its writes seen.
            Assert.Equal((left.Pid, "aborted", true, 0L), next);
        }
    }

    [Fact]
    public async Task Postgres_contexts_set_for_ingestion_run_generic_plans_and_the_others_keep_postgres_choice()
    {
        var host = await hosts.GetAsync(Db.PostgreSql);
        static async Task<string> ModeAsync(ComptoirDbContext context)
        {
            await context.Database.OpenConnectionAsync();
            await using var command = context.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SHOW plan_cache_mode";
            return (string)(await command.ExecuteScalarAsync())!;
        }

        // Each pool in turn, twice: a context given back keeps its connection string, so a mix-up would show
        // the second time.
        var writers = host.Services.GetRequiredKeyedService<IDbContextFactory<ComptoirDbContext>>(GenericPlans.Writers);
        for (var i = 0; i < 2; i++)
        {
            await using (var ingestion = writers.CreateDbContext())
            {
                Assert.Equal("force_generic_plan", await ModeAsync(ingestion));
            }

            Assert.Equal("auto", await host.QueryAsync(ModeAsync));
        }
    }

    [Fact]
    public async Task Every_sqlite_connection_keeps_its_settings_when_the_pool_hands_it_out_again()
    {
        var host = await hosts.GetAsync(Db.Sqlite);

        // Several contexts in turn: the first opens the native connection, the next ones reuse it from the pool.
        for (var i = 0; i < 3; i++)
        {
            var settings = await host.QueryAsync(async context =>
            {
                await context.Database.OpenConnectionAsync();
                var connection = context.Database.GetDbConnection();
                async Task<long> PragmaAsync(string name)
                {
                    await using var command = connection.CreateCommand();
                    command.CommandText = "PRAGMA " + name;
                    return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
                }

                return (Synchronous: await PragmaAsync("synchronous"), ForeignKeys: await PragmaAsync("foreign_keys"), BusyTimeout: await PragmaAsync("busy_timeout"));
            });

            Assert.Equal((1L, 1L, 10_000L), settings);
        }
    }
}

/// <summary>Keeps the category and id of every event logged.</summary>
internal sealed class LoggedEvents : ILoggerProvider
{
    public System.Collections.Concurrent.ConcurrentQueue<(string Category, int Id)> Events { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LoggedEvents events, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                events.Events.Enqueue((category, eventId.Id));
            }
        }
    }
}
