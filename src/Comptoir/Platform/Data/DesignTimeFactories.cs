using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Comptoir.Platform.Data;

// Used only by `dotnet ef` (scripts/add-migration.sh); neither opens a connection to create a migration.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteComptoirDbContext>
{
    public SqliteComptoirDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteComptoirDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresComptoirDbContext>
{
    public PostgresComptoirDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresComptoirDbContext>().UseNpgsql("Host=localhost;Database=comptoir_design").Options);
}
