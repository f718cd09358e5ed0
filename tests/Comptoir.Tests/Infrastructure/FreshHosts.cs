using System.Collections.Concurrent;

namespace Comptoir.Tests.Infrastructure;

/// <summary>
/// Hosts of one test class only (a class fixture), on fresh databases: for tests that need to know every
/// conversation waiting in a queue. Tests of one class run one after another, so they may rely on order
/// within a test but should not rely on each other.
/// </summary>
public class FreshHosts : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Db, Lazy<Task<ComptoirHost>>> _hosts = new();

    public Task<ComptoirHost> GetAsync(Db db)
    {
        if (db == Db.PostgreSql)
        {
            TestDatabase.PostgresServer();
        }

        return _hosts.GetOrAdd(db, key => new Lazy<Task<ComptoirHost>>(async () =>
        {
            var host = new ComptoirHost(await TestDatabase.CreateAsync(key), Settings);
            host.StartServer();
            return host;
        })).Value;
    }

    /// <summary>Settings a derived fixture gives its hosts, e.g. more demo parts.</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    public async ValueTask DisposeAsync()
    {
        foreach (var lazy in _hosts.Values.Where(l => l.IsValueCreated && l.Value.IsCompletedSuccessfully))
        {
            var host = lazy.Value.Result;
            await host.DisposeAsync();
            await host.Database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
