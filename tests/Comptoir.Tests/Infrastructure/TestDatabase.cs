using Comptoir.Platform.Data;
using Npgsql;

namespace Comptoir.Tests.Infrastructure;

public enum Db
{
    Sqlite,
    PostgreSql,
}

/// <summary>Runs a theory once per database provider: every integration test is written once and run on both.</summary>
public sealed class BothDatabases : TheoryData<Db>
{
    public BothDatabases()
    {
        Add(Db.Sqlite);
        Add(Db.PostgreSql);
    }
}

/// <summary>
/// A fresh, empty database for one test host: a temporary SQLite file, or a new database on the PostgreSQL
/// server that ./test.sh starts on loopback (COMPTOIR_TEST_POSTGRES). Dropped when disposed.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "COMPTOIR_TEST_POSTGRES";

    private readonly string? _dropName;
    private readonly string? _sqliteFile;

    private TestDatabase(Db db, string connectionString, string? dropName, string? sqliteFile)
    {
        Db = db;
        ConnectionString = connectionString;
        _dropName = dropName;
        _sqliteFile = sqliteFile;
    }

    public Db Db { get; }

    public DatabaseProvider Provider => Db == Db.Sqlite ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSql;

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(Db db)
    {
        if (db == Db.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"comptoir-test-{Guid.NewGuid():N}.db");
            return new TestDatabase(db, $"Data Source={file}", null, file);
        }

        var server = PostgresServer();
        var name = $"comptoir_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase(db, builder.ConnectionString, name, null);
    }

    /// <summary>
    /// The PostgreSQL server to test on. Without one, a local run skips PostgreSQL tests with the reason;
    /// a CI run fails, because there a skipped provider would be an untested one.
    /// </summary>
    public static string PostgresServer()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (!string.IsNullOrWhiteSpace(server))
        {
            return server;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{PostgresVariable} is not set on CI: run the tests through ./test.sh, which starts PostgreSQL.");
        }

        Assert.Skip($"{PostgresVariable} is not set: run ./test.sh to start PostgreSQL and test on it too.");
        return "";
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(_sqliteFile + suffix);
            }
        }

        if (_dropName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgresServer());
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_dropName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
