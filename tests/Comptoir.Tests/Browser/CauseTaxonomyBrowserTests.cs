using Comptoir.Tests.Features.Causes.Digests;
using Comptoir.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Comptoir.Tests.Browser;

public sealed class CauseTaxonomyBrowserTests(Infrastructure.Browser browser)
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_administrator_creates_a_cause_under_a_domain_renames_it_and_deactivates_it(Db db)
    {
        await using var database = await TestDatabase.CreateAsync(db);
        await using var host = new ComptoirHost(database, DigestClock.WithCauses);
        await using var context = await browser.NewContextAsync(host.Address);
        var page = await context.NewPageAsync();

        await EmergingIrritantsBrowserTests.SignInAsync(page, "admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Causes de contact" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Causes de contact");

        var create = page.Locator("details", new() { Has = page.Locator("summary", new() { HasText = "Créer une cause" }) });
        await create.GetByText("Créer une cause").ClickAsync();
        await create.GetByLabel("Nom", new() { Exact = true }).FillAsync("Carte cadeau refusée");
        await create.GetByLabel("Cause parente").SelectOptionAsync(new SelectOptionValue { Label = "Paiement" });
        await create.GetByRole(AriaRole.Button, new() { Name = "Créer", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Cause « Carte cadeau refusée » créée.");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "payment.carte-cadeau-refusee" });
        await Assertions.Expect(row.GetByRole(AriaRole.Cell).First).ToHaveTextAsync("Carte cadeau refusée");
        // The domain's owning team is the new cause's until it gets one of its own.
        await Assertions.Expect(row.GetByRole(AriaRole.Cell, new() { Name = "Paiement", Exact = true })).ToBeVisibleAsync();

        await row.GetByText("Modifier").ClickAsync();
        await row.GetByLabel("Nom", new() { Exact = true }).FillAsync("Carte cadeau refusée en caisse");
        await row.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Cause « Carte cadeau refusée en caisse » enregistrée.");
        await Assertions.Expect(row.GetByRole(AriaRole.Cell).First).ToHaveTextAsync("Carte cadeau refusée en caisse");

        await row.GetByText("Modifier").ClickAsync();
        await row.GetByLabel("Active", new() { Exact = true }).UncheckAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Cause « Carte cadeau refusée en caisse » enregistrée.");
        await Assertions.Expect(row.GetByRole(AriaRole.Cell).First).ToContainTextAsync("Désactivée");
        // No longer offered as a parent for a new cause.
        await Assertions.Expect(create.GetByLabel("Cause parente").Locator("option", new() { HasText = "Carte cadeau refusée en caisse" })).ToHaveCountAsync(0);
        await Assertions.Expect(create.GetByLabel("Cause parente").Locator("option", new() { HasText = "Paiement" }).First).ToBeAttachedAsync();
    }
}
