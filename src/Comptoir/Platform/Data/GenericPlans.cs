using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
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
/// <remarks>
/// The writers' contexts come from their own pool, registered under the key <see cref="Writers"/>: a pooled
/// context keeps its connection string when it is given back, so the two kinds never share a pool. On SQLite the
/// key gives the ordinary factory.
/// </remarks>
public static class GenericPlans
{
    /// <summary>The key of the writers' <see cref="IDbContextFactory{TContext}"/> of <see cref="ComptoirDbContext"/>.</summary>
    public const string Writers = "ingestion-writers";

    /// <summary>The same options on connections opened with <c>plan_cache_mode=force_generic_plan</c>.</summary>
    public static DbContextOptions<TContext> Options<TContext>(DbContextOptions<TContext> options)
        where TContext : DbContext
    {
        var connection = new NpgsqlConnectionStringBuilder(RelationalOptionsExtension.Extract(options).ConnectionString);
        connection.Options = $"{connection.Options} -c plan_cache_mode=force_generic_plan".Trim();
        return new DbContextOptionsBuilder<TContext>(options).UseNpgsql(connection.ConnectionString).Options;
    }
}
