using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Comptoir.Platform.Data;

/// <summary>
/// Ids chosen ahead of inserts, so that rows can refer to each other inside one batch (<see cref="BulkInsert.InsertAsync"/>):
/// from each table's own sequence on PostgreSQL (<see cref="NextValues"/>, through <see cref="IdReservoir"/>), so that
/// EF Core inserts elsewhere never collide with them; after the largest on SQLite (<see cref="AllocateIdsAsync"/>).
/// </summary>
public static class IdAllocation
{
    /// <summary>
    /// SQLite: the ids after each table's largest, safe inside the caller's write transaction (one writer at a time).
    /// </summary>
    public static async Task<long[][]> AllocateIdsAsync(this ComptoirDbContext db, IReadOnlyList<(Type Entity, int Count)> requests, CancellationToken cancellationToken)
    {
        if (requests.All(r => r.Count == 0))
        {
            return [.. requests.Select(_ => Array.Empty<long>())];
        }

        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
                              ?? throw new InvalidOperationException("On SQLite, ids are allocated inside the write transaction that uses them.");
        command.CommandText = "SELECT " + string.Join(", ", requests.Select(r => $"(SELECT COALESCE(MAX(\"Id\"), 0) FROM {Table(db, r.Entity)})"));
        var result = new long[requests.Count][];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        for (var i = 0; i < requests.Count; i++)
        {
            var first = reader.GetInt64(i) + 1;
            result[i] = [.. Enumerable.Range(0, requests[i].Count).Select(n => first + n)];
        }

        return result;
    }

    /// <summary>
    /// PostgreSQL: one statement that takes the next <c>Count</c> values of each entity's identity sequence, one
    /// array column per entity. Sequences hand out each value once, inside a transaction or not. The counts are
    /// parameters, so that the text stays the same and is prepared once.
    /// </summary>
    internal static SqlStatement NextValues(ComptoirDbContext db, IReadOnlyList<(Type Entity, int Count)> requests) => new(
        "SELECT " + string.Join(", ", requests.Select((r, i) =>
            $"ARRAY(SELECT nextval(pg_get_serial_sequence('{Table(db, r.Entity)}', 'Id')) FROM generate_series(1, {{{i.ToString(CultureInfo.InvariantCulture)}}}))")),
        [.. requests.Select(r => (object?)r.Count)]);

    private static string Table(ComptoirDbContext db, Type entity) =>
        db.GetService<ISqlGenerationHelper>().DelimitIdentifier(db.Model.FindEntityType(entity)!.GetTableName()!);
}
