using System.Text.RegularExpressions;
using Comptoir.Features.DemoData;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Comptoir.Tests.Browser;

public sealed partial class RoutingRuleBrowserTests(FreshHosts hosts, Infrastructure.Browser browser) : IClassFixture<FreshHosts>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_administrator_adds_a_routing_rule_and_the_trial_form_shows_it_matching(Db db)
    {
        var host = await hosts.GetAsync(db);
        await using var context = await browser.NewContextAsync(host.Address);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/connexion");
        await page.GetByLabel("Adresse e-mail").FillAsync(StaffSession.Demo("admin"));
        await page.GetByLabel("Mot de passe").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Files et routage" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Règles de routage" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Ajouter une règle" }).ClickAsync();

        await page.GetByLabel("Nom de la règle").FillAsync("Carburant d'Évry 2 vers les consommateurs");
        await page.GetByLabel("Canal").SelectOptionAsync(new SelectOptionValue { Label = "E-mail" });
        await page.GetByLabel("Activité").SelectOptionAsync(new SelectOptionValue { Label = "Carburant" });
        await page.GetByLabel("Magasin").SelectOptionAsync(new SelectOptionValue { Label = "H001 · Hypermarché Évry 2" });
        await page.GetByLabel("File de destination").SelectOptionAsync(new SelectOptionValue { Label = "Service consommateurs (CONSUMER)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/app/admin/routage$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Règle « Carburant d'Évry 2 vers les consommateurs » enregistrée.");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Carburant d'Évry 2 vers les consommateurs" });
        await Assertions.Expect(row).ToContainTextAsync("Les contacts dont le canal est E-mail, l'activité est Carburant et le magasin est H001 · Hypermarché Évry 2.");

        var trial = page.GetByRole(AriaRole.Region, new() { Name = "Essayer le routage" });
        await trial.GetByLabel("Canal").SelectOptionAsync(new SelectOptionValue { Label = "E-mail" });
        await trial.GetByLabel("Activité").SelectOptionAsync(new SelectOptionValue { Label = "Carburant" });
        await trial.GetByLabel("Magasin concerné").SelectOptionAsync(new SelectOptionValue { Label = "H001 · Hypermarché Évry 2" });
        await trial.GetByRole(AriaRole.Button, new() { Name = "Essayer" }).ClickAsync();

        var outcome = page.GetByRole(AriaRole.Status);
        await Assertions.Expect(outcome).ToContainTextAsync("File : Service consommateurs");
        await Assertions.Expect(outcome).ToContainTextAsync(Position());
        var stored = await host.QueryAsync(c => c.RoutingRules.SingleAsync(r => r.Name == "Carburant d'Évry 2 vers les consommateurs"));
        Assert.Equal(await host.QueueAsync("CONSUMER"), stored.QueueId);
    }

    [GeneratedRegex("Par la règle n° \\d+ « Carburant d'Évry 2 vers les consommateurs »\\.")]
    private static partial Regex Position();
}
