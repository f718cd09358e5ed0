using System.Diagnostics;
using System.Globalization;
using Comptoir.Features.Causes;
using Comptoir.Features.Causes.Digests;
using Comptoir.Features.DemoData;
using Comptoir.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace Comptoir.Bench;

/// <summary>
/// The 10:00 digest of one country over years of history: the country's hourly cause counts are filled for
/// <c>years</c> years (about 20 M contacts over the demo taxonomy's ~40 causes, busier by day than by night,
/// on Mondays than on Sundays, a few causes far more frequent than the rest), then the digest of each of the
/// last <c>runs</c> days is produced and saved as the job does, one fresh context per run.
/// </summary>
internal static class DigestBenchmark
{
    public static async Task RunAsync(string provider, int years, int contacts, int runs, string? postgres)
    {
        await using var database = await BenchDatabase.CreateAsync(provider, postgres);
        await using var host = new BenchHost(database);
        host.StartServer();
        var now = new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);
        await host.Services.GetRequiredService<DemoDataGenerator>().GenerateAsync(DemoScale.Small, 2026, now, CancellationToken.None, ["organisation", "causes"]);
        int country;
        List<int> causes;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ComptoirDbContext>();
            country = await db.Countries.Where(c => c.Code == "FR").Select(c => c.Id).SingleAsync();
            causes = await db.Causes.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
        }

        var fill = Stopwatch.StartNew();
        var rows = Rows(country, causes, now, years, contacts);
        var (rowCount, total) = provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase)
            ? await FillSqliteAsync(database.ConnectionString, rows)
            : await FillPostgresAsync(database.ConnectionString, rows);
        fill.Stop();

        var options = new CauseOptions();
        var paris = Platform.Time.BusinessClock.Zone("Europe/Paris");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, paris).DateTime);
        var timings = new List<double>(runs);
        var entries = 0;
        for (var i = runs - 1; i >= 0; i--)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ComptoirDbContext>();
            var watch = Stopwatch.StartNew();
            var digest = await ProduceDigest.BuildAsync(db, CauseScope.Country, country, "Europe/Paris", today.AddDays(-i), options, now, CancellationToken.None);
            db.CauseDigests.Add(digest);
            await db.SaveChangesAsync();
            watch.Stop();
            timings.Add(watch.Elapsed.TotalMilliseconds);
            entries = digest.Entries.Count;
        }

        // The first run also warms EF's query cache and the connection pool; it is reported apart.
        var first = timings[0];
        var steady = timings.Skip(1).Order().ToList();
        double Percentile(double p) => steady[Math.Min(steady.Count - 1, (int)Math.Ceiling(p * steady.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider}: {years} years of hourly counts for one country, {total:N0} contacts in {rowCount:N0} CauseCounts rows ({causes.Count} causes), filled in {fill.Elapsed.TotalSeconds:F1} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider}: country digest produced and saved {runs} times ({entries} causes each): first {first:F1} ms, then median {Percentile(0.5):F1} ms, p95 {Percentile(0.95):F1} ms, max {steady[^1]:F1} ms"));
    }

    /// <summary>Hourly counts with a daily and weekly shape and Zipf-like cause weights; deterministic for a given seed.</summary>
    private static IEnumerable<(long Hour, int CauseId, int Count)> Rows(int country, List<int> causes, DateTimeOffset now, int years, int contacts)
    {
        _ = country;
        var random = new Random(2026);
        var last = CauseCounts.HourOf(now);
        var hours = years * 365 * 24;
        var first = last - hours;
        var weights = causes.Select((_, i) => 1.0 / (i % 13 + 1)).ToArray();
        random.Shuffle(weights);
        var weightSum = weights.Sum();
        // Mean hourly shape over a week, so that the total comes out at about `contacts`.
        static double Shape(DateTime local)
        {
            var hour = local.Hour;
            var day = hour < 7 ? 0.1 : hour < 9 ? 0.8 : hour < 13 ? 1.6 : hour < 18 ? 1.4 : hour < 21 ? 0.9 : 0.3;
            var week = local.DayOfWeek switch { DayOfWeek.Monday => 1.3, DayOfWeek.Sunday => 0.5, DayOfWeek.Saturday => 0.9, _ => 1.0 };
            return day * week;
        }

        var paris = Platform.Time.BusinessClock.Zone("Europe/Paris");
        var meanShape = Enumerable.Range(0, 24 * 7).Select(h => Shape(new DateTime(2026, 11, 16).AddHours(h))).Average();
        var perHour = contacts / (double)hours / meanShape;
        for (var hour = first; hour < last; hour++)
        {
            var shape = Shape(TimeZoneInfo.ConvertTime(CauseCounts.StartOf(hour), paris).DateTime) * perHour;
            for (var c = 0; c < causes.Count; c++)
            {
                var mean = shape * weights[c] / weightSum;
                // Rounded with a random fraction, so that rare causes still appear now and then.
                var count = (int)(mean * (0.8 + (0.4 * random.NextDouble())) + random.NextDouble());
                if (count > 0)
                {
                    yield return (hour, causes[c], count);
                }
            }
        }
    }

    private static async Task<(long Rows, long Contacts)> FillSqliteAsync(string connectionString, IEnumerable<(long Hour, int CauseId, int Count)> rows)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO \"CauseCounts\" (\"Scope\", \"ScopeId\", \"Hour\", \"CauseId\", \"Count\") VALUES (1, $scope, $hour, $cause, $count)";
        var scope = insert.Parameters.Add("$scope", SqliteType.Integer);
        var hour = insert.Parameters.Add("$hour", SqliteType.Integer);
        var cause = insert.Parameters.Add("$cause", SqliteType.Integer);
        var count = insert.Parameters.Add("$count", SqliteType.Integer);
        var country = await CountryAsync(connection);
        scope.Value = country;
        long written = 0, total = 0;
        foreach (var row in rows)
        {
            hour.Value = row.Hour;
            cause.Value = row.CauseId;
            count.Value = row.Count;
            await insert.ExecuteNonQueryAsync();
            written++;
            total += row.Count;
        }

        await transaction.CommitAsync();
        await using var analyse = connection.CreateCommand();
        analyse.CommandText = "ANALYZE";
        await analyse.ExecuteNonQueryAsync();
        return (written, total);
    }

    private static async Task<(long Rows, long Contacts)> FillPostgresAsync(string connectionString, IEnumerable<(long Hour, int CauseId, int Count)> rows)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var country = await CountryAsync(connection);
        long written = 0, total = 0;
        await using (var copy = await connection.BeginBinaryImportAsync("COPY \"CauseCounts\" (\"Scope\", \"ScopeId\", \"Hour\", \"CauseId\", \"Count\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in rows)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(1, NpgsqlDbType.Integer);
                await copy.WriteAsync(country, NpgsqlDbType.Integer);
                await copy.WriteAsync(row.Hour, NpgsqlDbType.Bigint);
                await copy.WriteAsync(row.CauseId, NpgsqlDbType.Integer);
                await copy.WriteAsync(row.Count, NpgsqlDbType.Integer);
                written++;
                total += row.Count;
            }

            await copy.CompleteAsync();
        }

        await using var analyse = new NpgsqlCommand("ANALYZE \"CauseCounts\"", connection);
        await analyse.ExecuteNonQueryAsync();
        return (written, total);
    }

    private static async Task<int> CountryAsync(System.Data.Common.DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Id\" FROM \"Countries\" WHERE \"Code\" = 'FR'";
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
