using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Tests.Features.Setup;

/// <summary>Service-level policies and opening hours edited by administrators set the deadlines of the next contacts.</summary>
public sealed class ServiceLevelSetupTests(FreshHosts hosts) : IClassFixture<FreshHosts>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_new_policy_and_store_hours_set_the_deadline_of_the_next_contact_and_show_where_they_apply(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));
        var rental = await host.ActivityAsync("CAR_RENTAL");
        var store = await host.StoreAsync("H020");
        // The contact arrives now: without this, on a public holiday the store's clock would not start until tomorrow.
        await host.QueryAsync(c => c.ClosedDays.ExecuteDeleteAsync());

        var hours = await admin.PutAsJsonAsync($"/api/setup/service-levels/stores/{store}/hours", new { hours = "Mon-Sun 00:00-24:00" });
        var policy = await (await admin.PostAsJsonAsync("/api/setup/service-levels", new
        {
            name = "Location par e-mail",
            channel = "Email",
            activityId = rental,
            firstResponseMinutes = 45,
            resolutionMinutes = 600,
            warningMinutes = 10,
        })).CreatedIdAsync();
        var contact = await host.EmailAsync(Contacts.NewEmail(), "CAR_RENTAL", storeId: store);
        var conversation = await host.ConversationAsync(contact.ConversationId);
        using var levels = JsonDocument.Parse(await admin.GetStringAsync("/api/setup/service-levels"));
        var rentalRow = levels.RootElement.GetProperty("coverage").EnumerateArray().Single(r => r.GetProperty("activityId").GetInt32() == rental);
        var cells = rentalRow.GetProperty("channels").EnumerateArray().ToDictionary(c => c.GetProperty("channel").GetString()!, c => c.GetProperty("policyName").GetString());
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/app/admin/delais"));

        Assert.Equal(HttpStatusCode.NoContent, hours.StatusCode);
        Assert.Equal("Mon-Sun 00:00-24:00", await host.QueryAsync(c => c.Stores.Where(s => s.Id == store).Select(s => s.OpeningHours).SingleAsync()));
        Assert.Equal(TimeSpan.FromMinutes(45), conversation.FirstResponseDueAt - conversation.CreatedAt);
        Assert.Equal(TimeSpan.FromMinutes(600), conversation.ResolutionDueAt - conversation.CreatedAt);
        Assert.Equal("Location par e-mail", cells["Email"]);
        Assert.Equal("Rappel téléphonique", cells["Phone"]);
        Assert.Equal("Par défaut", cells["Letter"]);
        Assert.Contains($"href=\"/app/admin/delais/{policy}\">Location par e-mail</a>", page, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_policy_is_refused_per_field_when_its_times_are_out_of_order_or_it_duplicates_another(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));

        var disordered = await (await admin.PostAsJsonAsync("/api/setup/service-levels", new
        {
            name = "À l'envers",
            channel = "Letter",
            activityId = await host.ActivityAsync("FUEL"),
            firstResponseMinutes = 120,
            resolutionMinutes = 60,
            warningMinutes = 120,
        })).FieldErrorsAsync();
        var twin = await (await admin.PostAsJsonAsync("/api/setup/service-levels", new
        {
            name = "Encore les SMS",
            channel = "Sms",
            firstResponseMinutes = 60,
            resolutionMinutes = 600,
            warningMinutes = 5,
        })).FieldErrorsAsync();
        var outOfRange = await (await admin.PostAsJsonAsync("/api/setup/service-levels", new
        {
            name = "Trop long",
            firstResponseMinutes = 0,
            resolutionMinutes = 600,
            warningMinutes = 0,
        })).FieldErrorsAsync();

        Assert.Contains("première réponse", disordered["WarningMinutes"], StringComparison.Ordinal);
        Assert.Contains("avant la première réponse", disordered["ResolutionMinutes"], StringComparison.Ordinal);
        Assert.Contains("« SMS »", twin["Channel"], StringComparison.Ordinal);
        Assert.Contains("de 1 à 525 600", outOfRange["FirstResponseMinutes"], StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Unreadable_hours_are_refused_with_what_could_not_be_read_and_a_policy_is_edited_and_deleted_through_the_pages(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));
        var site = await host.QueryAsync(c => c.ServiceSites.Where(s => s.Code == "DAKAR").Select(s => new { s.Id, s.ServiceHours }).SingleAsync());

        var api = await (await admin.PutAsJsonAsync($"/api/setup/service-levels/sites/{site.Id}/hours", new { hours = "Lun-Ven 08:00-18:00" })).FieldErrorsAsync();
        var page = await admin.PostFormAsync($"/app/admin/delais?handler=SiteHours&id={site.Id}", new Dictionary<string, string> { ["HoursForm.Hours"] = "Mon-Fri 18:00-08:00" }, formPage: "/app/admin/delais");
        var savedHours = await admin.PostFormAsync($"/app/admin/delais?handler=SiteHours&id={site.Id}", new Dictionary<string, string> { ["HoursForm.Hours"] = "Mon-Sat 07:00-21:00" }, formPage: "/app/admin/delais");
        var policy = await host.QueryAsync(c => c.ServiceLevelPolicies.Where(p => p.Name == "Carnet de caisse").Select(p => p.Id).SingleAsync());
        var edited = await admin.PostFormAsync($"/app/admin/delais/{policy}", new Dictionary<string, string>
        {
            ["Form.Name"] = "Carnet de caisse",
            ["Form.Channel"] = "CheckoutNotebook",
            ["Form.ActivityId"] = "",
            ["Form.FirstResponseMinutes"] = "300",
            ["Form.ResolutionMinutes"] = "1440",
            ["Form.WarningMinutes"] = "45",
        });
        var afterEdit = await host.QueryAsync(c => c.ServiceLevelPolicies.AsNoTracking().SingleAsync(p => p.Id == policy));
        var deleted = await admin.PostFormAsync($"/app/admin/delais?handler=Delete&id={policy}", [], formPage: "/app/admin/delais");

        Assert.Contains("'Lun-Ven 08:00-18:00' should start with days such as Mon-Fri or Sat.", api["Hours"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Horaires illisibles : '18:00-08:00'", await page.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, savedHours.StatusCode);
        Assert.Equal("Mon-Sat 07:00-21:00", await host.QueryAsync(c => c.ServiceSites.Where(s => s.Id == site.Id).Select(s => s.ServiceHours).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal((300, 1440, 45), (afterEdit.FirstResponseMinutes, afterEdit.ResolutionMinutes, afterEdit.WarningMinutes));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await host.QueryAsync(c => c.ServiceLevelPolicies.AnyAsync(p => p.Id == policy)));
        Assert.Equal(
            "Par défaut",
            JsonDocument.Parse(await admin.GetStringAsync("/api/setup/service-levels")).RootElement.GetProperty("coverage")[0].GetProperty("channels")
                .EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "CheckoutNotebook").GetProperty("policyName").GetString());
    }
}
