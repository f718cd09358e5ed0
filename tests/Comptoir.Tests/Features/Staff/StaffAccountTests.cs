using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comptoir.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comptoir.Tests.Features.Staff;

public sealed class StaffAccountTests(Hosts hosts)
{
    private const string Password = "Nouveau-compte-2026";

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_administrator_opens_an_advisor_account_on_a_site_and_the_advisor_signs_in_scoped_to_it(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));
        var dakar = await host.QueryAsync(c => c.ServiceSites.Where(s => s.Code == "DAKAR").Select(s => s.Id).SingleAsync());
        var email = $"awa.ndiaye.{Guid.NewGuid():N}@example.test";

        var created = await admin.PostAsJsonAsync("/api/staff", new { displayName = "Awa Ndiaye", email, role = "Advisor", siteId = dakar, password = Password });
        using var advisor = await host.SignInAsync(email, Password);
        var me = await advisor.GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Advisor", me.GetProperty("role").GetString());
        Assert.Equal(dakar, me.GetProperty("siteId").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await advisor.GetAsync($"/api/sites/{dakar}")).StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_role_without_its_workplace_is_refused_with_a_message_per_field(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));

        var response = await admin.PostAsJsonAsync("/api/staff", new
        {
            displayName = "Sans Lieu",
            email = $"sans.lieu.{Guid.NewGuid():N}@example.test",
            role = "DepartmentManager",
            mobile = "12",
            password = "court",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Contains("magasin", errors.GetProperty("StoreId")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("06 39 98 12 34", errors.GetProperty("Mobile")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_store_keeps_a_single_director(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));
        var evry = await host.QueryAsync(c => c.Stores.Where(s => s.Code == "H001").Select(s => s.Id).SingleAsync());

        var response = await admin.PostAsJsonAsync("/api/staff", new
        {
            displayName = "Second Directeur",
            email = $"second.{Guid.NewGuid():N}@example.test",
            role = "StoreDirector",
            storeId = evry,
            password = Password,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("déjà un directeur", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_director_mobile_is_stored_in_E164_whatever_the_spelling(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));
        var store = await host.QueryAsync(c => c.Stores.Where(s => s.Code == "BE01").Select(s => s.Id).SingleAsync());
        var email = $"manager.{Guid.NewGuid():N}@example.test";
        var bakery = await host.QueryAsync(c => c.Departments.Where(d => d.Code == "BAKERY").Select(d => d.Id).SingleAsync());

        var response = await admin.PostAsJsonAsync("/api/staff", new
        {
            displayName = "Lotte Peeters",
            email,
            role = "DepartmentManager",
            storeId = store,
            departmentId = bakery,
            mobile = "0470 12.34.56",
            password = Password,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("+32470123456", await host.QueryAsync(c => c.Staff.Where(m => m.Email == email).Select(m => m.PhoneNumber).SingleAsync()));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_closed_account_can_no_longer_sign_in_until_it_is_reopened(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));
        var evry = await host.QueryAsync(c => c.ServiceSites.Where(s => s.Code == "EVRY").Select(s => s.Id).SingleAsync());
        var email = $"depart.{Guid.NewGuid():N}@example.test";
        var created = await admin.PostAsJsonAsync("/api/staff", new { displayName = "Départ Prochain", email, role = "Advisor", siteId = evry, password = Password });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var stampBefore = await host.QueryAsync(c => c.Staff.Where(m => m.Id == id).Select(m => m.SecurityStamp).SingleAsync());

        var closed = await admin.PostAsync($"/api/staff/{id}/deactivate", null);
        using var again = host.CreateBrowserlessClient();
        var signIn = await StaffSession.PostSignInAsync(again, email, Password);
        var reopened = await admin.PostAsync($"/api/staff/{id}/reactivate", null);
        var signInAfterReopening = await StaffSession.PostSignInAsync(again, email, Password);

        Assert.Equal(HttpStatusCode.NoContent, closed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("mot de passe incorrect", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(stampBefore, await host.QueryAsync(c => c.Staff.Where(m => m.Id == id).Select(m => m.SecurityStamp).SingleAsync()));
        Assert.Equal(HttpStatusCode.NoContent, reopened.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signInAfterReopening.StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_administrator_cannot_close_their_own_account(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));
        var me = await admin.GetFromJsonAsync<JsonElement>("/api/me");

        var response = await admin.PostAsync($"/api/staff/{me.GetProperty("id").GetInt32()}/deactivate", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_account_form_creates_a_department_manager_and_lists_the_account(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));
        var store = await host.QueryAsync(c => c.Stores.Where(s => s.Code == "H020").Select(s => s.Id).SingleAsync());
        var fish = await host.QueryAsync(c => c.Departments.Where(d => d.Code == "FISH").Select(d => d.Id).SingleAsync());
        var email = $"nouvelle.poissonniere.{Guid.NewGuid():N}@example.test";
        var form = await admin.GetStringAsync("/app/admin/equipe/nouveau");

        var posted = await admin.PostAsync("/app/admin/equipe/nouveau", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.DisplayName"] = "Nouvelle Poissonnière",
            ["Form.Email"] = email,
            ["Form.Role"] = "DepartmentManager",
            ["Form.StoreId"] = store.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.DepartmentId"] = fish.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.Mobile"] = "06 39 98 99 99",
            ["Form.Password"] = Password,
            ["__RequestVerificationToken"] = StaffSession.AntiforgeryToken(form),
        }));
        var list = await admin.GetStringAsync("/app/admin/equipe?q=nouvelle+poissonniere");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("Nouvelle Poissonnière", list, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_account_form_shows_what_to_fix_next_to_the_field(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));
        var form = await admin.GetStringAsync("/app/admin/equipe/nouveau");

        var posted = await admin.PostAsync("/app/admin/equipe/nouveau", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.DisplayName"] = "",
            ["Form.Email"] = "pas-une-adresse",
            ["Form.Role"] = "Advisor",
            ["Form.Password"] = Password,
            ["__RequestVerificationToken"] = StaffSession.AntiforgeryToken(form),
        }));
        var html = WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("Saisissez le nom du collaborateur.", html, StringComparison.Ordinal);
        Assert.Contains("Cette adresse e-mail n'est pas valide.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closing_an_account_ends_its_open_sessions_at_the_next_cookie_check()
    {
        await using var database = await TestDatabase.CreateAsync(Db.Sqlite);
        await using var host = new ComptoirHost(database, services: services =>
            services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero));
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));
        using var advisor = await host.SignInAsync(StaffSession.Demo("conseiller.evry"));
        var id = await host.QueryAsync(c => c.Staff.Where(m => m.Email == StaffSession.Demo("conseiller.evry")).Select(m => m.Id).SingleAsync());
        var before = await advisor.GetAsync("/app");

        await admin.PostAsync($"/api/staff/{id}/deactivate", null);
        var after = await advisor.GetAsync("/app");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/connexion", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
