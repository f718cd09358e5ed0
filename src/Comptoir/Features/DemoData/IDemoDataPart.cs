using Comptoir.Platform.Data;

namespace Comptoir.Features.DemoData;

/// <summary>
/// One feature's share of the demo data. Parts run in <see cref="Order"/>; each draws from its own random
/// stream, derived from the seed and its name, so adding a part never changes what earlier parts produce.
/// </summary>
public interface IDemoDataPart
{
    int Order { get; }

    string Name { get; }

    Task<string> GenerateAsync(DemoDataRun run, CancellationToken cancellationToken);
}

/// <summary>What a part needs: the database, the scale, its random stream and the instant the data ends at.</summary>
public sealed class DemoDataRun(ComptoirDbContext db, DemoScale scale, int seed, DateTimeOffset now)
{
    public ComptoirDbContext Db { get; } = db;

    public DemoScale Scale { get; } = scale;

    public int Seed { get; } = seed;

    /// <summary>Demo history ends here; parts date their records before it.</summary>
    public DateTimeOffset Now { get; } = now;

    /// <summary>Commits what was generated so far and goes on in a new transaction: large parts write in slices.</summary>
    public async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        if (Db.Database.CurrentTransaction is { } current)
        {
            await current.CommitAsync(cancellationToken);
            await current.DisposeAsync();
        }

        await Db.Database.BeginTransactionAsync(cancellationToken);
    }

    public Random RandomFor(string partName)
    {
        // FNV-1a: string.GetHashCode is randomised per process and would break determinism.
        var hash = 2166136261u;
        foreach (var c in partName)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return new Random(unchecked((int)hash) ^ Seed);
    }
}
