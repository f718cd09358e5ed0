using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comptoir.Features.Conversations;
using Comptoir.Features.Conversations.Ingestion;
using Comptoir.Features.Customers;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Tests.Features.Authorization;

/// <summary>
/// What a staff member takes in, answers or records is their site's work: they and their site open it, and no
/// other site does, wherever it is routed.
/// </summary>
public sealed class AssignedWorkScopingTests(Hosts hosts)
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_answered_call_is_its_advisors_and_their_sites_and_no_other_sites(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var telephony = host.CreateBrowserlessClient();
        var answered = await (await telephony.PostSignedAsync("/api/channels/phone/calls", new
        {
            callId = Guid.NewGuid().ToString(),
            caller = Contacts.NewMobile(),
            activity = "SWITCHBOARD",
            waitSeconds = 20,
            durationSeconds = 95,
            outcome = "answered",
            advisor = StaffSession.Demo("conseiller.evry"),
        })).Content.ReadFromJsonAsync<JsonElement>();
        var id = answered.GetProperty("conversationId").GetInt64();
        using var advisor = await host.SignInAsync(StaffSession.Demo("conseiller.evry"));
        using var siteManager = await host.SignInAsync(StaffSession.Demo("responsable.evry"));
        using var tunisAdvisor = await host.SignInAsync(StaffSession.Demo("conseiller.tunis"));
        using var tunisSupervisor = await host.SignInAsync(StaffSession.Demo("superviseur.tunis"));

        var mine = await advisor.GetFromJsonAsync<JsonElement>("/api/conversations?view=Mine&size=100");
        var call = await host.ConversationAsync(id);

        Assert.Equal(await host.QueryAsync(c => c.ServiceSites.Where(s => s.Code == "EVRY").Select(s => (int?)s.Id).SingleAsync()), call.AssignedSiteId);
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), row => row.GetProperty("id").GetInt64() == id);
        foreach (var (who, client) in new[] { ("conseiller.evry", advisor), ("responsable.evry", siteManager) })
        {
            Assert.True((await client.GetAsync($"/api/conversations/{id}")).StatusCode == HttpStatusCode.OK, $"{who} reads the call on the API");
            Assert.True((await client.GetAsync($"/app/conversations/{id}")).StatusCode == HttpStatusCode.OK, $"{who} opens the call's page");
        }

        foreach (var (who, client) in new[] { ("conseiller.tunis", tunisAdvisor), ("superviseur.tunis", tunisSupervisor) })
        {
            Assert.True((await client.GetAsync($"/api/conversations/{id}")).StatusCode == HttpStatusCode.NotFound, $"{who} must not read the call on the API");
            Assert.True((await client.GetAsync($"/app/conversations/{id}")).StatusCode == HttpStatusCode.NotFound, $"{who} must not open the call's page");
            Assert.True((await client.PostAsJsonAsync($"/api/conversations/{id}/notes", new { body = "Note d'un autre site." })).StatusCode == HttpStatusCode.NotFound, $"{who} must not add a note");
        }

        Assert.DoesNotContain((await host.ConversationAsync(id)).Messages, m => m.Body == "Note d'un autre site.");
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_call_answered_by_a_member_of_no_service_site_is_quarantined(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var telephony = host.CreateBrowserlessClient();
        var callId = Guid.NewGuid().ToString();

        var response = await telephony.PostSignedAsync("/api/channels/phone/calls", new
        {
            callId,
            caller = Contacts.NewMobile(),
            activity = "SWITCHBOARD",
            outcome = "answered",
            advisor = StaffSession.Demo("directeur.h001"),
        });

        Assert.False(await host.QueryAsync(c => c.CallRecords.AnyAsync(r => r.ExternalId == callId)));
        Assert.True(await host.QueryAsync(c => c.RawInbound.AnyAsync(r => r.ExternalId == callId)), $"Answered {(int)response.StatusCode}; the call should wait in quarantine.");
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_letter_recorded_by_an_advisor_opens_for_them_and_their_site_wherever_it_is_routed(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var advisor = await host.SignInAsync(StaffSession.Demo("conseiller.evry"));
        using var siteManager = await host.SignInAsync(StaffSession.Demo("responsable.evry"));
        var form = await advisor.GetStringAsync("/app/courrier/nouveau");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(StaffSession.AntiforgeryToken(form)), "__RequestVerificationToken" },
            { new StringContent("Paul Durand"), "Form.SenderName" },
            { new StringContent(Contacts.NewEmail("lettre")), "Form.Email" },
            { new StringContent("CONSUMER"), "Form.Activity" },
            { new StringContent("Madame, Monsieur, la garantie de mon grille-pain n'a pas été honorée."), "Form.Text" },
        };

        var recorded = await advisor.PostAsync("/app/courrier/nouveau", content);
        var location = recorded.Headers.Location!.OriginalString;
        var id = long.Parse(location.Split('/').Last(), CultureInfo.InvariantCulture);
        var letter = await host.ConversationAsync(id);
        var evry = await host.QueryAsync(c => c.ServiceSites.Where(s => s.Code == "EVRY").Select(s => s.Id).SingleAsync());
        var queueHomes = await host.QueryAsync(c => c.Queues.Where(q => q.Id == letter.QueueId).SelectMany(q => q.HomeSites.Select(h => h.SiteId)).ToListAsync());

        // The letter's queue is served elsewhere: only its being Évry's work lets Évry open it.
        Assert.DoesNotContain(evry, queueHomes);
        Assert.Equal(evry, letter.AssignedSiteId);
        Assert.Equal(ConversationStatus.New, letter.Status);
        Assert.Equal(HttpStatusCode.OK, (await advisor.GetAsync(location)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await siteManager.GetAsync($"/api/conversations/{id}")).StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_customers_history_hides_what_the_reader_may_not_open(Db db)
    {
        var host = await hosts.GetAsync(db);
        var email = Contacts.NewEmail("historique");
        var ownSubject = "Question sur ma carte " + Guid.NewGuid().ToString("N")[..8];
        var foreignSubject = "Litige confidentiel " + Guid.NewGuid().ToString("N")[..8];
        var own = await ContactHandledByAsync(host, email, ownSubject, "conseiller.tunis", "TUNIS");
        var foreign = await ContactHandledByAsync(host, email, foreignSubject, "conseiller.evry", "EVRY");
        using var tunis = await host.SignInAsync(StaffSession.Demo("conseiller.tunis"));

        var customer = await tunis.GetFromJsonAsync<JsonElement>($"/api/customers/{own.CustomerId}");
        var conversation = await tunis.GetFromJsonAsync<JsonElement>($"/api/conversations/{own.ConversationId}");
        var customerPage = await tunis.GetStringAsync($"/app/clients/{own.CustomerId}");
        var conversationPage = await tunis.GetStringAsync($"/app/conversations/{own.ConversationId}");

        Assert.Equal(own.CustomerId, foreign.CustomerId);
        foreach (var history in new[] { customer.GetProperty("history"), conversation.GetProperty("customer").GetProperty("history") })
        {
            var lines = history.EnumerateArray().ToList();
            Assert.Equal(2, lines.Count);
            var visible = Assert.Single(lines, l => l.GetProperty("visible").GetBoolean());
            var hidden = Assert.Single(lines, l => !l.GetProperty("visible").GetBoolean());
            Assert.Equal(own.ConversationId, visible.GetProperty("id").GetInt64());
            Assert.Equal(ownSubject, visible.GetProperty("subject").GetString());
            Assert.Equal(JsonValueKind.Null, hidden.GetProperty("subject").ValueKind);
            Assert.Equal(JsonValueKind.Null, hidden.GetProperty("id").ValueKind);
            Assert.Equal("Email", hidden.GetProperty("channel").GetString());
        }

        Assert.DoesNotContain(foreignSubject, customer.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(foreignSubject, conversation.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(foreignSubject, customerPage, StringComparison.Ordinal);
        Assert.DoesNotContain(foreignSubject, conversationPage, StringComparison.Ordinal);
        Assert.Contains(ownSubject, customerPage, StringComparison.Ordinal);
    }

    /// <summary>An e-mail from the customer, answered by an advisor of a site: that site's work.</summary>
    private static async Task<IngestResult> ContactHandledByAsync(ComptoirHost host, string email, string subject, string advisor, string site) =>
        await host.IngestAsync(new InboundContact
        {
            Channel = Channel.Email,
            ExternalId = $"<{Guid.NewGuid():N}@example.test>",
            At = DateTimeOffset.UtcNow,
            ActivityId = await host.ActivityAsync("ECOMMERCE"),
            Subject = subject,
            Body = "Bonjour, pouvez-vous m'aider ?",
            From = email,
            Identities = [(IdentityKind.Email, email)],
            Proven = (IdentityKind.Email, email, IdentityProof.Weak),
            HandledById = await host.StaffAsync(advisor),
            SiteId = await host.QueryAsync(c => c.ServiceSites.Where(s => s.Code == site).Select(s => (int?)s.Id).SingleAsync()),
        });
}
