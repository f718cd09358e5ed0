using System.Net;
using System.Net.Http.Json;
using Comptoir.Features.Routing;
using Comptoir.Features.ServiceLevels;
using Comptoir.Tests.Features.Setup;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Comptoir.Tests.Features.ServiceLevels;

/// <summary>Public holidays and closures stop the clocks, driven by a fake clock.</summary>
public sealed class ClosedDayTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_deadline_straddling_the_first_of_May_moves_by_a_day_and_is_warned_and_escalated_exactly_once(Db db)
    {
        var clock = new FakeTimeProvider(ParisTime(2026, 4, 30, 19, 0));
        await using var database = await TestDatabase.CreateAsync(db);
        await using var first = new ComptoirHost(database, services: s => s.AddSingleton<TimeProvider>(clock));
        first.StartServer();
        await using var second = new ComptoirHost(database, new Dictionary<string, string?> { ["Demo:SeedOnFirstRun"] = "false" }, s => s.AddSingleton<TimeProvider>(clock));
        second.StartServer();
        var store = await first.QueryAsync(c => c.Stores.Where(s => c.Countries.Any(k => k.Id == s.CountryId && k.Code == "FR")).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());
        using var admin = await first.SignInAsync(StaffSession.Demo("admin"));
        var hours = await admin.PutAsJsonAsync($"/api/setup/service-levels/stores/{store}/hours", new { hours = "Mon-Sat 08:00-20:00" });
        var contact = await first.EmailAsync(Contacts.NewEmail(), "ECOMMERCE", storeId: store);
        var conversation = await first.ConversationAsync(contact.ConversationId);

        // 8 opening hours from Thursday 19:00: one on Thursday, none on Friday 1 May, seven on Saturday.
        clock.SetUtcNow(ParisTime(2026, 5, 1, 14, 5));
        var onTheHoliday = await CheckAsync(first);
        clock.SetUtcNow(ParisTime(2026, 5, 2, 14, 5));
        var warnings = await Task.WhenAll(CheckAsync(first), CheckAsync(second), CheckAsync(first));
        var warnedAgain = await CheckAsync(second);
        clock.SetUtcNow(ParisTime(2026, 5, 2, 15, 1));
        var breaches = await Task.WhenAll(CheckAsync(first), CheckAsync(second));
        var breachedAgain = await CheckAsync(first);
        var events = await first.QueryAsync(c => c.SlaEvents.Where(e => e.ConversationId == contact.ConversationId).Select(e => e.Kind).ToListAsync());

        Assert.Equal(HttpStatusCode.NoContent, hours.StatusCode);
        Assert.Equal(ParisTime(2026, 5, 2, 15, 0), conversation.FirstResponseDueAt);
        // 48 opening hours: Thursday 1, Saturday 12, Monday 12, Tuesday 12, Wednesday 11.
        Assert.Equal(ParisTime(2026, 5, 6, 19, 0), conversation.ResolutionDueAt);
        Assert.Equal(0, onTheHoliday);
        Assert.Equal(1, warnings.Sum());
        Assert.Equal(0, warnedAgain);
        Assert.Equal(1, breaches.Sum());
        Assert.Equal(0, breachedAgain);
        Assert.Equal([SlaEventKind.FirstResponseWarning, SlaEventKind.FirstResponseBreach], events.Order());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_site_closed_for_a_day_is_skipped_and_a_closure_elsewhere_changes_nothing(Db db)
    {
        var clock = new FakeTimeProvider(ParisTime(2026, 11, 20, 19, 0));
        await using var database = await TestDatabase.CreateAsync(db);
        await using var host = new ComptoirHost(database, services: s => s.AddSingleton<TimeProvider>(clock));
        host.StartServer();
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));
        var before = await host.EmailAsync(Contacts.NewEmail(), "ECOMMERCE");
        var routing = await host.Services.GetRequiredService<RoutingCatalog>().GetAsync(default);
        var clockSite = routing.Queues[(await host.ConversationAsync(before.ConversationId)).QueueId].HomeSiteIds[0];
        var otherSite = routing.Sites.Keys.First(id => id != clockSite);

        var elsewhere = await admin.PostAsJsonAsync("/api/setup/service-levels/closed-days", new { date = "2026-11-21", name = "Inventaire", siteId = otherSite });
        var unaffected = await host.EmailAsync(Contacts.NewEmail(), "ECOMMERCE");
        var closure = await admin.PostAsJsonAsync("/api/setup/service-levels/closed-days", new { date = "2026-11-21", name = "Grève des transports", siteId = clockSite });
        var skipped = await host.EmailAsync(Contacts.NewEmail(), "ECOMMERCE");
        var twice = await (await admin.PostAsJsonAsync("/api/setup/service-levels/closed-days", new { date = "2026-11-21", name = "Encore", siteId = clockSite })).FieldErrorsAsync();
        var nowhere = await (await admin.PostAsJsonAsync("/api/setup/service-levels/closed-days", new { date = "2026-11-21", name = "Nulle part" })).FieldErrorsAsync();

        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.Created, closure.StatusCode);
        // Saturday closed, Sunday outside the site's hours: seven hours on Monday, for the contacts already
        // waiting as for the next ones.
        Assert.Equal(ParisTime(2026, 11, 23, 15, 0), (await host.ConversationAsync(before.ConversationId)).FirstResponseDueAt);
        Assert.Equal(ParisTime(2026, 11, 23, 15, 0), (await host.ConversationAsync(unaffected.ConversationId)).FirstResponseDueAt);
        Assert.Equal(ParisTime(2026, 11, 23, 15, 0), (await host.ConversationAsync(skipped.ConversationId)).FirstResponseDueAt);
        Assert.Contains("déjà fermé", twice["Date"], StringComparison.Ordinal);
        Assert.Contains("un seul lieu", nowhere["CountryCode"], StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Closing_reopening_a_day_or_changing_hours_moves_the_running_deadlines_and_only_them(Db db)
    {
        var clock = new FakeTimeProvider(ParisTime(2026, 11, 20, 19, 0));
        await using var database = await TestDatabase.CreateAsync(db);
        await using var host = new ComptoirHost(database, services: s => s.AddSingleton<TimeProvider>(clock));
        host.StartServer();
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));
        var waiting = await host.EmailAsync(Contacts.NewEmail(), "ECOMMERCE");
        var answered = await host.EmailAsync(Contacts.NewEmail(), "ECOMMERCE");
        var closed = await host.EmailAsync(Contacts.NewEmail(), "ECOMMERCE");
        var routing = await host.Services.GetRequiredService<RoutingCatalog>().GetAsync(default);
        var site = routing.Queues[(await host.ConversationAsync(waiting.ConversationId)).QueueId].HomeSiteIds[0];
        var hoursBefore = await host.QueryAsync(c => c.ServiceSites.Where(s => s.Id == site).Select(s => s.ServiceHours).SingleAsync());
        var answeredAt = ParisTime(2026, 11, 20, 19, 30);
        await host.QueryAsync(c => c.Conversations.Where(x => x.Id == answered.ConversationId).ExecuteUpdateAsync(s => s.SetProperty(x => x.FirstResponseAt, answeredAt)));
        await host.QueryAsync(c => c.Conversations.Where(x => x.Id == closed.ConversationId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, Comptoir.Features.Conversations.ConversationStatus.Closed)));
        var original = await host.ConversationAsync(waiting.ConversationId);
        var originalAnswered = await host.ConversationAsync(answered.ConversationId);
        var originalClosed = await host.ConversationAsync(closed.ConversationId);

        var closure = await admin.PostAsJsonAsync("/api/setup/service-levels/closed-days", new { date = "2026-11-21", name = "Inondation", siteId = site });
        var whileClosed = await host.ConversationAsync(waiting.ConversationId);
        var answeredWhileClosed = await host.ConversationAsync(answered.ConversationId);
        var closedWhileClosed = await host.ConversationAsync(closed.ConversationId);
        var day = await host.QueryAsync(c => c.ClosedDays.Where(d => d.Name == "Inondation").Select(d => d.Id).SingleAsync());
        var reopening = await admin.DeleteAsync($"/api/setup/service-levels/closed-days/{day}");
        var reopened = await host.ConversationAsync(waiting.ConversationId);
        var weekdays = await admin.PutAsJsonAsync($"/api/setup/service-levels/sites/{site}/hours", new { hours = "Mon-Fri 08:00-20:00" });
        var onWeekdays = await host.ConversationAsync(waiting.ConversationId);
        // Monday 23 at 10:00 the site opens on Saturdays again. The hours already run are not counted again:
        // the five hours left to the first response still end on Monday at 15:00, and the 45 left to the
        // resolution on Thursday (counted afresh from the contact, they would end on Wednesday).
        clock.SetUtcNow(ParisTime(2026, 11, 23, 10, 0));
        await admin.PutAsJsonAsync($"/api/setup/service-levels/sites/{site}/hours", new { hours = hoursBefore });
        var afterRunning = await host.ConversationAsync(waiting.ConversationId);

        Assert.Equal(HttpStatusCode.Created, closure.StatusCode);
        Assert.Equal(ParisTime(2026, 11, 21, 15, 0), original.FirstResponseDueAt);
        Assert.Equal(ParisTime(2026, 11, 23, 15, 0), whileClosed.FirstResponseDueAt);
        // 48 opening hours: Friday 1, Saturday 12 (closed: 0), Monday 12, Tuesday 12, Wednesday 11 (12), Thursday (11).
        Assert.Equal(ParisTime(2026, 11, 25, 19, 0), original.ResolutionDueAt);
        Assert.Equal(ParisTime(2026, 11, 26, 19, 0), whileClosed.ResolutionDueAt);
        // Answered: only the resolution deadline runs. Closed: nothing runs.
        Assert.Equal(originalAnswered.FirstResponseDueAt, answeredWhileClosed.FirstResponseDueAt);
        Assert.Equal(whileClosed.ResolutionDueAt, answeredWhileClosed.ResolutionDueAt);
        Assert.Equal(originalClosed.FirstResponseDueAt, closedWhileClosed.FirstResponseDueAt);
        Assert.Equal(originalClosed.ResolutionDueAt, closedWhileClosed.ResolutionDueAt);
        Assert.Equal(HttpStatusCode.NoContent, reopening.StatusCode);
        Assert.Equal(original.FirstResponseDueAt, reopened.FirstResponseDueAt);
        Assert.Equal(original.ResolutionDueAt, reopened.ResolutionDueAt);
        Assert.Equal(HttpStatusCode.NoContent, weekdays.StatusCode);
        Assert.Equal(ParisTime(2026, 11, 23, 15, 0), onWeekdays.FirstResponseDueAt);
        Assert.Equal(ParisTime(2026, 11, 23, 15, 0), afterRunning.FirstResponseDueAt);
        Assert.Equal(ParisTime(2026, 11, 26, 19, 0), onWeekdays.ResolutionDueAt);
        Assert.Equal(ParisTime(2026, 11, 26, 19, 0), afterRunning.ResolutionDueAt);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_demo_closes_the_french_public_holidays_and_an_administrator_manages_closed_days_through_the_page(Db db)
    {
        var clock = new FakeTimeProvider(ParisTime(2026, 11, 20, 19, 0));
        await using var database = await TestDatabase.CreateAsync(db);
        await using var host = new ComptoirHost(database, services: s => s.AddSingleton<TimeProvider>(clock));
        host.StartServer();
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));
        using var advisor = await host.SignInAsync(StaffSession.Demo("conseiller.evry"));
        var french = await host.QueryAsync(c => c.ClosedDays.Where(d => d.CountryCode == "FR").Select(d => d.Date).ToListAsync());

        var added = await admin.PostFormAsync("/app/admin/delais/fermetures?handler=Add&year=2026", new Dictionary<string, string>
        {
            ["Form.Date"] = "2026-12-24",
            ["Form.Name"] = "Réveillon",
            ["Form.Place"] = "",
            ["Form.StoreCode"] = "H020",
        }, formPage: "/app/admin/delais/fermetures");
        var page = await admin.GetStringAsync("/app/admin/delais/fermetures?year=2026");
        var eve = await host.QueryAsync(c => c.ClosedDays.SingleAsync(d => d.Name == "Réveillon"));
        var reopened = await admin.PostFormAsync($"/app/admin/delais/fermetures?handler=Delete&id={eve.Id}&year=2026", [], formPage: "/app/admin/delais/fermetures");
        var forbidden = await advisor.GetAsync("/api/setup/service-levels/closed-days?year=2026");

        Assert.Contains(new DateOnly(2026, 5, 1), french);
        Assert.Contains(new DateOnly(2027, 3, 29), french);
        Assert.Contains(new DateOnly(2025, 6, 9), french);
        Assert.Equal(33, french.Count);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(await host.StoreAsync("H020"), eve.StoreId);
        Assert.Contains("Réveillon", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        Assert.False(await host.QueryAsync(c => c.ClosedDays.AnyAsync(d => d.Id == eve.Id)));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    private static Task<int> CheckAsync(ComptoirHost host) => host.Services.GetRequiredService<CheckServiceLevels>().RunOnceAsync(default);

    private static DateTimeOffset ParisTime(int year, int month, int day, int hour, int minute)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Paris.GetUtcOffset(local)).ToUniversalTime();
    }
}
