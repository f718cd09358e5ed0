using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comptoir.Features.Conversations;
using Comptoir.Features.Conversations.Ingestion;
using Comptoir.Features.Customers;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Tests.Features.Customers;

public sealed class CustomerTests(Hosts hosts)
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_customer_is_recognised_across_channels_and_their_page_shows_every_interaction_newest_first(Db db)
    {
        var host = await hosts.GetAsync(db);
        var mobile = Contacts.NewMobile();
        // Channels that prove the number: a call, then an SMS, then a call again (whatever the spelling).
        var viaCall = await host.IngestAsync(await ContactAsync(host, Channel.Phone, "Ma commande drive", phone: "0" + mobile[3..]));
        var viaSms = await host.IngestAsync(await ContactAsync(host, Channel.Sms, "Toujours pas de nouvelles", phone: mobile));
        var viaCallAgain = await host.IngestAsync(await ContactAsync(host, Channel.Phone, "Je relance pour ma commande.", phone: mobile));
        using var advisor = await host.SignInAsync(StaffSession.Demo("conseiller.evry"));

        var customer = await advisor.GetFromJsonAsync<JsonElement>($"/api/customers/{viaCall.CustomerId}");
        var byPhone = await advisor.GetFromJsonAsync<JsonElement>($"/api/customers?q={Uri.EscapeDataString("06" + mobile[4..])}");
        var page = WebUtility.HtmlDecode(await advisor.GetStringAsync($"/app/clients/{viaCall.CustomerId}"));

        Assert.False(viaCall.CustomerRecognised);
        Assert.True(viaSms.CustomerRecognised);
        Assert.True(viaCallAgain.CustomerRecognised);
        Assert.Equal(viaCall.CustomerId, viaSms.CustomerId);
        Assert.Equal(viaCall.CustomerId, viaCallAgain.CustomerId);
        var history = customer.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("id").GetInt64()).ToList();
        Assert.Equal([viaCallAgain.ConversationId, viaSms.ConversationId, viaCall.ConversationId], history);
        Assert.Equal(viaCall.CustomerId, byPhone[0].GetProperty("id").GetInt64());
        Assert.True(page.IndexOf("Je relance", StringComparison.Ordinal) < page.IndexOf("Ma commande drive", StringComparison.Ordinal));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_typed_detail_of_a_known_customer_proposes_a_merge_that_can_be_undone(Db db)
    {
        var host = await hosts.GetAsync(db);
        var email = Contacts.NewEmail();
        var mobile = Contacts.NewMobile();
        var byEmail = await host.EmailAsync(email, "STORE_CARD", "Prélèvement en double sur ma carte.");
        // A form proves neither: it gets a customer of its own, holding the new number as typed.
        var byForm = await host.IngestAsync(await ContactAsync(host, Channel.WebForm, "C'est encore moi, pour ma carte", email: email, phone: mobile, activity: "STORE_CARD"));
        using var advisor = await host.SignInAsync(StaffSession.Demo("conseiller.saint-etienne"));

        var before = await advisor.GetFromJsonAsync<JsonElement>($"/api/customers/{byEmail.CustomerId}");
        var merge = await advisor.PostAsJsonAsync($"/api/customers/{byEmail.CustomerId}/merges", new { mergedId = byForm.CustomerId });
        var mergeId = await merge.Content.ReadFromJsonAsync<long>();
        var merged = await advisor.GetFromJsonAsync<JsonElement>($"/api/customers/{byEmail.CustomerId}");
        var formOwnerAfterMerge = (await host.ConversationAsync(byForm.ConversationId)).CustomerId;
        var undo = await advisor.PostAsync($"/api/customers/merges/{mergeId}/undo", null);
        var formOwnerAfterUndo = (await host.ConversationAsync(byForm.ConversationId)).CustomerId;
        var phoneOwnerAfterUndo = await host.QueryAsync(c => c.CustomerIdentities.Where(i => i.Value == mobile).Select(i => i.CustomerId).SingleAsync());

        Assert.NotEqual(byEmail.CustomerId, byForm.CustomerId);
        Assert.False(byForm.CustomerRecognised);
        Assert.Equal(byForm.CustomerId, before.GetProperty("duplicates")[0].GetProperty("otherCustomerId").GetInt64());
        Assert.Equal(HttpStatusCode.OK, merge.StatusCode);
        Assert.Equal(0, merged.GetProperty("duplicates").GetArrayLength());
        Assert.Contains(merged.GetProperty("identities").EnumerateArray(), i => i.GetProperty("value").GetString() == mobile);
        Assert.Equal(byEmail.CustomerId, formOwnerAfterMerge);
        Assert.Equal(HttpStatusCode.NoContent, undo.StatusCode);
        Assert.Equal(byForm.CustomerId, formOwnerAfterUndo);
        Assert.Equal(byForm.CustomerId, phoneOwnerAfterUndo);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Phone_numbers_and_addresses_match_whatever_their_spelling(Db db)
    {
        var host = await hosts.GetAsync(db);
        var mobile = Contacts.NewMobile();
        var spellings = new[] { mobile, "0" + mobile[3..], "+33 (0)" + mobile[3..], "0033" + mobile[3..], string.Join(' ', ("0" + mobile[3..]).Chunk(2).Select(c => new string(c))) };

        var results = new List<IngestResult>();
        foreach (var spelling in spellings)
        {
            results.Add(await host.IngestAsync(await ContactAsync(host, Channel.Sms, "Bonjour", phone: spelling)));
        }

        Assert.Single(results.Select(r => r.CustomerId).Distinct());
        Assert.Equal(mobile, IdentityValue.Normalize(IdentityKind.Phone, spellings[2]));
        Assert.Equal("marie.dupont@xn--exempl-gva.fr", IdentityValue.Normalize(IdentityKind.Email, " Marie.Dupont@Exemplé.FR "));
        Assert.Null(IdentityValue.Normalize(IdentityKind.Email, "pas une adresse"));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_outsourced_advisor_cannot_open_a_customer_outside_its_work(Db db)
    {
        var host = await hosts.GetAsync(db);
        var contact = await host.EmailAsync(Contacts.NewEmail(), "CONSUMER", "Question sur un produit bio.");
        using var tunis = await host.SignInAsync(StaffSession.Demo("conseiller.tunis"));
        using var antananarivo = await host.SignInAsync(StaffSession.Demo("conseiller.antananarivo"));

        Assert.Equal(HttpStatusCode.NotFound, (await tunis.GetAsync($"/api/customers/{contact.CustomerId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tunis.GetAsync($"/app/clients/{contact.CustomerId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await antananarivo.GetAsync($"/api/customers/{contact.CustomerId}")).StatusCode);
    }

    private static async Task<InboundContact> ContactAsync(ComptoirHost host, Channel channel, string text, string? email = null, string? phone = null, string activity = "ECOMMERCE") => new()
    {
        Channel = channel,
        ExternalId = $"{channel}:{Guid.NewGuid():N}",
        At = DateTimeOffset.UtcNow,
        ActivityId = await host.ActivityAsync(activity),
        Body = text,
        From = email ?? phone,
        ReplyTo = email ?? phone,
        Identities = [.. email is null ? [] : new[] { (IdentityKind.Email, email) }, .. phone is null ? [] : new[] { (IdentityKind.Phone, phone) }],
        // What the channel proves, as its adapter says it: the operator proves numbers, a form nothing.
        Proven = channel is Channel.Sms or Channel.Phone && phone is not null ? (IdentityKind.Phone, phone, IdentityProof.Verified) : null,
    };
}
