using System.Net;
using System.Net.Http.Json;
using Comptoir.Features.Causes.Taxonomy;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Tests.Features.Causes;

/// <summary>Administrators edit the taxonomy: create, rename, move, deactivate, add examples; others may not.</summary>
public sealed class CauseTaxonomyTests(CauseHosts hosts) : IClassFixture<CauseHosts>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_administrator_creates_renames_moves_and_deactivates_a_cause_and_adds_examples(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));
        var payment = await CauseAsync(host, "payment");
        var app = await CauseAsync(host, "app");
        var code = $"payment.wallet{Guid.NewGuid():N}"[..30];

        var created = await admin.PostAsJsonAsync("/api/causes", new { name = "Portefeuille mobile", englishName = "Mobile wallet", parentId = payment, code, owningTeam = "Paiement e-commerce" });
        var cause = await created.Content.ReadFromJsonAsync<SaveCause.Response>();
        var moved = await admin.PutAsJsonAsync($"/api/causes/{cause!.Id}", new { name = "Portefeuille mobile (appli)", englishName = "Mobile wallet (app)", parentId = app, code, active = true });
        var examples = await admin.PostAsJsonAsync($"/api/causes/{cause.Id}/examples", new { texts = new[] { "Apple Pay ne marche plus dans l'appli", "Google Pay refuse ma carte" } });
        var deactivated = await admin.PutAsJsonAsync($"/api/causes/{cause.Id}", new { name = "Portefeuille mobile (appli)", parentId = app, code, active = false });
        var tree = await admin.GetFromJsonAsync<List<ListCauses.Row>>("/api/causes");
        var page = await admin.GetStringAsync("/app/admin/causes");
        var stored = await host.QueryAsync(c => c.Causes.SingleAsync(x => x.Id == cause.Id));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, examples.StatusCode);
        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        Assert.Equal(("Portefeuille mobile (appli)", app, false), (stored.Name, stored.ParentId, stored.Active));
        Assert.Equal(2, tree!.Single(r => r.Id == cause.Id).Examples);
        Assert.Contains("Portefeuille mobile (appli)", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("Réentraîner maintenant", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Saving_a_cause_names_each_field_to_fix(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));
        var payment = await CauseAsync(host, "payment");
        var threeDs = await CauseAsync(host, "payment.3ds");
        var inactive = await admin.PostAsJsonAsync("/api/causes", new { name = "Ancienne", parentId = payment, code = $"payment.old{Guid.NewGuid():N}"[..28] });
        var old = (await inactive.Content.ReadFromJsonAsync<SaveCause.Response>())!;
        await admin.PutAsJsonAsync($"/api/causes/{old.Id}", new { name = "Ancienne", parentId = payment, code = old.Code, active = false });

        var noName = await admin.PostAsJsonAsync("/api/causes", new { name = " ", parentId = payment });
        var takenCode = await admin.PostAsJsonAsync("/api/causes", new { name = "Doublon", parentId = payment, code = "payment.3ds" });
        var cycle = await admin.PutAsJsonAsync($"/api/causes/{payment}", new { name = "Paiement", parentId = threeDs, code = "payment" });
        var underInactive = await admin.PostAsJsonAsync("/api/causes", new { name = "Sous une inactive", parentId = old.Id });
        var unknown = await admin.PutAsJsonAsync("/api/causes/999999", new { name = "Rien" });

        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
        Assert.Contains("Saisissez le nom de la cause.", await noName.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("\"Code\"", await takenCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, cycle.StatusCode);
        Assert.Contains("\"ParentId\"", await cycle.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("\"ParentId\"", await underInactive.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Null(await host.QueryAsync(c => c.Causes.Where(x => x.Id == payment).Select(x => x.ParentId).SingleAsync()));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Only_administrators_edit_the_taxonomy(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var supervisor = await host.SignInAsync(StaffSession.Demo("superviseur.tunis"));
        using var director = await host.SignInAsync(StaffSession.Demo("direction.fr"));

        var list = await supervisor.GetAsync("/api/causes");
        var create = await director.PostAsJsonAsync("/api/causes", new { name = "Pirate" });
        var page = await supervisor.GetAsync("/app/admin/causes");

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("acces-refuse", page.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private static Task<int> CauseAsync(ComptoirHost host, string code) =>
        host.QueryAsync(c => c.Causes.Where(x => x.Code == code).Select(x => x.Id).SingleAsync());
}
