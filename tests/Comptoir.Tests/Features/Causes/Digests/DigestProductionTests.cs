using Comptoir.Features.Causes;
using Comptoir.Features.Causes.Digests;
using Comptoir.Features.Conversations;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static Comptoir.Tests.Features.Causes.Digests.DigestClock;

namespace Comptoir.Tests.Features.Causes.Digests;

/// <summary>The 10:00 digests: produced once per day and scope from the hourly counts, in each scope's own time zone.</summary>
public sealed class DigestProductionTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task At_10_the_group_and_the_countries_of_that_hour_get_one_digest_each_even_with_two_instances(Db db)
    {
        var clock = new FakeTimeProvider(ParisTime(2026, 11, 19, 15));
        await using var database = await TestDatabase.CreateAsync(db);
        await using var first = Host(database, clock);
        await using var second = Host(database, clock, new Dictionary<string, string?> { ["Demo:SeedOnFirstRun"] = "false" });
        var france = await first.CountryAsync("FR");
        var threeDs = await first.CauseAsync("payment.3ds");
        var late = await first.CauseAsync("ecommerce.late");
        var pump = await first.CauseAsync("fuel.pump");
        var spoken = await first.WriteAsync(clock, ThreeDs, france);
        await first.AddCountsAsync(france, threeDs, ParisTime(2026, 11, 19, 10), 24, 40);
        await first.AddCountsAsync(france, late, ParisTime(2026, 11, 19, 10), 24, 12);
        // Outside the window, one hour each side: never counted.
        await first.AddCountsAsync(france, pump, ParisTime(2026, 11, 19, 9), 1, 100);
        await first.AddCountsAsync(france, pump, ParisTime(2026, 11, 20, 10), 1, 100);
        // The same local hours in each of the four weeks before, the last one before the change to winter time.
        for (var week = 1; week <= 4; week++)
        {
            var day = new DateOnly(2026, 11, 19).AddDays(-7 * week);
            await first.AddCountsAsync(france, threeDs, ParisTime(day.Year, day.Month, day.Day, 10), 24, 10);
            await first.AddCountsAsync(france, late, ParisTime(day.Year, day.Month, day.Day, 10), 24, 16);
        }

        clock.SetUtcNow(ParisTime(2026, 11, 20, 9, 59));
        var early = await first.ProduceAsync();
        clock.SetUtcNow(ParisTime(2026, 11, 20, 10, 1));
        var produced = await Task.WhenAll(first.ProduceAsync(), second.ProduceAsync(), first.ProduceAsync(), second.ProduceAsync());
        var again = await second.ProduceAsync();
        var scopes = await first.QueryAsync(c => c.CauseDigests.Select(d => d.Scope == CauseScope.Group ? "group" : c.Countries.Single(x => x.Id == d.ScopeId).Code).ToListAsync());
        var group = await first.DigestAsync(CauseScope.Group, 0, new DateOnly(2026, 11, 20));
        var french = await first.DigestAsync(CauseScope.Country, france, new DateOnly(2026, 11, 20));

        // At 9:59 in Paris it is already past 10:00 in Bucharest and Taipei.
        Assert.Equal(2, early);
        // Then the group, Paris, Madrid, Rome, Brussels and Warsaw; not São Paulo or Buenos Aires (6:01).
        Assert.Equal(6, produced.Sum());
        Assert.Equal(0, again);
        Assert.Equal(["BE", "ES", "FR", "IT", "PL", "RO", "TW", "group"], scopes.Order(StringComparer.Ordinal));
        Assert.Equal(ParisTime(2026, 11, 19, 10), french.WindowStart);
        Assert.Equal(ParisTime(2026, 11, 20, 10), french.WindowEnd);
        Assert.Equal(41 + 12, french.TotalContacts);
        Assert.Equal([threeDs, late], french.Entries.OrderBy(e => e.Rank).Select(e => e.CauseId));
        var top = french.Entries.Single(e => e.Rank == 1);
        Assert.Equal((41, 10.0, 310.0), (top.Count, top.PreviousAverage, top.TrendPercent!.Value));
        Assert.Equal(-25.0, french.Entries.Single(e => e.Rank == 2).TrendPercent);
        Assert.Equal("Paiement", top.OwningTeam);
        Assert.True(top.IsNew);
        Assert.Equal(spoken, Assert.Single(top.Verbatims).ConversationId);
        Assert.Contains("3-D Secure", top.Verbatims[0].Excerpt, StringComparison.Ordinal);
        Assert.Equal(french.Entries.Select(e => (e.CauseId, e.Count)), group.Entries.Select(e => (e.CauseId, e.Count)));

        // The next day 3-D Secure is still there, no longer new; the pumps enter the top.
        await first.AddCountsAsync(france, threeDs, ParisTime(2026, 11, 20, 10), 24, 5);
        clock.SetUtcNow(ParisTime(2026, 11, 21, 10, 0));
        await first.ProduceAsync();
        var nextDay = await first.DigestAsync(CauseScope.Country, france, new DateOnly(2026, 11, 21));
        Assert.Equal([(pump, true), (threeDs, false)], nextDay.Entries.OrderBy(e => e.Rank).Select(e => (e.CauseId, e.IsNew)));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_country_in_another_time_zone_gets_its_digest_at_its_own_10(Db db)
    {
        var saoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
        var clock = new FakeTimeProvider(ParisTime(2026, 11, 20, 10, 1));
        await using var database = await TestDatabase.CreateAsync(db);
        await using var host = Host(database, clock);
        var brazil = await host.CountryAsync("BR");
        var threeDs = await host.CauseAsync("payment.3ds");
        await host.AddCountsAsync(brazil, threeDs, LocalTime(saoPaulo, 2026, 11, 19, 10), 24, 7);

        var atParisTen = await host.ProduceAsync();
        var brazilAtParisTen = await host.QueryAsync(c => c.CauseDigests.AnyAsync(d => d.Scope == CauseScope.Country && d.ScopeId == brazil));
        clock.SetUtcNow(LocalTime(saoPaulo, 2026, 11, 20, 9, 59));
        var beforeItsTen = await host.ProduceAsync();
        clock.SetUtcNow(LocalTime(saoPaulo, 2026, 11, 20, 10, 0));
        var atItsTen = await host.ProduceAsync();
        var digest = await host.DigestAsync(CauseScope.Country, brazil, new DateOnly(2026, 11, 20));

        Assert.Equal(8, atParisTen);
        Assert.False(brazilAtParisTen);
        Assert.Equal(0, beforeItsTen);
        // Brazil and Argentina, both at UTC-3.
        Assert.Equal(2, atItsTen);
        Assert.Equal("America/Sao_Paulo", digest.TimeZoneId);
        Assert.Equal(LocalTime(saoPaulo, 2026, 11, 19, 10), digest.WindowStart);
        Assert.Equal(LocalTime(saoPaulo, 2026, 11, 20, 10), digest.WindowEnd);
        Assert.Equal(7, digest.TotalContacts);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_digest_of_the_day_clocks_go_forward_covers_23_hours(Db db)
    {
        var clock = new FakeTimeProvider(ParisTime(2026, 3, 29, 10, 5));
        await using var database = await TestDatabase.CreateAsync(db);
        await using var host = Host(database, clock);
        var france = await host.CountryAsync("FR");
        var threeDs = await host.CauseAsync("payment.3ds");
        var start = ParisTime(2026, 3, 28, 10);
        // 23 hours of 2 contacts from Saturday 10:00 (UTC+1) to Sunday 10:00 (UTC+2), and one hour either side.
        await host.AddCountsAsync(france, threeDs, start, 23, 46);
        await host.AddCountsAsync(france, threeDs, start.AddHours(-1), 1, 50);
        await host.AddCountsAsync(france, threeDs, start.AddHours(23), 1, 50);

        await host.ProduceAsync();
        var digest = await host.DigestAsync(CauseScope.Country, france, new DateOnly(2026, 3, 29));

        Assert.Equal(TimeSpan.FromHours(23), digest.WindowEnd - digest.WindowStart);
        Assert.Equal(start, digest.WindowStart);
        Assert.Equal(46, digest.TotalContacts);
        var (autumnStart, autumnEnd) = DigestWindow.Of(new DateOnly(2026, 10, 25), new TimeOnly(10, 0), Paris);
        Assert.Equal(TimeSpan.FromHours(25), autumnEnd - autumnStart);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_cause_is_priority_while_in_a_top_5_and_next_conversation_serves_its_contacts_first(Db db)
    {
        var clock = new FakeTimeProvider(ParisTime(2026, 11, 20, 8));
        await using var database = await TestDatabase.CreateAsync(db);
        await using var host = Host(database, clock);
        var france = await host.CountryAsync("FR");
        var threeDs = await host.CauseAsync("payment.3ds");
        var others = await host.QueryAsync(c => c.Causes.Where(x => new[] { "card.blocked", "fuel.pump", "rental.booking", "brand.foreign", "store.hours" }.Contains(x.Code)).Select(x => x.Id).ToListAsync());
        var older = await host.WriteAsync(clock, "Ma commande devait arriver hier entre 16h et 18h et je n'ai toujours rien reçu.", france);
        clock.Advance(TimeSpan.FromMinutes(30));
        var about3ds = await host.WriteAsync(clock, ThreeDs, france);
        Assert.Equal(threeDs, (await host.ConversationAsync(about3ds)).CauseId);
        Assert.NotEqual(threeDs, (await host.ConversationAsync(older)).CauseId);
        await host.AddCountsAsync(france, threeDs, ParisTime(2026, 11, 19, 10), 24, 30);
        foreach (var busy in others.Take(4))
        {
            await host.AddCountsAsync(france, busy, ParisTime(2026, 11, 19, 10), 24, 20);
        }

        clock.SetUtcNow(ParisTime(2026, 11, 20, 10, 1));
        await host.ProduceAsync();
        var cause = await host.QueryAsync(c => c.Causes.AsNoTracking().SingleAsync(x => x.Id == threeDs));
        var flagged = await host.ConversationAsync(about3ds);
        var notFlagged = await host.ConversationAsync(older);
        using var advisor = await host.SignInAsync(StaffSession.Demo("conseiller.evry"));
        var next = await advisor.PostAsync("/api/conversations/next", null);
        var taken = System.Text.Json.JsonDocument.Parse(await next.Content.ReadAsStringAsync()).RootElement.GetProperty("conversationId").GetInt64();
        var newcomer = await host.WriteAsync(clock, ThreeDs, france);

        Assert.Equal(clock.GetUtcNow(), cause.PrioritySince);
        Assert.Equal(ConversationPriority.TopCause, flagged.Priority);
        Assert.Equal(0, notFlagged.Priority);
        Assert.Equal(about3ds, taken);
        Assert.Equal(ConversationPriority.TopCause, (await host.ConversationAsync(newcomer)).Priority);

        // The next day 3-D Secure is out of every top 5: no longer priority, and a breach stays a breach.
        await host.QueryAsync(c => c.Conversations.Where(x => x.Id == about3ds)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Priority, ConversationPriority.TopCause | ConversationPriority.Breached)));
        foreach (var other in others)
        {
            await host.AddCountsAsync(france, other, ParisTime(2026, 11, 20, 10), 24, 20);
        }

        clock.SetUtcNow(ParisTime(2026, 11, 21, 10, 1));
        await host.ProduceAsync();
        var after = await host.QueryAsync(c => c.Causes.AsNoTracking().SingleAsync(x => x.Id == threeDs));
        var otherPriority = await host.QueryAsync(c => c.Causes.CountAsync(x => others.Contains(x.Id) && x.PrioritySince != null));

        Assert.Null(after.PrioritySince);
        Assert.Equal(5, otherPriority);
        Assert.Equal(ConversationPriority.Breached, (await host.ConversationAsync(about3ds)).Priority);
        Assert.Equal(0, (await host.ConversationAsync(newcomer)).Priority);
    }
}
