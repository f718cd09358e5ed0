using Comptoir.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Features.DemoData;

/// <summary>
/// Fills an empty database with a deterministic demo organisation and every feature's demo data. Each part
/// commits when done, and large parts (months of contacts) also in slices, through
/// <see cref="DemoDataRun.CheckpointAsync"/>: other connections then see what the next parts build on.
/// </summary>
public sealed partial class DemoDataGenerator(IServiceScopeFactory scopes, ILogger<DemoDataGenerator> logger)
{
    /// <summary>Runs the demo parts (all, or those named in <c>parts</c>: organisation, service-setup, causes, contacts).</summary>
    public async Task<IReadOnlyList<string>> GenerateAsync(DemoScale scale, int seed, DateTimeOffset now, CancellationToken cancellationToken, IReadOnlyCollection<string>? parts = null)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComptoirDbContext>();
        if (await db.Countries.AnyAsync(cancellationToken))
        {
            throw new DemoDataException(
                "The database already holds an organisation. Demo data goes into an empty database: " +
                "point ConnectionStrings:Comptoir at a new one, or delete the SQLite file under data/.");
        }

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await db.Database.BeginTransactionAsync(cancellationToken);
        var run = new DemoDataRun(db, scale, seed, now);
        var summaries = new List<string>();
        var selected = scope.ServiceProvider.GetServices<IDemoDataPart>().Where(p => parts is null || parts.Contains(p.Name)).OrderBy(p => p.Order).ToList();
        foreach (var part in selected)
        {
            var started = TimeProvider.System.GetTimestamp();
            var summary = await part.GenerateAsync(run, cancellationToken);
            db.ChangeTracker.Clear();
            await run.CheckpointAsync(cancellationToken);
            var seconds = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
            LogPart(logger, part.Name, summary, seconds);
            summaries.Add($"{part.Name}: {summary}");
        }

        await db.Database.CommitTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql() && selected.OfType<ContactsPart>().Any())
        {
            // Months of contacts loaded at once leave PostgreSQL's planner without statistics until autovacuum
            // comes by. Not after the organisation alone: statistics saying "empty" for the contact tables
            // would make the first plans of a fresh database scan them as they fill.
            await db.Database.ExecuteSqlRawAsync("ANALYZE", cancellationToken);
        }

        return summaries;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data {Part}: {Summary} in {Seconds:F1} s")]
    private static partial void LogPart(ILogger logger, string part, string summary, double seconds);
}

public sealed class DemoDataException(string message) : Exception(message);
