using Microsoft.EntityFrameworkCore;

namespace Comptoir.Platform.Data;

/// <summary>The production database.</summary>
public sealed class PostgresComptoirDbContext(DbContextOptions<PostgresComptoirDbContext> options) : ComptoirDbContext(options);
