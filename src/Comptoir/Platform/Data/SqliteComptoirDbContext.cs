using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Comptoir.Platform.Data;

/// <summary>The embedded default: one SQLite file, no server to install.</summary>
public sealed class SqliteComptoirDbContext(DbContextOptions<SqliteComptoirDbContext> options) : ComptoirDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // SQLite has no date type: instants are stored as 64-bit numbers so that SQL can compare and order
        // them (SLA clocks, "newest first", daily windows). All instants are UTC.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
