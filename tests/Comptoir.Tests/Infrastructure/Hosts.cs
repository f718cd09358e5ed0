using System.Collections.Concurrent;

[assembly: AssemblyFixture(typeof(Comptoir.Tests.Infrastructure.Hosts))]

namespace Comptoir.Tests.Infrastructure;

/// <summary>
/// One shared host per database provider for the whole run, seeded once with the small demo organisation.
/// Tests that change data create records of their own; tests that need a pristine or specially configured
/// host start their own <see cref="ComptoirHost"/>.
/// </summary>
public sealed class Hosts : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Db, Lazy<Task<ComptoirHost>>> _hosts = new();

    public Task<ComptoirHost> GetAsync(Db db)
    {
        if (db == Db.PostgreSql)
        {
            TestDatabase.PostgresServer();
        }

        return _hosts.GetOrAdd(db, key => new Lazy<Task<ComptoirHost>>(() => StartAsync(key))).Value;
    }

    private static async Task<ComptoirHost> StartAsync(Db db)
    {
        var database = await TestDatabase.CreateAsync(db);
        var host = new ComptoirHost(database);
        host.StartServer();
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var lazy in _hosts.Values)
        {
            if (lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully)
            {
                var host = lazy.Value.Result;
                await host.DisposeAsync();
                await host.Database.DisposeAsync();
            }
        }
    }
}
