using System.Net;
using System.Net.Http.Json;
using Comptoir.Features.Conversations;
using Comptoir.Features.Routing;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comptoir.Tests.Features.Conversations;

/// <summary>The advisor's day: reply, note, transfer, close, within capacity and scope (taking work: <see cref="NextConversationTests"/>).</summary>
public sealed class WorkspaceTests(FreshHosts hosts) : IClassFixture<FreshHosts>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_advisor_answers_notes_transfers_and_closes_a_conversation(Db db)
    {
        var host = await hosts.GetAsync(db);
        var email = Contacts.NewEmail();
        var contact = await host.EmailAsync(email, "CONSUMER", "Le yaourt aux fruits avait un goût de moisi.", storeId: await host.StoreAsync("H001"));
        using var advisor = await host.SignInAsync(StaffSession.Demo("conseiller.saint-etienne"));
        var id = contact.ConversationId;

        var take = await advisor.PostAsync($"/api/conversations/{id}/take", null);
        var reply = await advisor.PostAsJsonAsync($"/api/conversations/{id}/replies", new { body = "Nous sommes désolés, pouvez-vous nous envoyer le numéro de lot ?", waitForCustomer = true });
        var waiting = await host.ConversationAsync(id);
        var note = await advisor.PostAsJsonAsync($"/api/conversations/{id}/notes", new { body = "Lot 24-118 déjà signalé par deux clients." });
        var bakery = await host.QueryAsync(c => c.Departments.Where(d => d.Code == "CHEESE").Select(d => d.Id).SingleAsync());
        var transfer = await advisor.PostAsJsonAsync($"/api/conversations/{id}/transfer", new { departmentId = bakery, note = "Retirer le lot du rayon." });
        var transferred = await host.ConversationAsync(id);
        using var departmentManager = await host.SignInAsync(StaffSession.Demo("directeur.h001"));
        var close = await departmentManager.PostAsJsonAsync($"/api/conversations/{id}/close", new { reason = "Résolu" });
        var closed = await host.ConversationAsync(id);

        Assert.Equal(HttpStatusCode.NoContent, take.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, reply.StatusCode);
        Assert.Equal(ConversationStatus.WaitingForCustomer, waiting.Status);
        Assert.NotNull(waiting.FirstResponseAt);
        Assert.NotNull(waiting.PausedAt);
        var answer = waiting.Messages.Single(m => m.Direction == MessageDirection.Outbound && !m.IsAutomatic);
        Assert.Equal(email, answer.To);
        Assert.StartsWith("Re: ", answer.Subject, StringComparison.Ordinal);
        Assert.Contains($"[Réf. {id}]", answer.Subject, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, note.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, transfer.StatusCode);
        Assert.Equal(ConversationOwner.Store, transferred.Owner);
        Assert.Equal(bakery, transferred.DepartmentId);
        Assert.Null(transferred.AssignedToId);
        Assert.Equal(2, transferred.Messages.Count(m => m.Direction == MessageDirection.Note));
        Assert.Equal(HttpStatusCode.NoContent, close.StatusCode);
        Assert.Equal(ConversationStatus.Closed, closed.Status);
        Assert.Equal("Résolu", closed.CloseReason);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_customer_answering_reopens_the_conversation_and_moves_the_paused_deadline(Db db)
    {
        var host = await hosts.GetAsync(db);
        var email = Contacts.NewEmail();
        var contact = await host.EmailAsync(email, "ECOMMERCE");
        using var advisor = await host.SignInAsync(StaffSession.Demo("conseiller.evry"));
        await advisor.PostAsJsonAsync($"/api/conversations/{contact.ConversationId}/replies", new { body = "Pouvez-vous confirmer votre adresse ?", waitForCustomer = true });
        var answer = (await host.ConversationAsync(contact.ConversationId)).Messages.Single(m => m.Direction == MessageDirection.Outbound && !m.IsAutomatic);

        var customerReply = await host.EmailAsync(email, "ECOMMERCE", "Oui, 12 rue des Lilas.", inReplyTo: answer.ExternalId);
        var resumed = await host.ConversationAsync(contact.ConversationId);

        Assert.Equal(contact.ConversationId, customerReply.ConversationId);
        Assert.False(customerReply.NewConversation);
        Assert.Equal(ConversationStatus.Open, resumed.Status);
        Assert.Null(resumed.PausedAt);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_advisor_at_capacity_is_told_to_finish_a_conversation_first(Db db)
    {
        var host = await hosts.GetAsync(db);
        var advisorId = await host.StaffAsync("conseiller2.evry");
        await host.QueryAsync(c => c.AdvisorProfiles.Where(p => p.StaffMemberId == advisorId).ExecuteUpdateAsync(s => s.SetProperty(p => p.WrittenCapacity, 1).SetProperty(p => p.CallCapacity, 0)));
        using var advisor = await host.SignInAsync(StaffSession.Demo("conseiller2.evry"));
        await host.EmailAsync(Contacts.NewEmail(), "ECOMMERCE");
        await host.EmailAsync(Contacts.NewEmail(), "ECOMMERCE");

        var first = await advisor.PostAsync("/api/conversations/next", null);
        var second = await advisor.PostAsync("/api/conversations/next", null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("capacité", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_outsourced_advisor_sees_only_its_sites_work(Db db)
    {
        var host = await hosts.GetAsync(db);
        var ecommerce = await host.EmailAsync(Contacts.NewEmail(), "ECOMMERCE");
        var consumer = await host.EmailAsync(Contacts.NewEmail(), "CONSUMER");
        var takenByEvry = await host.EmailAsync(Contacts.NewEmail(), "ECOMMERCE");
        using var evry = await host.SignInAsync(StaffSession.Demo("conseiller3.evry"));
        await evry.PostAsync($"/api/conversations/{takenByEvry.ConversationId}/take", null);
        using var tunis = await host.SignInAsync(StaffSession.Demo("conseiller.tunis"));

        var own = await tunis.GetAsync($"/api/conversations/{ecommerce.ConversationId}");
        var otherQueue = await tunis.GetAsync($"/api/conversations/{consumer.ConversationId}");
        var otherSite = await tunis.GetAsync($"/api/conversations/{takenByEvry.ConversationId}");
        var otherSitePage = await tunis.GetAsync($"/app/conversations/{takenByEvry.ConversationId}");
        var otherSiteReply = await tunis.PostAsJsonAsync($"/api/conversations/{takenByEvry.ConversationId}/replies", new { body = "Bonjour" });

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherQueue.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherSite.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherSitePage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherSiteReply.StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_queue_past_its_threshold_overflows_to_trained_sites_and_comes_back_when_drained(Db db)
    {
        var host = await hosts.GetAsync(db);
        await host.DrainAsync(null);
        var queue = await host.QueueAsync("CAR_RENTAL");
        await host.QueryAsync(c => c.Queues.Where(q => q.Id == queue).ExecuteUpdateAsync(s => s.SetProperty(q => q.OverflowAbove, 2).SetProperty(q => q.OverflowBelow, 0)));
        var balance = host.Services.GetRequiredService<BalanceQueues>();
        using var evry = await host.SignInAsync(StaffSession.Demo("conseiller3.evry"));
        using var tunis = await host.SignInAsync(StaffSession.Demo("conseiller3.tunis"));
        for (var i = 0; i < 3; i++)
        {
            await host.EmailAsync(Contacts.NewEmail(), "CAR_RENTAL", "La voiture louée avait le réservoir vide.");
        }

        var beforeOverflow = await evry.PostAsync("/api/conversations/next", null);
        await balance.RunOnceAsync(TestContext.Current.CancellationToken);
        var overflowing = await host.QueryAsync(c => c.Queues.Where(q => q.Id == queue).Select(q => q.Overflowing).SingleAsync());
        var untrained = await tunis.PostAsync("/api/conversations/next", null);
        var fromEvry = await evry.PostAsync("/api/conversations/next", null);
        await host.DrainAsync("CAR_RENTAL");
        await balance.RunOnceAsync(TestContext.Current.CancellationToken);
        var drained = await host.QueryAsync(c => c.Queues.Where(q => q.Id == queue).Select(q => q.Overflowing).SingleAsync());

        Assert.Equal(HttpStatusCode.NoContent, beforeOverflow.StatusCode);
        Assert.True(overflowing);
        Assert.Equal(HttpStatusCode.NoContent, untrained.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fromEvry.StatusCode);
        Assert.False(drained);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Supervisors_see_waiting_work_oldest_wait_and_available_advisors_per_site(Db db)
    {
        var host = await hosts.GetAsync(db);
        await host.DrainAsync("FUEL");
        await host.EmailAsync(Contacts.NewEmail(), "FUEL", "La station était fermée à 20h alors qu'elle affiche 22h.");
        using var advisor = await host.SignInAsync(StaffSession.Demo("conseiller.dakar"));
        await advisor.PostAsJsonAsync("/api/me/presence", new { presence = "Available" });
        using var supervisor = await host.SignInAsync(StaffSession.Demo("superviseur.dakar"));

        var board = WebUtility.HtmlDecode(await supervisor.GetStringAsync("/app/supervision"));
        var otherSite = await supervisor.GetStringAsync("/app/supervision");

        Assert.Contains("Dakar (Webhelp)", board, StringComparison.Ordinal);
        Assert.Contains("Carburant", board, StringComparison.Ordinal);
        Assert.DoesNotContain("Tunis (Armatis)", otherSite, StringComparison.Ordinal);
    }
}
