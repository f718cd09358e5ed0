using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comptoir.Features.Causes;
using Comptoir.Features.Causes.Digests;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static Comptoir.Tests.Features.Causes.Digests.DigestClock;

namespace Comptoir.Tests.Features.Causes.Digests;

/// <summary>Who reads which digest, the contacts behind an irritant, the owning team's action plan, the store's irritants.</summary>
public sealed class IrritantsTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Readers_see_the_digests_of_their_scope_only_and_follow_an_irritant_to_its_contacts(Db db)
    {
        var clock = new FakeTimeProvider(ParisTime(2026, 11, 20, 9));
        await using var database = await TestDatabase.CreateAsync(db);
        await using var host = Host(database, clock);
        var france = await host.CountryAsync("FR");
        var threeDs = await host.CauseAsync("payment.3ds");
        var contact = await host.WriteAsync(clock, ThreeDs, france);
        clock.SetUtcNow(ParisTime(2026, 11, 20, 10, 1));
        await host.ProduceAsync();
        var digestId = await host.QueryAsync(c => c.CauseDigests.Where(d => d.Scope == CauseScope.Country && d.ScopeId == france).Select(d => d.Id).SingleAsync());
        var groupId = await host.QueryAsync(c => c.CauseDigests.Where(d => d.Scope == CauseScope.Group).Select(d => d.Id).SingleAsync());
        using var french = await host.SignInAsync(StaffSession.Demo("direction.fr"));
        using var spanish = await host.SignInAsync(StaffSession.Demo("direction.es"));
        using var director = await host.SignInAsync(StaffSession.Demo("directeur.h001"));
        using var supervisor = await host.SignInAsync(StaffSession.Demo("superviseur.dakar"));

        var own = await french.GetFromJsonAsync<GetDigest.Response>($"/api/irritants/digests/{digestId}", Json);
        var notTheirs = await spanish.GetAsync($"/api/irritants/digests/{digestId}");
        var groupForCountry = await french.GetAsync($"/api/irritants/digests/{groupId}");
        var listedForSpain = await spanish.GetAsync($"/api/irritants/digests?scope=Country&scopeId={france}");
        var listedForFrance = await french.GetFromJsonAsync<JsonElement>($"/api/irritants/digests?scope=Country&scopeId={france}&date=2026-11-20");
        var directorPage = await director.GetAsync("/app/irritants");
        var supervisorGroup = await supervisor.GetAsync($"/api/irritants/digests/{groupId}");
        var page = await french.GetStringAsync("/app/irritants");
        var contacts = await french.GetStringAsync($"/app/irritants/{digestId}/causes/{threeDs}");
        var contactsForSpain = await spanish.GetAsync($"/app/irritants/{digestId}/causes/{threeDs}");
        var contactsForSupervisor = await supervisor.GetStringAsync($"/app/irritants/{digestId}/causes/{threeDs}");
        var noDigest = await french.GetStringAsync("/app/irritants/2026-11-01");

        Assert.Equal("France", own!.ScopeName);
        Assert.Equal(threeDs, own.Entries[0].CauseId);
        Assert.Equal(contact, own.Entries[0].Verbatims[0].ConversationId);
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, groupForCountry.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, listedForSpain.StatusCode);
        Assert.Equal(digestId, Assert.Single(listedForFrance.EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, directorPage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, supervisorGroup.StatusCode);
        Assert.Contains("Paiement › Échec 3-D Secure", page, StringComparison.Ordinal);
        Assert.Contains($"/app/irritants/{digestId}/causes/{threeDs}", page, StringComparison.Ordinal);
        Assert.Contains("je ne reçois jamais le code de ma banque", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/app/conversations/{contact}\"", contacts, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, contactsForSpain.StatusCode);
        // The Dakar supervisor reads the group's and France's digests, but this contact is not their site's work.
        Assert.Contains("je ne reçois jamais le code de ma banque", contactsForSupervisor, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/app/conversations/{contact}\"", contactsForSupervisor, StringComparison.Ordinal);
        Assert.Contains("Aucun top n&#x27;a été produit pour le 01/11/2026.", noDigest, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_owning_team_writes_the_action_plan_and_finds_its_priority_causes_on_its_home_page(Db db)
    {
        var clock = new FakeTimeProvider(ParisTime(2026, 11, 20, 9));
        await using var database = await TestDatabase.CreateAsync(db);
        await using var host = Host(database, clock);
        var france = await host.CountryAsync("FR");
        var threeDs = await host.CauseAsync("payment.3ds");
        await host.WriteAsync(clock, ThreeDs, france);
        clock.SetUtcNow(ParisTime(2026, 11, 20, 10, 1));
        await host.ProduceAsync();
        using var payment = await host.SignInAsync(StaffSession.Demo("equipe.paiement"));
        using var delivery = await host.SignInAsync(StaffSession.Demo("equipe.livraison"));
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));

        var refused = await delivery.PutAsJsonAsync($"/api/causes/{threeDs}/action", new { plan = "Rien", status = "Planned" });
        var empty = await payment.PutAsJsonAsync($"/api/causes/{threeDs}/action", new { plan = " ", status = "Planned" });
        var saved = await payment.PutAsJsonAsync($"/api/causes/{threeDs}/action", new { plan = "Passage des banques partenaires en 3DS2, correctif du parcours de validation", status = "InProgress" });
        var byAdmin = await admin.PutAsJsonAsync($"/api/causes/{threeDs}/action", new { plan = "Passage des banques partenaires en 3DS2, correctif du parcours de validation", status = "InProgress" });
        var unknown = await admin.PutAsJsonAsync("/api/causes/999999/action", new { plan = "x", status = "Planned" });
        var home = await payment.GetStringAsync("/app");
        var otherHome = await delivery.GetStringAsync("/app");
        var action = await host.QueryAsync(c => c.CauseActions.AsNoTracking().SingleAsync(a => a.CauseId == threeDs));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(CauseActionStatus.InProgress, action.Status);
        Assert.Contains("Vos causes prioritaires", home, StringComparison.Ordinal);
        Assert.Contains("Paiement › Échec 3-D Secure", home, StringComparison.Ordinal);
        Assert.Contains("Passage des banques partenaires en 3DS2", home, StringComparison.Ordinal);
        Assert.Contains("En cours", home, StringComparison.Ordinal);
        Assert.Contains("Aucune cause de votre équipe n&#x27;est dans un top 5 aujourd&#x27;hui.", otherHome, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_store_director_sees_the_top_irritants_of_their_store_including_the_checkout_notebook(Db db)
    {
        var clock = new FakeTimeProvider(ParisTime(2026, 11, 20, 15));
        await using var database = await TestDatabase.CreateAsync(db);
        await using var host = Host(database, clock);
        var store = await host.StoreAsync("H001");
        var other = await host.StoreAsync("H020");
        var fresh = await host.CauseAsync("store.quality.fresh");
        var parking = await host.CauseAsync("store.parking");
        await host.QueryAsync(async c =>
        {
            var now = CauseCounts.HourOf(clock.GetUtcNow());
            await CauseCounts.ApplyAsync(c, [
                new CauseCountDelta(CauseScope.Store, store, now - 2, fresh, 6),
                new CauseCountDelta(CauseScope.Store, store, now - (24 * 3), parking, 9),
                new CauseCountDelta(CauseScope.Store, other, now - 1, parking, 50),
            ], default);
            return 0;
        });
        using var cashier = await host.SignInAsync(StaffSession.Demo("caisses.h001"));
        var form = await cashier.GetStringAsync("/carnet");
        var words = "Les bananes n'étaient pas mûres et les fraises étaient moisies.";
        var posted = await cashier.PostAsync("/carnet", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffSession.AntiforgeryToken(form),
            ["Form.SubmissionId"] = System.Text.RegularExpressions.Regex.Match(form, "name=\"Form.SubmissionId\" value=\"([0-9a-f]+)\"").Groups[1].Value,
            ["Form.Words"] = words,
            ["Form.Checkout"] = "12",
        }));
        Assert.Equal("/carnet", posted.Headers.Location?.OriginalString);
        var notebook = await host.QueryAsync(c => c.Conversations.AsNoTracking().SingleAsync(x => x.Channel == Comptoir.Features.Conversations.Channel.CheckoutNotebook));
        using var director = await host.SignInAsync(StaffSession.Demo("directeur.h001"));

        var home = await director.GetStringAsync("/app");
        var day = home[home.IndexOf("Dernières 24 heures", StringComparison.Ordinal)..home.IndexOf("7 derniers jours", StringComparison.Ordinal)];
        var week = home[home.IndexOf("7 derniers jours", StringComparison.Ordinal)..];

        Assert.Contains("Principaux irritants du magasin", home, StringComparison.Ordinal);
        Assert.Equal(fresh, notebook.CauseId);
        Assert.Contains("Fruits et légumes · <strong>7</strong>", day, StringComparison.Ordinal);
        Assert.DoesNotContain("Parking", day, StringComparison.Ordinal);
        Assert.Contains("Parking et accès · <strong>9</strong>", week, StringComparison.Ordinal);
    }
}
