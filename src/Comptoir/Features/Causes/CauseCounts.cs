using System.Globalization;
using System.Text;
using Comptoir.Features.Conversations;
using Comptoir.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.Causes;

/// <summary>Keeps <see cref="CauseCount"/> in step with the causes of conversations, in the caller's transaction.</summary>
public static class CauseCounts
{
    private const int RowsPerStatement = 500;

    public static long HourOf(DateTimeOffset at) => at.ToUnixTimeSeconds() / 3600;

    public static DateTimeOffset StartOf(long hour) => DateTimeOffset.FromUnixTimeSeconds(hour * 3600);

    /// <summary>The rows a conversation's cause counts in: the group, its country, its store.</summary>
    public static IEnumerable<CauseCountDelta> For(Conversation conversation, int causeId, int change)
    {
        var hour = HourOf(conversation.CreatedAt);
        yield return new CauseCountDelta(CauseScope.Group, 0, hour, causeId, change);
        yield return new CauseCountDelta(CauseScope.Country, conversation.CountryId ?? 0, hour, causeId, change);
        if (conversation.StoreId is { } store)
        {
            yield return new CauseCountDelta(CauseScope.Store, store, hour, causeId, change);
        }
    }

    /// <summary>Adds the changes in the caller's transaction (<see cref="Statements"/>, one after the other).</summary>
    public static async Task ApplyAsync(ComptoirDbContext db, IEnumerable<CauseCountDelta> deltas, CancellationToken cancellationToken)
    {
        foreach (var statement in Statements(deltas))
        {
            await db.Database.ExecuteSqlRawAsync(statement.Text, statement.Parameters.Select(p => p ?? DBNull.Value), cancellationToken);
        }
    }

    /// <summary>
    /// The changes as one upsert per few hundred rows. Rows are summed and sorted first, so that two writers
    /// always lock the same rows in the same order and never deadlock on PostgreSQL.
    /// </summary>
    public static IEnumerable<SqlStatement> Statements(IEnumerable<CauseCountDelta> deltas)
    {
        var rows = deltas
            .GroupBy(d => (d.Scope, d.ScopeId, d.Hour, d.CauseId))
            .Select(g => (g.Key, Change: g.Sum(d => d.Change)))
            .Where(r => r.Change != 0)
            .OrderBy(r => r.Key.Scope).ThenBy(r => r.Key.ScopeId).ThenBy(r => r.Key.Hour).ThenBy(r => r.Key.CauseId)
            .ToList();
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            var sql = new StringBuilder("INSERT INTO \"CauseCounts\" (\"Scope\", \"ScopeId\", \"Hour\", \"CauseId\", \"Count\") VALUES ");
            var parameters = new object?[chunk.Length * 5];
            for (var i = 0; i < chunk.Length; i++)
            {
                var (key, change) = chunk[i];
                sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"({{{i * 5}}}, {{{(i * 5) + 1}}}, {{{(i * 5) + 2}}}, {{{(i * 5) + 3}}}, {{{(i * 5) + 4}}})");
                parameters[i * 5] = (int)key.Scope;
                parameters[(i * 5) + 1] = key.ScopeId;
                parameters[(i * 5) + 2] = key.Hour;
                parameters[(i * 5) + 3] = key.CauseId;
                parameters[(i * 5) + 4] = change;
            }

            sql.Append(" ON CONFLICT (\"Scope\", \"ScopeId\", \"Hour\", \"CauseId\") DO UPDATE SET \"Count\" = \"CauseCounts\".\"Count\" + excluded.\"Count\"");
            yield return new SqlStatement(sql.ToString(), parameters);
        }
    }
}
