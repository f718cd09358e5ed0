using Comptoir.Features.DemoData;
using Comptoir.Features.Staff;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comptoir.Tests.Features.DemoData;

public sealed class DemoDataTests
{
    private static readonly DateTimeOffset Until = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Full_scale_holds_the_real_organisation(Db db)
    {
        await using var database = await TestDatabase.CreateAsync(db);
        await using var host = EmptyHost(database);

        await host.Services.GetRequiredService<DemoDataGenerator>().GenerateAsync(DemoScale.Full, 7, Until, TestContext.Current.CancellationToken, ["organisation", "service-setup"]);

        var french = await host.QueryAsync(c => c.Stores.CountAsync(s => s.Country!.Code == "FR" && s.Format!.Code == "HYPER"));
        var directorsWithMobile = await host.QueryAsync(c => c.Staff.CountAsync(m =>
            m.Role == StaffRole.StoreDirector && m.Country!.Code == "FR" && m.PhoneNumber!.StartsWith("+33639980")));
        var inHouse = await host.QueryAsync(c => c.Staff.CountAsync(m => m.Role == StaffRole.Advisor && m.Site!.PartnerName == null));
        var outsourced = await host.QueryAsync(c => c.Staff.CountAsync(m => m.Role == StaffRole.Advisor && m.Site!.PartnerName != null));
        var partners = await host.QueryAsync(c => c.ServiceSites.Where(s => s.PartnerName != null).Select(s => s.PartnerName!).OrderBy(p => p).ToListAsync());
        var countries = await host.QueryAsync(c => c.Countries.CountAsync());
        var daily = await host.QueryAsync(c => c.Activities.SumAsync(a => a.TypicalDailyContacts));
        var switchboard = await host.QueryAsync(c => c.Activities.Where(a => a.Code == "SWITCHBOARD").Select(a => a.TypicalDailyContacts).SingleAsync());

        Assert.Equal(230, french);
        Assert.Equal(230, directorsWithMobile);
        Assert.Equal(114, inHouse);
        Assert.Equal(386, outsourced);
        Assert.Equal(["Armatis", "Comdata", "Webhelp"], partners);
        Assert.Equal(9, countries);
        Assert.Equal(22_000, daily);
        Assert.Equal(12_000, switchboard);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Ninety_days_of_contacts_follow_the_real_channel_mix_and_are_worked_like_real_ones(Db db)
    {
        await using var database = await TestDatabase.CreateAsync(db);
        await using var host = EmptyHost(database);

        await host.Services.GetRequiredService<DemoDataGenerator>().GenerateAsync(DemoScale.Small, 3, Until, TestContext.Current.CancellationToken);

        var byChannel = await host.QueryAsync(c => c.Conversations.Where(x => x.Channel != Comptoir.Features.Conversations.Channel.CheckoutNotebook)
            .GroupBy(x => x.Channel).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        var total = byChannel.Values.Sum();
        double Share(params Comptoir.Features.Conversations.Channel[] channels) => channels.Sum(ch => byChannel.GetValueOrDefault(ch)) / (double)total;
        var first = await host.QueryAsync(c => c.Conversations.MinAsync(x => x.CreatedAt));
        var recognised = await host.QueryAsync(c => c.Conversations.CountAsync(x => x.CustomerRecognised)) / (double)total;
        var open = await host.QueryAsync(c => c.Conversations.CountAsync(x => x.Status != Comptoir.Features.Conversations.ConversationStatus.Closed && x.CreatedAt < Until.AddDays(-10)));
        var waiting = await host.QueryAsync(c => c.Conversations.CountAsync(x => x.Status == Comptoir.Features.Conversations.ConversationStatus.New && x.Owner == Comptoir.Features.Conversations.ConversationOwner.ServiceCentre));
        var pendingMail = await host.QueryAsync(c => c.Messages.CountAsync(m => m.Delivery == Comptoir.Features.Conversations.DeliveryStatus.Pending && m.At < Until.AddHours(-1)));

        // 22,000 a day at full scale, a hundredth here: about 220 a day over 90 days.
        Assert.InRange(total, 15_000, 24_000);
        Assert.InRange(Share(Comptoir.Features.Conversations.Channel.Phone), 0.52, 0.58);
        Assert.InRange(Share(Comptoir.Features.Conversations.Channel.Email, Comptoir.Features.Conversations.Channel.Sms, Comptoir.Features.Conversations.Channel.WebForm), 0.39, 0.45);
        Assert.InRange(Share(Comptoir.Features.Conversations.Channel.Social), 0.01, 0.03);
        Assert.InRange(Share(Comptoir.Features.Conversations.Channel.Letter), 0.005, 0.015);
        Assert.True(first < Until.AddDays(-88), $"The first contact is from {first}.");
        Assert.InRange(recognised, 0.3, 0.8);
        Assert.True(open < total / 20, $"{open} old conversations are still open.");
        Assert.True(waiting > 0, "The last hours' contacts wait in queues.");
        Assert.Equal(0, pendingMail);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_organisation_and_another_seed_another()
    {
        var first = await StaffOfAsync(seed: 11);
        var again = await StaffOfAsync(seed: 11);
        var other = await StaffOfAsync(seed: 12);

        Assert.Equal(first, again);
        Assert.Equal(first.Select(s => s.Split('|')[0]), other.Select(s => s.Split('|')[0]));
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task Demo_data_goes_only_into_an_empty_database()
    {
        await using var database = await TestDatabase.CreateAsync(Db.Sqlite);
        await using var host = EmptyHost(database);
        var generator = host.Services.GetRequiredService<DemoDataGenerator>();
        await generator.GenerateAsync(DemoScale.Small, 1, Until, TestContext.Current.CancellationToken, ["organisation"]);

        var error = await Assert.ThrowsAsync<DemoDataException>(() => generator.GenerateAsync(DemoScale.Small, 1, Until, TestContext.Current.CancellationToken, ["organisation"]));

        Assert.Contains("already holds an organisation", error.Message, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_first_run_seeds_once_and_a_restart_keeps_the_data(Db db)
    {
        await using var database = await TestDatabase.CreateAsync(db);
        int staffAfterFirstRun;
        await using (var first = new ComptoirHost(database))
        {
            first.StartServer();
            staffAfterFirstRun = await first.QueryAsync(c => c.Staff.CountAsync());
        }

        await using var second = new ComptoirHost(database);
        second.StartServer();

        // 136 organisation accounts and the two product teams.
        Assert.Equal(138, staffAfterFirstRun);
        Assert.Equal(staffAfterFirstRun, await second.QueryAsync(c => c.Staff.CountAsync()));
        Assert.Equal(20, await second.QueryAsync(c => c.Stores.CountAsync()));
    }

    private static async Task<List<string>> StaffOfAsync(int seed)
    {
        await using var database = await TestDatabase.CreateAsync(Db.Sqlite);
        await using var host = EmptyHost(database);
        await host.Services.GetRequiredService<DemoDataGenerator>().GenerateAsync(DemoScale.Small, seed, Until, TestContext.Current.CancellationToken, ["organisation", "service-setup"]);
        return await host.QueryAsync(c => c.Staff.OrderBy(m => m.Email)
            .Select(m => m.Email + "|" + m.DisplayName + "|" + m.Role + "|" + m.PhoneNumber)
            .ToListAsync());
    }

    private static ComptoirHost EmptyHost(TestDatabase database) =>
        new(database, new Dictionary<string, string?> { ["Demo:SeedOnFirstRun"] = "false" });
}
