using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Comptoir.Platform.Data;

/// <summary>
/// Inserts many rows of an entity, with ids the caller already allocated (<see cref="AllocateIdsAsync"/>),
/// by each engine's fastest path: binary COPY on PostgreSQL, one prepared statement reused for every row on
/// SQLite. Columns, names and value conversions come from the EF Core model, so the rows are exactly what
/// EF itself would write; only change tracking and statement building per row are skipped. Used on the
/// ingestion hot path, where those cost most of the time.
/// </summary>
public static class BulkInsert
{
    public static async Task InsertAsync<T>(this ComptoirDbContext db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not part of the model.");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var properties = entity.GetProperties().Where(p => p.GetColumnName(store) is not null && !p.IsShadowProperty()).ToList();
        var getters = properties.Select(p => p.GetGetter()).ToList();
        var converters = properties.Select(p => p.GetTypeMapping().Converter).ToList();
        var sqlHelper = db.GetService<ISqlGenerationHelper>();
        var columns = string.Join(", ", properties.Select(p => sqlHelper.DelimitIdentifier(p.GetColumnName(store)!)));
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();

        object? Value(T row, int column)
        {
            var value = getters[column].GetClrValue(row);
            return value is not null && converters[column] is { } converter ? converter.ConvertToProvider(value) : value;
        }

        foreach (var row in rows)
        {
            (row as IHasSearchKey)?.RefreshSearchKey();
        }

        if (connection is Npgsql.NpgsqlConnection postgres)
        {
            // Binary COPY: PostgreSQL's own bulk path, one stream for all rows.
            await using var importer = await postgres.BeginBinaryImportAsync($"COPY {sqlHelper.DelimitIdentifier(table)} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                for (var c = 0; c < properties.Count; c++)
                {
                    if (Value(row, c) is { } value)
                    {
                        await importer.WriteAsync(value, cancellationToken);
                    }
                    else
                    {
                        await importer.WriteNullAsync(cancellationToken);
                    }
                }
            }

            await importer.CompleteAsync(cancellationToken);
            return;
        }

        // SQLite: one prepared single-row statement, executed per row, is its fastest path.
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {sqlHelper.DelimitIdentifier(table)} ({columns}) VALUES ({string.Join(", ", properties.Select((_, i) => "@b" + i))})";
        var parameters = new DbParameter[properties.Count];
        for (var c = 0; c < properties.Count; c++)
        {
            parameters[c] = command.CreateParameter();
            parameters[c].ParameterName = "@b" + c;
            command.Parameters.Add(parameters[c]);
        }

        await command.PrepareAsync(cancellationToken);
        foreach (var row in rows)
        {
            for (var c = 0; c < properties.Count; c++)
            {
                parameters[c].Value = Value(row, c) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Reserves <paramref name="count"/> ids of an entity's identity column. On PostgreSQL they come from the
    /// column's own sequence (so EF Core inserts elsewhere never collide with them, though concurrent callers
    /// may interleave); on SQLite the caller's write transaction (SQLite has one writer at a time) makes the
    /// ids after the largest safe to use.
    /// </summary>
    public static async Task<long[]> AllocateIdsAsync<T>(this ComptoirDbContext db, DatabaseProvider provider, int count, CancellationToken cancellationToken)
        where T : class
    {
        if (count == 0)
        {
            return [];
        }

        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = db.GetService<ISqlGenerationHelper>().DelimitIdentifier(entity.GetTableName()!);
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Ids are allocated inside the transaction that uses them.");
        var ids = new long[count];
        if (provider == DatabaseProvider.PostgreSql)
        {
            command.CommandText = $"SELECT nextval(pg_get_serial_sequence('{table}', 'Id')) FROM generate_series(1, @n)";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@n";
            parameter.Value = count;
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            for (var i = 0; await reader.ReadAsync(cancellationToken); i++)
            {
                ids[i] = reader.GetInt64(0);
            }

            return ids;
        }

        command.CommandText = $"SELECT COALESCE(MAX(\"Id\"), 0) FROM {table}";
        var first = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) + 1;
        for (var i = 0; i < count; i++)
        {
            ids[i] = first + i;
        }

        return ids;
    }
}
