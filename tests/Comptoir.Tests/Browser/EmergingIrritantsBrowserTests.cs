using Comptoir.Features.DemoData;
using Comptoir.Tests.Features.Causes.Emerging;
using Comptoir.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Comptoir.Tests.Features.Causes.Digests.DigestClock;

namespace Comptoir.Tests.Browser;

public sealed class EmergingIrritantsBrowserTests(Infrastructure.Browser browser)
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_administrator_sees_a_surging_term_with_its_verbatims_and_makes_it_a_cause_in_one_step(Db db)
    {
        // The surge happens tomorrow, so that the sign-in cookie is never older than the browser's own clock.
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
        var first = tomorrow.AddDays(-9);
        var clock = new FakeTimeProvider(ParisTime(first.Year, first.Month, first.Day, 9));
        await using var database = await TestDatabase.CreateAsync(db);
        await using var host = Host(database, clock);
        var france = await host.CountryAsync("FR");
        for (var d = 0; d < 9; d++)
        {
            var day = first.AddDays(d);
            clock.SetUtcNow(ParisTime(day.Year, day.Month, day.Day, 11));
            await host.WriteAllAsync(clock, EmergingIrritantTests.Everyday.Skip(d % 2), france);
        }

        clock.SetUtcNow(ParisTime(tomorrow.Year, tomorrow.Month, tomorrow.Day, 15));
        await host.WriteAllAsync(clock, [.. EmergingIrritantTests.Everyday, .. EmergingIrritantTests.Surge], france);
        await host.WatchAsync();
        await using var context = await browser.NewContextAsync(host.Address);
        var page = await context.NewPageAsync();

        await SignInAsync(page, "admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Irritants émergents" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Irritants émergents");
        var signal = page.GetByRole(AriaRole.Article).Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "« 3ds2 »" }) }).Filter(new() { HasText = "Groupe" });
        await Assertions.Expect(signal.GetByRole(AriaRole.Heading)).ToContainTextAsync("Nouveau");
        await Assertions.Expect(signal.GetByText("10 contact(s) pour 0 attendu(s)")).ToBeVisibleAsync();
        await Assertions.Expect(signal.GetByText("Validation 3DS2 impossible depuis l'application.")).ToBeVisibleAsync();
        await Assertions.Expect(signal.GetByRole(AriaRole.Link, new() { Name = "Ouvrir la conversation" })).ToHaveCountAsync(5);

        await signal.GetByText("Créer une cause").ClickAsync();
        await Assertions.Expect(signal.GetByLabel("Nom", new() { Exact = true })).ToHaveValueAsync("3ds2");
        await signal.GetByLabel("Nom", new() { Exact = true }).FillAsync("Code 3DS2");
        await signal.GetByLabel("Domaine").SelectOptionAsync(new SelectOptionValue { Label = "Paiement" });
        await signal.GetByLabel("Équipe propriétaire").FillAsync("Paiement e-commerce");
        await signal.GetByRole(AriaRole.Button, new() { Name = "Créer la cause et réentraîner" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Cause « Code 3DS2 » créée : 10 exemple(s), 10 contact(s) reclassé(s), modèle réentraîné.");
        await Assertions.Expect(signal.GetByRole(AriaRole.Heading)).ToContainTextAsync("Cause créée");
        await Assertions.Expect(signal.GetByRole(AriaRole.Button, new() { Name = "Créer la cause et réentraîner" })).ToHaveCountAsync(0);
        await signal.GetByRole(AriaRole.Link, new() { Name = "Voir la cause dans la taxonomie" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Causes de contact");
        var cause = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "payment.code-3ds2" });
        await Assertions.Expect(cause.GetByRole(AriaRole.Cell, new() { Name = "Code 3DS2", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(cause.GetByRole(AriaRole.Cell, new() { Name = "Paiement e-commerce", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(cause.GetByRole(AriaRole.Cell, new() { Name = "10", Exact = true }).First).ToBeVisibleAsync();
    }

    internal static async Task SignInAsync(IPage page, string mailbox)
    {
        await page.GotoAsync("/connexion");
        await page.GetByLabel("Adresse e-mail").FillAsync(StaffSession.Demo(mailbox));
        await page.GetByLabel("Mot de passe").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
    }
}
