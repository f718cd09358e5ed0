using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Comptoir.Features.Channels;
using Comptoir.Features.Channels.Messaging;
using Comptoir.Features.Conversations;
using Comptoir.Features.Conversations.Ingestion;
using Comptoir.Features.DemoData;
using Comptoir.Features.Routing;
using Comptoir.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Comptoir.Bench;

/// <summary>
/// Contacts ingested end to end (parse the webhook body, recognise the customer, thread, route, compute
/// deadlines, store, queue the acknowledgement) against the raw insert rate of the same database in the
/// same run: one prepared INSERT per row of the same size, committed in batches of the same size.
/// </summary>
internal static class IngestBenchmark
{
    // warm: contacts ingested first, untimed, followed by ANALYZE. The timed part then measures a database in
    // steady state (returning customers, statistics known to the planner) rather than one being filled from
    // empty, whose speed on PostgreSQL depends on when autovacuum first analyses the new tables.
    public static async Task RunAsync(string provider, int count, int producers, int warm, string? postgres)
    {
        await using var database = await BenchDatabase.CreateAsync(provider, postgres);
        await using var host = new BenchHost(database, Environment.GetEnvironmentVariable("BENCH_SQL_LOG") is null ? null : new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Query"] = "Debug" });
        host.StartServer();
        await host.Services.GetRequiredService<DemoDataGenerator>()
            .GenerateAsync(DemoScale.Small, 2026, DateTimeOffset.UtcNow, CancellationToken.None, ["organisation", "service-setup", "causes"]);
        var all = BenchPayloads.Sms(warm + count, 42, Guid.NewGuid().ToString("N")[..8]);
        var payloads = all.GetRange(warm, count);
        if (warm > 0)
        {
            await IngestAsync(host, all.GetRange(0, warm), producers);
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ComptoirDbContext>().Database.ExecuteSqlRawAsync("ANALYZE");
        }

        var raw = await RawInsertAsync(database, payloads);
        var ingest = await IngestAsync(host, payloads, producers);

        var stored = await CountAsync(host);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider}: {count} contacts{(warm > 0 ? $" after {warm} ingested and ANALYZE" : "")}, {producers} producers | raw insert {raw:F0} rows/s | ingestion {ingest:F0} contacts/s | ratio {ingest / raw:F2} | 6.6 M contacts in {6_600_000 / ingest / 60:F1} min | stored {stored}"));
    }

    private static async Task<double> IngestAsync(BenchHost host, List<byte[]> payloads, int producers)
    {
        var intake = host.Services.GetRequiredService<ContactIntake>();
        var catalog = host.Services.GetRequiredService<RoutingCatalog>();
        var settings = new ChannelOptions().Sms;
        var time = TimeProvider.System;
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, producers).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < payloads.Count)
            {
                var payload = JsonSerializer.Deserialize<ReceiveMessage.Payload>(payloads[i])!;
                var routing = await catalog.GetAsync(CancellationToken.None);
                if (ReceiveMessage.Validate(Channel.Sms, payload, routing, settings, out var activity, out var store) is { } problem)
                {
                    throw new InvalidOperationException(problem);
                }

                await intake.SubmitAsync(ReceiveMessage.ToContact(Channel.Sms, payload, activity, store, time), CancellationToken.None);
            }
        }));
        return payloads.Count / watch.Elapsed.TotalSeconds;
    }

    private static async Task<double> RawInsertAsync(BenchDatabase database, List<byte[]> payloads)
    {
        const int Batch = 200;
        var watch = Stopwatch.StartNew();
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            await using var connection = new SqliteConnection(database.ConnectionString);
            await connection.OpenAsync();
            await Execute(connection.CreateCommand(), "CREATE TABLE bench_raw (id INTEGER PRIMARY KEY, external_id TEXT, body BLOB, at INTEGER)");
            watch.Restart();
            foreach (var chunk in payloads.Chunk(Batch))
            {
                await using var transaction = connection.BeginTransaction();
                await using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO bench_raw (external_id, body, at) VALUES ($e, $b, $a)";
                var e = insert.Parameters.Add("$e", SqliteType.Text);
                var b = insert.Parameters.Add("$b", SqliteType.Blob);
                var a = insert.Parameters.Add("$a", SqliteType.Integer);
                foreach (var row in chunk)
                {
                    e.Value = Guid.NewGuid().ToString("N");
                    b.Value = row;
                    a.Value = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                    await insert.ExecuteNonQueryAsync();
                }

                await transaction.CommitAsync();
            }
        }
        else
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await Execute(new NpgsqlCommand("CREATE TABLE bench_raw (id bigserial PRIMARY KEY, external_id text, body bytea, at timestamptz)", connection), null);
            watch.Restart();
            foreach (var chunk in payloads.Chunk(Batch))
            {
                await using var transaction = await connection.BeginTransactionAsync();
                await using var insert = new NpgsqlCommand("INSERT INTO bench_raw (external_id, body, at) VALUES ($1, $2, $3)", connection, transaction);
                var e = insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
                var b = insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bytea });
                var a = insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
                await insert.PrepareAsync();
                foreach (var row in chunk)
                {
                    e.Value = Guid.NewGuid().ToString("N");
                    b.Value = row;
                    a.Value = DateTimeOffset.UtcNow;
                    await insert.ExecuteNonQueryAsync();
                }

                await transaction.CommitAsync();
            }
        }

        return payloads.Count / watch.Elapsed.TotalSeconds;
    }

    private static async Task Execute(System.Data.Common.DbCommand command, string? text)
    {
        await using (command)
        {
            if (text is not null)
            {
                command.CommandText = text;
            }

            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task<int> CountAsync(BenchHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComptoirDbContext>();
        return db.Messages.Count(m => m.Direction == MessageDirection.Inbound);
    }
}
