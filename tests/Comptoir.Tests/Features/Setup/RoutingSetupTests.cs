using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Tests.Features.Setup;

/// <summary>
/// Queues and routing rules edited through the API and the pages take effect on the very next contact. These
/// tests change how contacts are routed, so they run on hosts of their own.
/// </summary>
public sealed class RoutingSetupTests(FreshHosts hosts) : IClassFixture<FreshHosts>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_new_queue_and_rule_take_the_next_contact_at_once_and_stop_when_the_rule_is_disabled(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));
        var fuel = await host.ActivityAsync("FUEL");
        var store = await host.StoreAsync("H001");
        var dakar = await host.QueryAsync(c => c.ServiceSites.Where(s => s.Code == "DAKAR").Select(s => s.Id).SingleAsync());

        var queue = await (await admin.PostAsJsonAsync("/api/setup/queues", new
        {
            code = "fuel_h001",
            name = "Carburant Évry 2",
            activityId = fuel,
            overflowAbove = 20,
            overflowBelow = 5,
            homeSiteIds = new[] { dakar },
        })).CreatedIdAsync();
        var rule = await (await admin.PostAsJsonAsync("/api/setup/routing-rules", new
        {
            name = "Carburant d'Évry 2 par e-mail",
            channel = "Email",
            activityId = fuel,
            storeId = store,
            queueId = queue,
        })).CreatedIdAsync();
        var routed = await host.EmailAsync(Contacts.NewEmail(), "FUEL", storeId: store);
        var elsewhere = await host.EmailAsync(Contacts.NewEmail(), "FUEL");
        var tried = JsonDocument.Parse(await admin.GetStringAsync(
            $"/api/setup/routing-rules/try?channel=Email&activityId={fuel}&storeId={store}")).RootElement;
        var listed = await admin.GetStringAsync("/api/setup/queues");
        var disabled = await admin.PostAsync($"/api/setup/routing-rules/{rule}/disable", null);
        var afterDisabling = await host.EmailAsync(Contacts.NewEmail(), "FUEL", storeId: store);

        Assert.Equal("FUEL_H001", await host.QueryAsync(c => c.Queues.Where(q => q.Id == queue).Select(q => q.Code).SingleAsync()));
        Assert.Equal(queue, (await host.ConversationAsync(routed.ConversationId)).QueueId);
        Assert.Equal(await host.QueueAsync("FUEL"), (await host.ConversationAsync(elsewhere.ConversationId)).QueueId);
        Assert.Equal(queue, tried.GetProperty("queueId").GetInt32());
        Assert.Equal(rule, tried.GetProperty("ruleId").GetInt32());
        Assert.Equal("fr", tried.GetProperty("language").GetString());
        var row = JsonDocument.Parse(listed).RootElement.EnumerateArray().Single(q => q.GetProperty("id").GetInt32() == queue);
        Assert.Equal(1, row.GetProperty("waiting").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, disabled.StatusCode);
        Assert.Equal(await host.QueueAsync("FUEL"), (await host.ConversationAsync(afterDisabling.ConversationId)).QueueId);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Rules_are_tried_in_order_moving_one_up_makes_it_win_and_the_list_says_what_each_matches(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));
        var rental = await host.ActivityAsync("CAR_RENTAL");
        var consumer = await host.QueueAsync("CONSUMER");
        var fuel = await host.QueueAsync("FUEL");
        var broad = await (await admin.PostAsJsonAsync("/api/setup/routing-rules", new { name = "Location vers consommateurs", activityId = rental, queueId = consumer })).CreatedIdAsync();
        var narrow = await (await admin.PostAsJsonAsync("/api/setup/routing-rules", new { name = "Location en anglais", activityId = rental, language = "EN", queueId = fuel })).CreatedIdAsync();
        var english = "Hello, the car I rented has a flat tyre, please help me with this.";

        var first = await host.EmailAsync(Contacts.NewEmail(), "CAR_RENTAL", english);
        var moved = await admin.PostAsync($"/api/setup/routing-rules/{narrow}/move-up", null);
        var second = await host.EmailAsync(Contacts.NewEmail(), "CAR_RENTAL", english);
        var french = await host.EmailAsync(Contacts.NewEmail(), "CAR_RENTAL");
        using var list = JsonDocument.Parse(await admin.GetStringAsync("/api/setup/routing-rules"));
        var rows = list.RootElement.EnumerateArray().ToList();
        var deleted = await admin.DeleteAsync($"/api/setup/routing-rules/{broad}");
        var third = await host.EmailAsync(Contacts.NewEmail(), "CAR_RENTAL");
        var page = await admin.GetStringAsync("/app/admin/routage");

        Assert.Equal(consumer, (await host.ConversationAsync(first.ConversationId)).QueueId);
        Assert.Equal(HttpStatusCode.NoContent, moved.StatusCode);
        Assert.Equal(fuel, (await host.ConversationAsync(second.ConversationId)).QueueId);
        Assert.Equal(consumer, (await host.ConversationAsync(french.ConversationId)).QueueId);
        var narrowRow = rows.Single(r => r.GetProperty("id").GetInt32() == narrow);
        var broadRow = rows.Single(r => r.GetProperty("id").GetInt32() == broad);
        Assert.True(narrowRow.GetProperty("position").GetInt32() < broadRow.GetProperty("position").GetInt32());
        Assert.Equal("en", narrowRow.GetProperty("language").GetString());
        Assert.Equal("Les contacts dont l'activité est Location de véhicules et la langue est English (en).", narrowRow.GetProperty("matches").GetString());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(await host.QueueAsync("CAR_RENTAL"), (await host.ConversationAsync(third.ConversationId)).QueueId);
        Assert.DoesNotContain("Location vers consommateurs", page, StringComparison.Ordinal);
        Assert.Contains("Location en anglais", page, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_rule_with_no_criterion_or_a_missing_queue_is_refused_per_field_and_a_confirmed_one_is_kept(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));
        var consumer = await host.QueueAsync("CONSUMER");
        var spain = await host.QueryAsync(c => c.Countries.Where(x => x.Code == "ES").Select(x => x.Id).SingleAsync());
        var evry = await host.StoreAsync("H001");

        var catchAll = await (await admin.PostAsJsonAsync("/api/setup/routing-rules", new { name = "Tout", queueId = consumer })).FieldErrorsAsync();
        var nowhere = await (await admin.PostAsJsonAsync("/api/setup/routing-rules", new { name = "Nulle part", channel = "Sms", queueId = 999_999 })).FieldErrorsAsync();
        var mismatch = await (await admin.PostAsJsonAsync("/api/setup/routing-rules", new { name = "Évry en Espagne", countryId = spain, storeId = evry, queueId = consumer })).FieldErrorsAsync();
        var confirmed = await admin.PostAsJsonAsync("/api/setup/routing-rules", new { name = "Tout, en réserve", queueId = consumer, confirmCatchAll = true, enabled = false });
        var page = await admin.PostFormAsync("/app/admin/routage/nouvelle", new Dictionary<string, string>
        {
            ["Form.Name"] = "Tout par la page",
            ["Form.QueueId"] = consumer.ToString(CultureInfo.InvariantCulture),
            ["Form.Enabled"] = "true",
        });

        Assert.Contains("aucun critère", catchAll["ConfirmCatchAll"], StringComparison.Ordinal);
        Assert.Contains("file", nowhere["QueueId"], StringComparison.Ordinal);
        Assert.Contains("pas dans le pays choisi", mismatch["StoreId"], StringComparison.Ordinal);
        var id = await confirmed.CreatedIdAsync();
        Assert.False(await host.QueryAsync(c => c.RoutingRules.Where(r => r.Id == id).Select(r => r.Enabled).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Cette règle n'a aucun critère", await page.HtmlAsync(), StringComparison.Ordinal);
        Assert.False(await host.QueryAsync(c => c.RoutingRules.AnyAsync(r => r.Name == "Tout par la page")));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_queue_is_refused_per_field_with_crossed_thresholds_untrained_home_sites_or_a_taken_code(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));
        var fuel = await host.ActivityAsync("FUEL");
        var tunis = await host.QueryAsync(c => c.ServiceSites.Where(s => s.Code == "TUNIS").Select(s => s.Id).SingleAsync());
        var rentalQueue = await host.QueueAsync("CAR_RENTAL");

        var errors = await (await admin.PostAsJsonAsync("/api/setup/queues", new
        {
            code = "SWITCHBOARD",
            name = "Carburant Tunis",
            activityId = fuel,
            overflowAbove = 10,
            overflowBelow = 10,
            homeSiteIds = new[] { tunis },
        })).FieldErrorsAsync();
        var lastOfItsActivity = await (await admin.PutAsJsonAsync($"/api/setup/queues/{rentalQueue}", new
        {
            code = "CAR_RENTAL",
            name = "Location de véhicules",
            activityId = await host.ActivityAsync("CONSUMER"),
            overflowAbove = 7,
            overflowBelow = 1,
            homeSiteIds = new[] { await host.QueryAsync(c => c.ServiceSites.Where(s => s.Code == "SAINT_ETIENNE").Select(s => s.Id).SingleAsync()) },
        })).FieldErrorsAsync();
        var page = await admin.PostFormAsync("/app/admin/files/nouvelle", new Dictionary<string, string>
        {
            ["Form.Code"] = "",
            ["Form.Name"] = "Sans code",
            ["Form.ActivityId"] = fuel.ToString(CultureInfo.InvariantCulture),
            ["Form.OverflowAbove"] = "5",
            ["Form.OverflowBelow"] = "8",
        });
        var html = await page.HtmlAsync();

        Assert.Contains("SWITCHBOARD", errors["Code"], StringComparison.Ordinal);
        Assert.Contains("inférieur au seuil de débordement", errors["OverflowBelow"], StringComparison.Ordinal);
        Assert.Contains("Tunis", errors["HomeSiteIds"], StringComparison.Ordinal);
        Assert.Contains("seule file", lastOfItsActivity["ActivityId"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Saisissez le code de la file", html, StringComparison.Ordinal);
        Assert.Contains("Le seuil de retour (8) doit être inférieur au seuil de débordement (5)", html, StringComparison.Ordinal);
        Assert.Contains("Choisissez au moins un site d'attache", html, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_queue_edited_through_its_page_keeps_its_new_thresholds_and_home_sites(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));
        var id = await host.QueueAsync("STORE_CARD");
        var sites = await host.QueryAsync(c => c.ServiceSites.Where(s => s.Code == "EVRY" || s.Code == "TUNIS").Select(s => s.Id).ToListAsync());
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Form.Code", "STORE_CARD"),
            new("Form.Name", "Carte de paiement"),
            new("Form.ActivityId", (await host.ActivityAsync("STORE_CARD")).ToString(CultureInfo.InvariantCulture)),
            new("Form.Language", ""),
            new("Form.OverflowAbove", "40"),
            new("Form.OverflowBelow", "12"),
        };
        fields.AddRange(sites.Select(s => new KeyValuePair<string, string>("Form.HomeSiteIds", s.ToString(CultureInfo.InvariantCulture))));

        var saved = await admin.PostFormAsync($"/app/admin/files/{id}", fields);
        var queue = await host.QueryAsync(c => c.Queues.Include(q => q.HomeSites).AsNoTracking().SingleAsync(q => q.Id == id));
        var list = await admin.GetStringAsync("/app/admin/files");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal((40, 12), (queue.OverflowAbove, queue.OverflowBelow));
        Assert.Equal(sites.Order(), queue.HomeSites.Select(h => h.SiteId).Order());
        Assert.Contains("File Carte de paiement enregistrée.", WebUtility.HtmlDecode(list), StringComparison.Ordinal);
    }
}
