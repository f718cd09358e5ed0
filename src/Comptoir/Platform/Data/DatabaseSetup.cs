using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Comptoir.Platform.Data;

public static class DatabaseSetup
{
    public const string ConnectionStringName = "Comptoir";
    public const string DefaultSqliteConnectionString = "Data Source=data/comptoir.db";

    /// <summary>
    /// Registers <see cref="ComptoirDbContext"/> on the configured provider. Choosing PostgreSQL is
    /// configuration only: <c>Database:Provider=PostgreSql</c> and a <c>ConnectionStrings:Comptoir</c>.
    /// </summary>
    public static WebApplicationBuilder AddComptoirDatabase(this WebApplicationBuilder builder)
    {
        var provider = builder.Configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        builder.Services.AddComptoirDatabase(provider, connectionString, strictQueries: builder.Environment.IsDevelopment());
        return builder;
    }

    /// <summary>
    /// Registers the context. With <c>strictQueries</c> (in development, and so in tests), a query that limits its
    /// rows without ordering them, whose result then depends on the plan, fails instead of being logged as a
    /// warning, so that none comes back unnoticed.
    /// </summary>
    public static IServiceCollection AddComptoirDatabase(this IServiceCollection services, DatabaseProvider provider, string? connectionString, bool strictQueries = false)
    {
        void Warnings(WarningsConfigurationBuilder warnings)
        {
            if (strictQueries)
            {
                warnings.Throw(CoreEventId.RowLimitingOperationWithoutOrderByWarning);
            }
        }

        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = PrepareSqlite(connectionString ?? DefaultSqliteConnectionString);
                var gate = new SqliteWriteGate();
                services.AddSingleton(gate);
                services.AddPooledDbContextFactory<SqliteComptoirDbContext>(options => options.UseSqlite(sqlite).AddInterceptors(new SqliteConnectionSettings(), gate).ConfigureWarnings(Warnings));
                Expose<SqliteComptoirDbContext>(services);

                // SQLite has no plan cache mode: the writers share the one pool.
                services.AddKeyedSingleton(GenericPlans.Writers, (sp, _) => sp.GetRequiredService<IDbContextFactory<ComptoirDbContext>>());
                break;
            case DatabaseProvider.PostgreSql:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is PostgreSql but ConnectionStrings:Comptoir is empty. " +
                        "Set it, e.g. \"Host=localhost;Database=comptoir;Username=comptoir;Password=...\".");
                }

                services.AddPooledDbContextFactory<PostgresComptoirDbContext>(options => options.UseNpgsql(PreparePostgres(connectionString)).ConfigureWarnings(Warnings));
                Expose<PostgresComptoirDbContext>(services);
                services.AddKeyedSingleton<IDbContextFactory<ComptoirDbContext>>(GenericPlans.Writers, (sp, _) => new ProviderContextFactory<PostgresComptoirDbContext>(
                    new PooledDbContextFactory<PostgresComptoirDbContext>(GenericPlans.Options(sp.GetRequiredService<DbContextOptions<PostgresComptoirDbContext>>()))));
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{provider}'. Use Sqlite or PostgreSql.");
        }

        services.AddSingleton(new DatabaseInfo(provider));
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<GrowingTables>();
        services.AddSingleton<IdReservoir>();
        services.AddHostedService<MigrateOnStartup>();
        return services;
    }

    /// <summary>
    /// Features depend on the abstract context; the provider's subclass stays an implementation detail. Contexts
    /// come from a pool: a request or an ingestion batch takes one already built and gives it back, reset, when
    /// its scope ends, instead of building a context and its internal services each time (decision 13).
    /// </summary>
    private static void Expose<TContext>(IServiceCollection services)
        where TContext : ComptoirDbContext
    {
        services.AddSingleton<IDbContextFactory<ComptoirDbContext>>(sp =>
            new ProviderContextFactory<TContext>(sp.GetRequiredService<IDbContextFactory<TContext>>()));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<ComptoirDbContext>>().CreateDbContext());
    }

    /// <summary>
    /// Lets Npgsql prepare the statements Comptoir runs over and over (ingestion, next conversation), so that
    /// PostgreSQL parses and plans them once per connection instead of at every call, unless the connection
    /// string says otherwise. PostgreSQL's own choice between a generic plan and one per execution
    /// (<c>plan_cache_mode = auto</c>) is kept: forcing a plan per execution was measured about a quarter
    /// slower on ingestion and on "next conversation" once the tables have statistics (decision 10).
    /// </summary>
    private static string PreparePostgres(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 3;
        }

        // Comptoir leaves no session state on a connection (no SET, LISTEN, temporary table or session lock),
        // so the reset statements Npgsql otherwise runs each time a pooled connection is reused are skipped;
        // an explicit "No Reset On Close=false" in the connection string keeps them.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    /// <summary>Makes a relative SQLite path usable: creates its folder and turns on shared-cache-free pooling.</summary>
    private static string PrepareSqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } path && path != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var full = Path.GetFullPath(path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            builder.DataSource = full;
        }

        builder.Pooling = true;
        return builder.ToString();
    }

    private sealed class ProviderContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<ComptoirDbContext>
        where TContext : ComptoirDbContext
    {
        public ComptoirDbContext CreateDbContext() => inner.CreateDbContext();
    }
}

/// <summary>Which provider this instance runs on, for the few places that must know (bulk paths, health).</summary>
public sealed record DatabaseInfo(DatabaseProvider Provider);
