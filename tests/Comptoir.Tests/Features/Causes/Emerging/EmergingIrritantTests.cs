using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comptoir.Features.Causes;
using Comptoir.Features.Causes.Emerging;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Comptoir.Tests.Features.Causes.Emerging;

/// <summary>Emerging irritants end to end: contacts ingested over days, the job driven by a fake clock, the one-step cause.</summary>
public sealed class EmergingIrritantTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    internal static readonly string[] Everyday =
    [
        "Ma commande n'est pas arrivée, le livreur n'est jamais venu.",
        "Le remboursement de mon avoir n'apparaît toujours pas sur mon compte.",
        "Les fraises achetées hier étaient moisies dès le lendemain.",
        "La pompe 4 de la station a gardé ma carte après le plein.",
        "Impossible de me connecter à l'application depuis ce matin.",
        "J'ai été débité deux fois pour la même commande.",
    ];

    internal static readonly string[] Surge =
    [
        "Depuis hier le code 3DS2 n'arrive plus, paiement impossible.",
        "Votre site refuse ma carte, la validation 3DS2 tourne dans le vide.",
        "3DS2 : je ne reçois aucun SMS de ma banque pour valider l'achat.",
        "Échec à l'étape 3DS2, panier perdu deux fois.",
        "Le nouveau contrôle 3DS2 bloque ma commande en ligne.",
        "Paiement bloqué par 3DS2 alors que ma carte fonctionne ailleurs.",
        "Encore un échec 3DS2 ce soir, je vais acheter ailleurs.",
        "Pourquoi 3DS2 me demande un code que je ne reçois jamais ?",
        "Validation 3DS2 impossible depuis l'application.",
        "Le paiement 3DS2 échoue systématiquement avec ma carte.",
    ];

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_new_term_surging_today_is_flagged_once_the_same_day_with_its_verbatims_and_steady_terms_are_not(Db db)
    {
        var clock = new FakeTimeProvider(ParisTime(2026, 10, 1, 9, 0));
        await using var database = await TestDatabase.CreateAsync(db);
        await using var first = Host(database, clock, seed: true);
        await using var second = Host(database, clock, seed: false);
        await IngestDaysAsync(first, clock, days: 9);
        clock.SetUtcNow(ParisTime(2026, 10, 10, 9, 0));
        await IngestAsync(first, Everyday);
        var morning = await first.Services.GetRequiredService<WatchEmergingIrritants>().RunOnceAsync(default);

        clock.SetUtcNow(ParisTime(2026, 10, 10, 15, 0));
        await IngestAsync(first, [.. Everyday, .. Surge]);
        var raised = await Task.WhenAll(
            first.Services.GetRequiredService<WatchEmergingIrritants>().RunOnceAsync(default),
            second.Services.GetRequiredService<WatchEmergingIrritants>().RunOnceAsync(default));
        var again = await second.Services.GetRequiredService<WatchEmergingIrritants>().RunOnceAsync(default);
        var flags = await first.QueryAsync(c => c.EmergingIrritants.Include(e => e.Verbatims).ToListAsync());
        var threeDs = await first.QueryAsync(c => c.Causes.Where(x => x.Code == "payment.3ds").Select(x => x.Id).SingleAsync());

        Assert.Equal(0, morning);
        Assert.True(raised.Sum() > 0);
        Assert.Equal(0, again);
        Assert.Equal(raised.Sum(), flags.Count);
        var term = Assert.Single(flags, f => f.Kind == EmergingKind.Term && f.Scope == CauseScope.Group && f.Term == "3ds2");
        Assert.Equal((new DateOnly(2026, 10, 10), 10, EmergingStatus.New), (term.Day, term.Count, term.Status));
        Assert.True(term.Unseen);
        Assert.True(term.Score >= 4);
        Assert.Equal(5, term.Verbatims.Count);
        Assert.All(term.Verbatims, v => Assert.Contains("3DS2", v.Excerpt, StringComparison.Ordinal));
        // Contacts of no known country also count in country 0. Besides the term, only the 3-D Secure cause may
        // stand out (when the model puts at least the eight contacts an unseen cause needs into it); nothing steady does.
        Assert.Equal([(CauseScope.Group, "3ds2"), (CauseScope.Country, "3ds2")], flags.Where(f => f.Kind == EmergingKind.Term).Select(f => (f.Scope, f.Term)).Order().ToList());
        Assert.All(flags.Where(f => f.Kind != EmergingKind.Term), f => Assert.Equal(threeDs, f.CauseId));
        Assert.DoesNotContain(flags, f => f.Term is "commande" or "remboursement" or "fraises" or "pompe" or "application");
        Assert.Single(flags.Select(f => (f.Day, f.Scope, f.ScopeId, f.Kind, f.Term)).Distinct(), x => x.Term == "3ds2" && x.Scope == CauseScope.Group);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Creating_a_cause_from_an_emerging_term_adds_its_examples_relabels_its_contacts_retrains_and_new_contacts_get_it(Db db)
    {
        var clock = new FakeTimeProvider(ParisTime(2026, 10, 1, 9, 0));
        await using var database = await TestDatabase.CreateAsync(db);
        await using var host = Host(database, clock, seed: true);
        await IngestDaysAsync(host, clock, days: 9);
        clock.SetUtcNow(ParisTime(2026, 10, 10, 15, 0));
        var surge = await IngestAsync(host, [.. Everyday, .. Surge]);
        await host.Services.GetRequiredService<WatchEmergingIrritants>().RunOnceAsync(default);
        var flag = await host.QueryAsync(c => c.EmergingIrritants.SingleAsync(f => f.Kind == EmergingKind.Term && f.Scope == CauseScope.Group && f.Term == "3ds2"));
        var payment = await host.QueryAsync(c => c.Causes.Where(x => x.Code == "payment").Select(x => x.Id).SingleAsync());
        var versionBefore = await host.QueryAsync(c => c.CauseModels.MaxAsync(m => m.Id));
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));
        using var advisor = await host.SignInAsync(StaffSession.Demo("conseiller.evry"));
        using var supervisor = await host.SignInAsync(StaffSession.Demo("superviseur.tunis"));

        var refused = await advisor.PostAsJsonAsync($"/api/irritants/emerging/{flag.Id}/cause", new { name = "Code 3DS2", parentId = payment });
        var notTheirs = await supervisor.PostAsJsonAsync($"/api/irritants/emerging/{flag.Id}/cause", new { name = "Code 3DS2", parentId = payment });
        var page = await supervisor.GetStringAsync("/app/irritants/emergents");
        var adminPage = await admin.GetStringAsync("/app/irritants/emergents");
        var listed = await supervisor.GetFromJsonAsync<JsonElement>("/api/irritants/emerging");
        var invalid = await admin.PostAsJsonAsync($"/api/irritants/emerging/{flag.Id}/cause", new { name = "", parentId = payment });
        var created = await admin.PostAsJsonAsync($"/api/irritants/emerging/{flag.Id}/cause", new { name = "Code 3DS2", englishName = "3DS2 code", parentId = payment, owningTeam = "Paiement e-commerce" });
        var twice = await admin.PostAsJsonAsync($"/api/irritants/emerging/{flag.Id}/cause", new { name = "Code 3DS2 bis", parentId = payment });
        var body = await created.Content.ReadFromJsonAsync<CreateCauseFromEmerging.Response>();
        var cause = await host.QueryAsync(c => c.Causes.SingleAsync(x => x.Id == body!.CauseId));
        var examples = await host.QueryAsync(c => c.CauseExamples.CountAsync(e => e.CauseId == body!.CauseId));
        var relabelled = await host.QueryAsync(c => c.Conversations.CountAsync(x => x.CauseId == body!.CauseId));
        var next = await host.EmailAsync(Contacts.NewEmail(), "ECOMMERCE", "Bonjour, le 3DS2 refuse encore mon paiement ce matin.");
        var afterwards = await host.ConversationAsync(next.ConversationId);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        // Supervisors see the flag; only administrators change the taxonomy.
        Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
        Assert.Contains("3ds2", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Créer une cause", System.Net.WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("Créer une cause", System.Net.WebUtility.HtmlDecode(adminPage), StringComparison.Ordinal);
        Assert.Contains(listed.EnumerateArray(), r => r.GetProperty("term").GetString() == "3ds2");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("\"Name\"", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(("Code 3DS2", payment, "Paiement e-commerce", "payment.code-3ds2"), (cause.Name, cause.ParentId, cause.OwningTeam, cause.Code));
        Assert.Equal(Surge.Length, examples);
        Assert.Equal(Surge.Length, body!.Relabelled);
        Assert.Equal(Surge.Length, relabelled);
        Assert.True(body.ModelVersion > versionBefore);
        Assert.Equal(EmergingStatus.CauseCreated, (await host.QueryAsync(c => c.EmergingIrritants.SingleAsync(f => f.Id == flag.Id))).Status);
        Assert.Equal(body.CauseId, afterwards.CauseId);
        Assert.Equal(body.ModelVersion, afterwards.CauseModelVersionId);
        Assert.NotEmpty(surge);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_country_executive_sees_only_their_country_and_dismissing_keeps_the_flag(Db db)
    {
        var clock = new FakeTimeProvider(ParisTime(2026, 10, 10, 15, 0));
        await using var database = await TestDatabase.CreateAsync(db);
        await using var host = Host(database, clock, seed: true);
        var group = await AddFlagAsync(host, CauseScope.Group, 0, "ios 17.2");
        using var director = await host.SignInAsync(StaffSession.Demo("direction.fr"));
        using var admin = await host.SignInAsync(StaffSession.Demo("admin"));
        using var advisor = await host.SignInAsync(StaffSession.Demo("conseiller.evry"));

        var hidden = await director.PostAsync($"/api/irritants/emerging/{group}/dismiss", null);
        var list = await director.GetFromJsonAsync<JsonElement>("/api/irritants/emerging");
        var forbidden = await advisor.GetAsync("/api/irritants/emerging");
        var dismissed = await admin.PostAsync($"/api/irritants/emerging/{group}/dismiss", null);

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(0, list.GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, dismissed.StatusCode);
        Assert.Equal(EmergingStatus.Dismissed, (await host.QueryAsync(c => c.EmergingIrritants.SingleAsync(f => f.Id == group))).Status);
    }

    private static async Task<long> AddFlagAsync(ComptoirHost host, CauseScope scope, int scopeId, string term) =>
        await host.QueryAsync(async c =>
        {
            var flag = new EmergingIrritant { Day = new DateOnly(2026, 10, 10), TimeZoneId = "Europe/Paris", Scope = scope, ScopeId = scopeId, Kind = EmergingKind.Term, Term = term, Count = 9, Expected = 0.2, Score = 12, FlaggedAt = ParisTime(2026, 10, 10, 14, 0) };
            c.EmergingIrritants.Add(flag);
            await c.SaveChangesAsync();
            return flag.Id;
        });

    private static ComptoirHost Host(TestDatabase database, FakeTimeProvider clock, bool seed)
    {
        var host = new ComptoirHost(
            database,
            new Dictionary<string, string?> { ["Demo:Parts"] = "organisation,service-setup,causes", ["Demo:SeedOnFirstRun"] = seed ? "true" : "false" },
            s => s.AddSingleton<TimeProvider>(clock));
        host.StartServer();
        return host;
    }

    /// <summary>Days of everyday contacts, at 11:00 Paris time, ending the day before the clock's day.</summary>
    private static async Task IngestDaysAsync(ComptoirHost host, FakeTimeProvider clock, int days)
    {
        var start = clock.GetUtcNow();
        for (var d = 0; d < days; d++)
        {
            clock.SetUtcNow(start.AddDays(d).AddHours(2));
            await IngestAsync(host, [.. Everyday.Skip(d % 2)]);
        }
    }

    private static async Task<List<long>> IngestAsync(ComptoirHost host, IEnumerable<string> texts)
    {
        var ids = new List<long>();
        foreach (var text in texts)
        {
            ids.Add((await host.EmailAsync(Contacts.NewEmail(), "ECOMMERCE", text)).ConversationId);
        }

        return ids;
    }

    private static DateTimeOffset ParisTime(int year, int month, int day, int hour, int minute) =>
        new(TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, minute, 0), Paris), TimeSpan.Zero);
}
