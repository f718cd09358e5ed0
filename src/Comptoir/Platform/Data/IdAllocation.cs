using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Comptoir.Platform.Data;

/// <summary>Ids reserved ahead of inserts, so that rows can refer to each other inside one batch (<see cref="BulkInsert.InsertAsync"/>).</summary>
public static class IdAllocation
{
    /// <summary>
    /// Reserves ids for several entities' identity columns in one round trip. On PostgreSQL they come from
    /// each column's own sequence, so EF Core inserts elsewhere never collide with them (concurrent callers
    /// may interleave); on SQLite the caller's write transaction (one writer at a time) makes the ids after
    /// the largest safe to use.
    /// </summary>
    public static async Task<long[][]> AllocateIdsAsync(this ComptoirDbContext db, DatabaseProvider provider, IReadOnlyList<(Type Entity, int Count)> requests, CancellationToken cancellationToken)
    {
        var result = new long[requests.Count][];
        if (requests.All(r => r.Count == 0))
        {
            return [.. requests.Select(_ => Array.Empty<long>())];
        }

        var sql = db.GetService<ISqlGenerationHelper>();
        var tables = requests.Select(r => sql.DelimitIdentifier(db.Model.FindEntityType(r.Entity)!.GetTableName()!)).ToList();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (provider == DatabaseProvider.PostgreSql)
        {
            // Sequences hand out each value once, inside a transaction or not.
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                return await NextValuesAsync(command, tables, requests, cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        if (command.Transaction is null)
        {
            throw new InvalidOperationException("On SQLite, ids are allocated inside the write transaction that uses them.");
        }

        command.CommandText = "SELECT " + string.Join(", ", tables.Select(table => $"(SELECT COALESCE(MAX(\"Id\"), 0) FROM {table})"));
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            for (var i = 0; i < requests.Count; i++)
            {
                var first = reader.GetInt64(i) + 1;
                result[i] = [.. Enumerable.Range(0, requests[i].Count).Select(n => first + n)];
            }
        }

        return result;
    }

    private static async Task<long[][]> NextValuesAsync(DbCommand command, List<string> tables, IReadOnlyList<(Type Entity, int Count)> requests, CancellationToken cancellationToken)
    {
        // The counts are parameters, so that the statement text stays the same and is prepared once.
        command.CommandText = "SELECT " + string.Join(", ", tables.Select((table, i) =>
            $"ARRAY(SELECT nextval(pg_get_serial_sequence('{table}', 'Id')) FROM generate_series(1, @n{i.ToString(CultureInfo.InvariantCulture)}))"));
        for (var i = 0; i < requests.Count; i++)
        {
            command.Parameters.Add(new NpgsqlParameter<int>("n" + i.ToString(CultureInfo.InvariantCulture), requests[i].Count));
        }

        var result = new long[requests.Count][];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        for (var i = 0; i < requests.Count; i++)
        {
            result[i] = reader.GetFieldValue<long[]>(i);
        }

        return result;
    }
}
