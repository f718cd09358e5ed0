using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Comptoir.Platform.Data;

/// <summary>
/// Queries that do not depend on each other, read in one round trip: on PostgreSQL one batch whose result sets
/// are read in turn, on SQLite (which has no round trips) one command after the other on the same connection and
/// transaction. The statements are written once for both databases (<see cref="SqlStatement"/>); a list of keys
/// goes in as one parameter (<see cref="In"/>), so that each statement's text, hence its prepared plan, does not
/// depend on how many keys a batch has.
/// </summary>
public sealed class ReadBatch(ComptoirDbContext db)
{
    private readonly List<(SqlStatement Statement, Action<DbDataReader> Row)> _queries = [];

    private readonly bool _postgres = db.Database.IsNpgsql();

    /// <summary>The queries added so far, in order.</summary>
    internal IEnumerable<SqlStatement> Statements => _queries.Select(q => q.Statement);

    /// <summary>Adds a query; <paramref name="row"/> is called for each row of its result, in order.</summary>
    public void Add(SqlStatement statement, Action<DbDataReader> row) => _queries.Add((statement, row));

    /// <summary>
    /// The condition that <paramref name="column"/> is one of the values of placeholder <paramref name="placeholder"/>,
    /// whose value <see cref="List{T}"/> gives: an array on PostgreSQL, a JSON array read by <c>json_each</c> on SQLite
    /// (a text parameter, which SQLite reads as a table and joins on the column's index).
    /// </summary>
    public string In(string column, int placeholder)
    {
        var name = "{" + placeholder.ToString(CultureInfo.InvariantCulture) + "}";
        return _postgres ? $"{column} = ANY ({name})" : $"{column} IN (SELECT value FROM json_each({name}))";
    }

    /// <summary>
    /// The condition that <paramref name="column"/> is one of the values <paramref name="subquery"/> returns. On
    /// PostgreSQL the subquery becomes an array computed first, so that even a generic plan looks the column up
    /// in its index for each value rather than joining the whole table (decision 14).
    /// </summary>
    public string InQuery(string column, string subquery) =>
        _postgres ? $"{column} = ANY (ARRAY({subquery}))" : $"{column} IN ({subquery})";

    /// <summary>The parameter value of a list used with <see cref="In"/>.</summary>
    public object List<T>(IReadOnlyCollection<T> values) => _postgres ? values.ToArray() : JsonSerializer.Serialize(values);

    public async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        if (_queries.Count == 0)
        {
            return;
        }

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (connection is NpgsqlConnection postgres)
            {
                await using var batch = new NpgsqlBatch(postgres, (NpgsqlTransaction?)transaction);
                foreach (var (statement, _) in _queries)
                {
                    batch.BatchCommands.Add(statement.ToBatchCommand());
                }

                await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
                foreach (var (_, row) in _queries)
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        row(reader);
                    }

                    await reader.NextResultAsync(cancellationToken);
                }

                return;
            }

            foreach (var (statement, row) in _queries)
            {
                await using var command = statement.ToCommand(connection, transaction);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    row(reader);
                }
            }
        }
        finally
        {
            _queries.Clear();
            await db.Database.CloseConnectionAsync();
        }
    }
}
