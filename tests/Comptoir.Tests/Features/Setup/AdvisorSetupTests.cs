using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comptoir.Features.Conversations;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Tests.Features.Setup;

/// <summary>
/// Advisors' skills, languages, hours and capacities edited by administrators and site managers decide what
/// the advisor's next conversation can be. These tests change advisors' profiles, so they run on hosts of their own.
/// </summary>
public sealed class AdvisorSetupTests(FreshHosts hosts) : IClassFixture<FreshHosts>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Dropping_a_skill_stops_the_advisor_receiving_that_work_from_the_next_conversation(Db db)
    {
        var host = await hosts.GetAsync(db);
        await host.QueryAsync(c => c.Conversations.Where(x => x.Status != ConversationStatus.Closed).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, ConversationStatus.Closed)));
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));
        using var advisor = await host.SignInAsync(StaffSession.Demo("conseiller.evry"));
        var id = await host.StaffAsync("conseiller.evry");
        var ecommerce = await host.ActivityAsync("ECOMMERCE");
        var storeCard = await host.ActivityAsync("STORE_CARD");
        object Profile(int activity) => new { activityIds = new[] { activity }, languages = new[] { "FR" }, workingHours = "Mon-Sun 00:00-24:00", callCapacity = 0, writtenCapacity = 5 };

        var skilled = await admin.PutAsJsonAsync($"/api/setup/advisors/{id}", Profile(ecommerce));
        var first = await host.EmailAsync(Contacts.NewEmail(), "ECOMMERCE");
        var second = await host.EmailAsync(Contacts.NewEmail(), "ECOMMERCE");
        var taken = await advisor.PostAsync("/api/conversations/next", null);
        var dropped = await admin.PutAsJsonAsync($"/api/setup/advisors/{id}", Profile(storeCard));
        var afterDropping = await advisor.PostAsync("/api/conversations/next", null);
        using var saved = JsonDocument.Parse(await admin.GetStringAsync($"/api/setup/advisors/{id}"));

        Assert.Equal(HttpStatusCode.OK, skilled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        var takenId = (await taken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetInt64();
        Assert.Contains(takenId, new[] { first.ConversationId, second.ConversationId });
        Assert.Equal(HttpStatusCode.OK, dropped.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, afterDropping.StatusCode);
        var left = await host.ConversationAsync(takenId == first.ConversationId ? second.ConversationId : first.ConversationId);
        Assert.Equal(ConversationStatus.New, left.Status);
        Assert.Null(left.AssignedToId);
        Assert.Equal([storeCard], saved.RootElement.GetProperty("activityIds").EnumerateArray().Select(a => a.GetInt32()));
        Assert.Equal(["fr"], saved.RootElement.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(5, saved.RootElement.GetProperty("writtenCapacity").GetInt32());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_site_manager_sees_and_edits_only_the_advisors_of_their_site_and_other_roles_are_refused(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var manager = await host.SignInAsync(StaffSession.Demo("responsable.evry"));
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));
        using var advisor = await host.SignInAsync(StaffSession.Demo("conseiller.evry"));
        using var supervisor = await host.SignInAsync(StaffSession.Demo("superviseur.tunis"));
        var evry = await host.StaffAsync("conseiller2.evry");
        var tunis = await host.StaffAsync("conseiller.tunis");
        var evrySite = await host.QueryAsync(c => c.ServiceSites.Where(s => s.Code == "EVRY").Select(s => s.Id).SingleAsync());
        var fuel = await host.ActivityAsync("FUEL");
        var profile = new { activityIds = new[] { fuel }, languages = new[] { "fr", "en" }, workingHours = "Mon-Fri 09:00-17:00", callCapacity = 1, writtenCapacity = 2 };

        using var list = JsonDocument.Parse(await manager.GetStringAsync("/api/setup/advisors?size=200"));
        var ownSite = await manager.PutAsJsonAsync($"/api/setup/advisors/{evry}", profile);
        var otherSite = await manager.GetAsync($"/api/setup/advisors/{tunis}");
        var otherSiteEdit = await manager.PutAsJsonAsync($"/api/setup/advisors/{tunis}", profile);
        var otherSitePage = await manager.GetAsync($"/app/admin/conseillers/{tunis}");
        var asAdvisor = await advisor.GetAsync("/api/setup/advisors");
        var asAdvisorEdit = await advisor.PutAsJsonAsync($"/api/setup/advisors/{evry}", profile);
        var asSupervisor = await supervisor.GetAsync($"/api/setup/advisors/{tunis}");
        var byAdmin = await admin.GetAsync($"/api/setup/advisors/{tunis}");
        using var filtered = JsonDocument.Parse(await admin.GetStringAsync($"/api/setup/advisors?siteId={evrySite}&activityId={fuel}&size=200"));
        var page = WebUtility.HtmlDecode(await manager.GetStringAsync($"/app/admin/conseillers?activite={fuel}"));

        var rows = list.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(evrySite, r.GetProperty("siteId").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, ownSite.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherSite.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherSiteEdit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherSitePage.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asAdvisor.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asAdvisorEdit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asSupervisor.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        var onlyFuel = filtered.RootElement.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == evry);
        Assert.Equal(["Carburant"], onlyFuel.GetProperty("skills").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(["fr", "en"], onlyFuel.GetProperty("languages").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains($"href=\"/app/admin/conseillers/{evry}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Tunis", page, StringComparison.Ordinal);
        Assert.Equal(2, await host.QueryAsync(c => c.AdvisorProfiles.Where(p => p.StaffMemberId == evry).Select(p => p.WrittenCapacity).SingleAsync()));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_profile_is_refused_per_field_without_skill_with_an_unknown_language_unreadable_hours_or_capacities_out_of_range(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));
        var id = await host.StaffAsync("conseiller3.tunis");
        var before = await admin.GetStringAsync($"/api/setup/advisors/{id}");

        var content = await (await admin.PutAsJsonAsync($"/api/setup/advisors/{id}", new
        {
            activityIds = Array.Empty<int>(),
            languages = new[] { "fr", "xx" },
            workingHours = "Lun-Ven 08:00-16:00",
            callCapacity = 1,
            writtenCapacity = 3,
        })).FieldErrorsAsync();
        var capacities = await (await admin.PutAsJsonAsync($"/api/setup/advisors/{id}", new
        {
            activityIds = new[] { await host.ActivityAsync("ECOMMERCE") },
            languages = new[] { "fr" },
            workingHours = "Mon-Fri 08:00-16:00",
            callCapacity = 2,
            writtenCapacity = 11,
        })).FieldErrorsAsync();
        var page = await admin.PostFormAsync($"/app/admin/conseillers/{id}", new Dictionary<string, string>
        {
            ["Form.Languages"] = "fr",
            ["Form.WorkingHours"] = "Mon-Fri 18:00-08:00",
            ["Form.CallCapacity"] = "1",
            ["Form.WrittenCapacity"] = "-1",
        });
        var html = await page.HtmlAsync();

        Assert.Contains("au moins une compétence", content["ActivityIds"], StringComparison.Ordinal);
        Assert.Contains("xx", content["Languages"], StringComparison.Ordinal);
        Assert.Contains("'Lun-Ven 08:00-16:00' should start with days", content["WorkingHours"], StringComparison.Ordinal);
        Assert.Contains("0 ou 1", capacities["CallCapacity"], StringComparison.Ordinal);
        Assert.Contains("de 0 à 10", capacities["WrittenCapacity"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Choisissez au moins une compétence", html, StringComparison.Ordinal);
        Assert.Contains("Horaires illisibles : '18:00-08:00'", html, StringComparison.Ordinal);
        Assert.Contains("de 0 à 10", html, StringComparison.Ordinal);
        Assert.Equal(before, await admin.GetStringAsync($"/api/setup/advisors/{id}"));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_advisor_edited_through_the_page_keeps_the_new_profile_and_the_list_says_so(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));
        var id = await host.StaffAsync("conseiller2.tunis");
        var activities = new[] { await host.ActivityAsync("SWITCHBOARD"), await host.ActivityAsync("ECOMMERCE") };
        var name = await host.QueryAsync(c => c.Staff.Where(m => m.Id == id).Select(m => m.DisplayName).SingleAsync());
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Form.Languages", "fr"),
            new("Form.Languages", "ar"),
            new("Form.WorkingHours", "Mon-Sat 10:00-18:00"),
            new("Form.CallCapacity", "0"),
            new("Form.WrittenCapacity", "6"),
        };
        fields.AddRange(activities.Select(a => new KeyValuePair<string, string>("Form.ActivityIds", a.ToString(CultureInfo.InvariantCulture))));

        var saved = await admin.PostFormAsync($"/app/admin/conseillers/{id}", fields);
        var profile = await host.QueryAsync(c => c.AdvisorProfiles.AsNoTracking().SingleAsync(p => p.StaffMemberId == id));
        var list = WebUtility.HtmlDecode(await admin.GetStringAsync("/app/admin/conseillers"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(activities.Order(), profile.ActivityIds);
        Assert.Equal(["fr", "ar"], profile.Languages);
        Assert.Equal(("Mon-Sat 10:00-18:00", 0, 6), (profile.WorkingHours, profile.CallCapacity, profile.WrittenCapacity));
        Assert.Contains($"Profil de {name} enregistré.", list, StringComparison.Ordinal);
    }
}
