using Comptoir.Features.Causes;
using Comptoir.Features.Causes.Emerging;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static Comptoir.Tests.Features.Causes.Digests.DigestClock;

namespace Comptoir.Tests.Features.Causes.Emerging;

/// <summary>A cause, not only a word, surging against its own history: contacts in through the real host, classified, watched.</summary>
public sealed class EmergingCauseSurgeTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_known_cause_surging_today_is_flagged_with_its_contacts_and_the_steady_causes_are_not(Db db)
    {
        var clock = new FakeTimeProvider(ParisTime(2026, 10, 1, 9));
        await using var database = await TestDatabase.CreateAsync(db);
        await using var host = Host(database, clock);
        var france = await host.CountryAsync("FR");
        var threeDs = await host.CauseAsync("payment.3ds");
        for (var d = 0; d < 9; d++)
        {
            // The same everyday contacts, and 3-D Secure once every other day: its usual level.
            clock.SetUtcNow(ParisTime(2026, 10, 1 + d, 11));
            await host.WriteAllAsync(clock, EmergingIrritantTests.Everyday.Skip(d % 2), france);
            if (d % 2 == 0)
            {
                await host.WriteAsync(clock, ThreeDs, france);
            }
        }

        clock.SetUtcNow(ParisTime(2026, 10, 10, 15));
        var steady = await host.WriteAllAsync(clock, EmergingIrritantTests.Everyday, france);
        var surge = await host.WriteAllAsync(clock, Enumerable.Repeat(ThreeDs, 10), france);
        var steadyCauses = await host.QueryAsync(c => c.Conversations.Where(x => steady.Contains(x.Id) && x.CauseId != null).Select(x => x.CauseId!.Value).Distinct().ToListAsync());
        var surgeCauses = await host.QueryAsync(c => c.Conversations.Where(x => surge.Contains(x.Id)).Select(x => x.CauseId).ToListAsync());

        var raised = await host.WatchAsync();
        var again = await host.WatchAsync();
        var flags = await host.FlagsAsync();

        Assert.All(surgeCauses, c => Assert.Equal(threeDs, c));
        Assert.NotEmpty(steadyCauses);
        Assert.DoesNotContain(threeDs, steadyCauses);
        Assert.True(raised > 0);
        Assert.Equal(0, again);
        var causes = flags.Where(f => f.Kind == EmergingKind.Cause).ToList();
        Assert.Equal([(CauseScope.Group, 0), (CauseScope.Country, france)], causes.Select(f => (f.Scope, f.ScopeId)).Order().ToList());
        Assert.All(causes, f =>
        {
            Assert.Equal((threeDs, "payment.3ds", 10, false, new DateOnly(2026, 10, 10)), (f.CauseId!.Value, f.Term, f.Count, f.Unseen, f.Day));
            Assert.True(f.Score >= 4, $"score {f.Score}");
            Assert.Equal(5, f.Verbatims.Count);
            Assert.All(f.Verbatims, v => Assert.Contains(v.ConversationId, surge));
            Assert.All(f.Verbatims, v => Assert.Contains("3-D Secure", v.Excerpt, StringComparison.Ordinal));
        });
        Assert.DoesNotContain(flags, f => f.CauseId is { } c && steadyCauses.Contains(c));
    }
}
