using System.Text.RegularExpressions;
using Comptoir.Features.Conversations;
using Comptoir.Features.DemoData;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Comptoir.Tests.Browser;

public sealed class AdvisorWorkspaceBrowserTests(FreshHosts hosts, Infrastructure.Browser browser) : IClassFixture<FreshHosts>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_advisor_takes_the_next_conversation_sees_the_customers_history_replies_and_closes(Db db)
    {
        var host = await hosts.GetAsync(db);
        var email = Contacts.NewEmail("awa");
        var earlier = await host.EmailAsync(email, "FUEL", "La station de Vénissieux affichait un prix faux hier.");
        await host.QueryAsync(c => c.Conversations.Where(x => x.Id == earlier.ConversationId).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Status, ConversationStatus.Closed).SetProperty(x => x.Subject, "Prix affiché faux à la station")));
        var current = await host.EmailAsync(email, "FUEL", "Ma carte a été débitée deux fois à la pompe 6 ce matin.");
        await using var context = await browser.NewContextAsync(host.Address);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/connexion");
        await page.GetByLabel("Adresse e-mail").FillAsync(StaffSession.Demo("conseiller.dakar"));
        await page.GetByLabel("Mot de passe").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Conversations" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Conversation suivante" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/app/conversations/{current.ConversationId}$"));
        await Assertions.Expect(page.GetByText("Ma carte a été débitée deux fois")).ToBeVisibleAsync();
        var history = page.GetByRole(AriaRole.Complementary);
        await Assertions.Expect(history.GetByText("Client reconnu")).ToBeVisibleAsync();
        await Assertions.Expect(history.GetByRole(AriaRole.Link, new() { Name = "Prix affiché faux à la station" })).ToBeVisibleAsync();

        await page.GetByLabel("Votre réponse (E-mail)").FillAsync("Bonjour, le second débit sera annulé sous 48 heures.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer la réponse" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Réponse envoyée.");
        await Assertions.Expect(page.GetByText("Bonjour, le second débit sera annulé sous 48 heures.")).ToBeVisibleAsync();

        await page.GetByLabel("Clore avec la raison").SelectOptionAsync("Remboursement accordé");
        await page.GetByRole(AriaRole.Button, new() { Name = "Clore la conversation" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Conversation close.");

        var closed = await host.ConversationAsync(current.ConversationId);
        Assert.Equal(ConversationStatus.Closed, closed.Status);
        Assert.Equal("Remboursement accordé", closed.CloseReason);
        Assert.Contains(closed.Messages, m => m.Direction == MessageDirection.Outbound && m.To == email && !m.IsAutomatic);
    }
}
