using Comptoir.Platform.Data;
using Npgsql;

namespace Comptoir.Bench;

/// <summary>A fresh database for one benchmark run: a temporary SQLite file or a new PostgreSQL database.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _file;
    private readonly string? _server;
    private readonly string? _name;

    private BenchDatabase(DatabaseProvider provider, string connectionString, string? file, string? server, string? name)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _file = file;
        _server = server;
        _name = name;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary><paramref name="postgres"/> is a server connection string (COMPTOIR_BENCH_POSTGRES) for PostgreSQL runs.</summary>
    public static async Task<BenchDatabase> CreateAsync(string provider, string? postgres)
    {
        if (provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var file = Path.Combine(Path.GetTempPath(), $"comptoir-bench-{Guid.NewGuid():N}.db");
            return new BenchDatabase(DatabaseProvider.Sqlite, $"Data Source={file}", file, null, null);
        }

        if (string.IsNullOrWhiteSpace(postgres))
        {
            throw new InvalidOperationException("PostgreSQL runs need COMPTOIR_BENCH_POSTGRES, e.g. Host=127.0.0.1;Port=55432;Username=comptoir;Database=postgres");
        }

        var name = $"comptoir_bench_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(postgres))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new BenchDatabase(DatabaseProvider.PostgreSql, new NpgsqlConnectionStringBuilder(postgres) { Database = name }.ConnectionString, null, postgres, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(_file + suffix);
            }
        }

        if (_name is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_server);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
