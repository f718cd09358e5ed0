using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Comptoir.Platform.Data;

/// <summary>
/// Writes many new rows of several entities, with ids the caller already allocated
/// (<see cref="IdAllocation"/>), in as few round trips as each engine allows: on PostgreSQL one batch of
/// multi-row INSERTs for everything (binary COPY per table when a batch is large); on SQLite, which has no
/// round trips, one prepared statement per table reused for every row. Columns, names and value conversions
/// come from the EF Core model, so the rows are exactly what EF itself would write; change tracking and a
/// generated statement per row are what is skipped. Used on the ingestion hot path, where they cost most.
/// </summary>
public static class BulkInsert
{
    /// <summary>Above this many rows in one call, PostgreSQL gets COPY rather than one batch of INSERTs.</summary>
    private const int CopyThreshold = 2_000;

    /// <summary>Rows of one entity, with what is needed to write them.</summary>
    public sealed class TableRows
    {
        internal TableRows(string table, IReadOnlyList<string> columns, IReadOnlyList<object?[]> values)
        {
            Table = table;
            Columns = columns;
            Values = values;
        }

        internal string Table { get; }

        internal IReadOnlyList<string> Columns { get; }

        internal IReadOnlyList<object?[]> Values { get; }
    }

    /// <summary>Reads the rows' column values (converted as EF would store them), refreshing search keys first.</summary>
    public static TableRows Rows<T>(this ComptoirDbContext db, IReadOnlyCollection<T> rows)
        where T : class
    {
        var layout = EntityLayout.Of<T>(db);
        var values = new List<object?[]>(rows.Count);
        foreach (var row in rows)
        {
            (row as IHasSearchKey)?.RefreshSearchKey();
            var record = new object?[layout.Getters.Length];
            for (var c = 0; c < record.Length; c++)
            {
                var value = layout.Getters[c].GetClrValue(row);
                record[c] = value is not null && layout.Converters[c] is { } converter ? converter.ConvertToProvider(value) : value;
            }

            values.Add(record);
        }

        return new TableRows(layout.Table, layout.Columns, values);
    }

    /// <summary>
    /// Writes the tables in the order given (parents first), then runs <paramref name="statements"/>, all or
    /// nothing: inside the context's current transaction, or else its own. On PostgreSQL all of it is one
    /// batch, so one round trip, and without a current transaction that batch is its own transaction (the
    /// implicit transaction of a batch: a failing statement rolls back those before it), with no BEGIN or
    /// COMMIT to wait for; only a batch large enough for COPY opens an explicit one.
    /// </summary>
    public static async Task InsertAsync(this ComptoirDbContext db, IReadOnlyList<TableRows> tables, IReadOnlyList<SqlStatement> statements, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var copy = connection is NpgsqlConnection && tables.Sum(t => t.Values.Count) > CopyThreshold;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var own = db.Database.CurrentTransaction is null && (copy || connection is not NpgsqlConnection)
                ? await db.Database.BeginTransactionAsync(cancellationToken)
                : null;
            await WriteAsync(db, connection, copy, tables, statements, cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task WriteAsync(ComptoirDbContext db, DbConnection connection, bool copy, IReadOnlyList<TableRows> tables, IReadOnlyList<SqlStatement> statements, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (connection is NpgsqlConnection postgres)
        {
            if (copy)
            {
                foreach (var table in tables.Where(t => t.Values.Count > 0))
                {
                    await CopyAsync(postgres, table, cancellationToken);
                }
            }

            await using var batch = new NpgsqlBatch(postgres, (NpgsqlTransaction?)transaction);
            foreach (var table in tables.Where(t => t.Values.Count > 0 && !copy))
            {
                var command = new NpgsqlBatchCommand();
                var text = new StringBuilder($"INSERT INTO {table.Table} ({string.Join(", ", table.Columns)}) VALUES ");
                var position = 1;
                for (var r = 0; r < table.Values.Count; r++)
                {
                    text.Append(r == 0 ? "(" : ", (");
                    for (var c = 0; c < table.Columns.Count; c++)
                    {
                        text.Append(c == 0 ? "$" : ", $").Append(position++.ToString(CultureInfo.InvariantCulture));
                        command.Parameters.Add(new NpgsqlParameter { Value = table.Values[r][c] ?? DBNull.Value });
                    }

                    text.Append(')');
                }

                command.CommandText = text.ToString();
                batch.BatchCommands.Add(command);
            }

            foreach (var statement in statements)
            {
                batch.BatchCommands.Add(statement.ToBatchCommand());
            }

            if (batch.BatchCommands.Count > 0)
            {
                await batch.ExecuteNonQueryAsync(cancellationToken);
            }

            return;
        }

        foreach (var table in tables.Where(t => t.Values.Count > 0))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO {table.Table} ({string.Join(", ", table.Columns)}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "@b" + i.ToString(CultureInfo.InvariantCulture)))})";
            var parameters = new DbParameter[table.Columns.Count];
            for (var c = 0; c < parameters.Length; c++)
            {
                parameters[c] = command.CreateParameter();
                parameters[c].ParameterName = "@b" + c.ToString(CultureInfo.InvariantCulture);
                command.Parameters.Add(parameters[c]);
            }

            await command.PrepareAsync(cancellationToken);
            foreach (var row in table.Values)
            {
                for (var c = 0; c < parameters.Length; c++)
                {
                    parameters[c].Value = row[c] ?? DBNull.Value;
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        foreach (var statement in statements)
        {
            await using var command = statement.ToCommand(connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The value <paramref name="value"/> of <typeparamref name="T"/>'s property as the database stores it.</summary>
    public static object? ProviderValue<T>(this ComptoirDbContext db, string property, object? value)
    {
        var converter = db.Model.FindEntityType(typeof(T))?.FindProperty(property)?.GetTypeMapping().Converter;
        return value is not null && converter is not null ? converter.ConvertToProvider(value) : value;
    }

    private static async Task CopyAsync(NpgsqlConnection connection, TableRows table, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {table.Table} ({string.Join(", ", table.Columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in table.Values)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var value in row)
            {
                if (value is null)
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await importer.WriteAsync(value, cancellationToken);
                }
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }
}
