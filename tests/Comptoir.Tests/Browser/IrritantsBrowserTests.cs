using System.Text.RegularExpressions;
using Comptoir.Features.DemoData;
using Comptoir.Tests.Features.Causes.Digests;
using Comptoir.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace Comptoir.Tests.Browser;

public sealed class IrritantsBrowserTests(Infrastructure.Browser browser)
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_country_executive_opens_the_morning_digest_and_follows_an_irritant_to_what_customers_said(Db db)
    {
        // Tomorrow, so that the sign-in cookie is never older than the browser's own clock.
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
        var clock = new FakeTimeProvider(DigestClock.ParisTime(tomorrow.Year, tomorrow.Month, tomorrow.Day, 8));
        await using var database = await TestDatabase.CreateAsync(db);
        await using var host = DigestClock.Host(database, clock);
        var france = await host.CountryAsync("FR");
        var contact = await host.WriteAsync(clock, DigestClock.ThreeDs, france);
        clock.SetUtcNow(DigestClock.ParisTime(tomorrow.Year, tomorrow.Month, tomorrow.Day, 10, 2));
        await host.ProduceAsync();
        await using var context = await browser.NewContextAsync(host.Address);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/connexion");
        await page.GetByLabel("Adresse e-mail").FillAsync(StaffSession.Demo("direction.fr"));
        await page.GetByLabel("Mot de passe").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Irritants", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Top des irritants · France");
        await Assertions.Expect(page.GetByText("je ne reçois jamais le code de ma banque").First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Paiement › Échec 3-D Secure" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Paiement › Échec 3-D Secure");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "je ne reçois jamais le code de ma banque" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"Ouvrir la conversation {contact}" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/app/conversations/{contact}$"));
        await Assertions.Expect(page.GetByText("je ne reçois jamais le code de ma banque").First).ToBeVisibleAsync();
    }
}
