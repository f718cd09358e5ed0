using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Comptoir.Platform.Data;

/// <summary>
/// PostgreSQL connections whose prepared statements always run their generic plan
/// (<c>plan_cache_mode = force_generic_plan</c>), for the ingestion writers. Their reads are lookups of a
/// batch's keys (<c>= ANY($1)</c>) on unique or selective indexes, whose best plan does not depend on the values;
/// yet with PostgreSQL's default choice they were planned again at nearly every execution, the custom plan
/// looking cheaper than the generic one for small arrays: in the HTTP benchmark the identity lookup spent 1.3 s
/// planning for 0.3 s executing. The rest of the application keeps the default (decision 12).
/// </summary>
public static class GenericPlans
{
    private static readonly ConcurrentDictionary<string, string> ConnectionStrings = new(StringComparer.Ordinal);

    /// <summary>Points a context not yet used at the pool of such connections; does nothing on SQLite.</summary>
    public static void UseGenericPlans(this ComptoirDbContext db)
    {
        if (!db.Database.IsNpgsql() || db.Database.GetConnectionString() is not { } current)
        {
            return;
        }

        db.Database.SetConnectionString(ConnectionStrings.GetOrAdd(current, static connectionString =>
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            builder.Options = $"{builder.Options} -c plan_cache_mode=force_generic_plan".Trim();
            return builder.ConnectionString;
        }));
    }
}
