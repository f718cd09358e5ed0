using Comptoir.Features.Causes.Emerging;
using Comptoir.Tests.Features.Causes.Digests;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Comptoir.Tests.Features.Causes.Emerging;

/// <summary>What emerging-irritant tests do around a host on a fake clock: write contacts in a country, watch, read the flags.</summary>
internal static class EmergingClock
{
    /// <summary>Contacts written at the clock's time in a country, classified and counted by the real ingestion.</summary>
    public static async Task<List<long>> WriteAllAsync(this ComptoirHost host, FakeTimeProvider clock, IEnumerable<string> texts, int countryId)
    {
        var ids = new List<long>();
        foreach (var text in texts)
        {
            ids.Add(await host.WriteAsync(clock, text, countryId));
        }

        return ids;
    }

    /// <summary>One run of the watch job, as its timer would start it.</summary>
    public static Task<int> WatchAsync(this ComptoirHost host) => host.Services.GetRequiredService<WatchEmergingIrritants>().RunOnceAsync(default);

    public static Task<List<EmergingIrritant>> FlagsAsync(this ComptoirHost host) =>
        host.QueryAsync(c => c.EmergingIrritants.AsNoTracking().Include(e => e.Verbatims).ToListAsync());
}
