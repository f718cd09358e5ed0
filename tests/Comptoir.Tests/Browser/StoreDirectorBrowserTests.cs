using System.Text.RegularExpressions;
using Comptoir.Features.DemoData;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Comptoir.Tests.Browser;

public sealed class StoreDirectorBrowserTests(Hosts hosts, Infrastructure.Browser browser)
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_store_director_signs_in_sees_their_store_and_is_refused_another_store(Db db)
    {
        var host = await hosts.GetAsync(db);
        var otherStore = await host.QueryAsync(c => c.Stores.Where(s => s.Code == "H020").Select(s => s.Id).SingleAsync());
        await using var context = await browser.NewContextAsync(host.Address);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/connexion");
        await page.GetByLabel("Adresse e-mail").FillAsync(StaffSession.Demo("directeur.h001"));
        await page.GetByLabel("Mot de passe").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/app$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mon magasin" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Hypermarché Évry 2").First).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Tableau de bord du magasin" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Rayons" })).ToBeVisibleAsync();

        var refused = await page.GotoAsync($"/app/magasins/{otherStore}");
        Assert.Equal(404, refused!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page introuvable" })).ToBeVisibleAsync();
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_customer_finds_the_director_of_their_store_and_reads_it_in_English(Db db)
    {
        var host = await hosts.GetAsync(db);
        await using var context = await browser.NewContextAsync(host.Address);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByPlaceholder("Ville, code postal ou nom du magasin").FillAsync("evry");
        await page.GetByRole(AriaRole.Button, new() { Name = "Trouver mon magasin" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Hypermarché Évry 2" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Votre directeur de magasin" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "06 39 98 00 01" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your store director" })).ToBeVisibleAsync();
    }
}
