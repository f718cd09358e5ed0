using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

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
        builder.Services.AddComptoirDatabase(provider, connectionString);
        return builder;
    }

    public static IServiceCollection AddComptoirDatabase(this IServiceCollection services, DatabaseProvider provider, string? connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = PrepareSqlite(connectionString ?? DefaultSqliteConnectionString);
                var gate = new SqliteWriteGate();
                services.AddSingleton(gate);
                services.AddDbContextFactory<SqliteComptoirDbContext>(options => options.UseSqlite(sqlite).AddInterceptors(new SqliteConnectionSettings(), gate));
                Expose<SqliteComptoirDbContext>(services);
                break;
            case DatabaseProvider.PostgreSql:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is PostgreSql but ConnectionStrings:Comptoir is empty. " +
                        "Set it, e.g. \"Host=localhost;Database=comptoir;Username=comptoir;Password=...\".");
                }

                services.AddDbContextFactory<PostgresComptoirDbContext>(options => options.UseNpgsql(PreparePostgres(connectionString)));
                Expose<PostgresComptoirDbContext>(services);
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{provider}'. Use Sqlite or PostgreSql.");
        }

        services.AddSingleton(new DatabaseInfo(provider));
        services.AddSingleton<DatabaseMigrator>();
        services.AddHostedService<MigrateOnStartup>();
        return services;
    }

    /// <summary>Features depend on the abstract context; the provider's subclass stays an implementation detail.</summary>
    private static void Expose<TContext>(IServiceCollection services)
        where TContext : ComptoirDbContext
    {
        services.AddScoped<ComptoirDbContext>(sp => sp.GetRequiredService<TContext>());
        services.AddSingleton<IDbContextFactory<ComptoirDbContext>>(sp =>
            new ProviderContextFactory<TContext>(sp.GetRequiredService<IDbContextFactory<TContext>>()));
    }

    /// <summary>
    /// Lets Npgsql prepare the statements Comptoir runs over and over (ingestion, next conversation), so that
    /// PostgreSQL parses them once per connection instead of at every call, but plans each execution for its
    /// own parameters (<c>plan_cache_mode = force_custom_plan</c>), unless the connection string says
    /// otherwise. A cached generic plan cannot see how many values an <c>= ANY($1)</c> lookup carries nor how
    /// far a table has grown since the plan was made: measured on a growing table, the duplicate check kept a
    /// sequential scan of every message (21 ms a batch at 62,000 messages) and the identity lookup a merge
    /// join over every customer, where a plan for the actual values probes the index (docs/benchmarks.md).
    /// </summary>
    private static string PreparePostgres(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 3;
        }

        if (builder.Options?.Contains("plan_cache_mode", StringComparison.Ordinal) != true)
        {
            builder.Options = string.Join(' ', new[] { builder.Options, "-c plan_cache_mode=force_custom_plan" }.Where(o => !string.IsNullOrWhiteSpace(o)));
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
