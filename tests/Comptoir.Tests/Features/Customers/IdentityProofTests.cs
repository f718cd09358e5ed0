using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comptoir.Features.Conversations;
using Comptoir.Features.Conversations.Delivery;
using Comptoir.Features.Customers;
using Comptoir.Tests.Features.Channels;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comptoir.Tests.Features.Customers;

/// <summary>Identities are proven or not: a value typed in a form never joins an existing customer by itself (decision 17).</summary>
public sealed class IdentityProofTests(Hosts hosts)
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Typed_details_of_a_customer_never_take_over_their_customer_nor_their_SMS_conversation(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var client = host.CreateBrowserlessClient();
        var victimPhone = Contacts.NewMobile();
        var attackerEmail = Contacts.NewEmail("attaquant");
        var secondPhone = Contacts.NewMobile();

        // The victim texts from their own number and has an open conversation.
        var victimSms = await SmsAsync(client, victimPhone, "Bonjour, ma carte de fidélité a été refusée en caisse.");
        var victimId = (await host.ConversationAsync(victimSms)).CustomerId!.Value;

        // The attacker types the victim's number beside their own address, then their address beside a second number,
        // then texts from that second number.
        var firstForm = await host.ConversationAsync(WebFormTests.ReferenceOf(await PostFormAsync(client, attackerEmail, "0" + victimPhone[3..], "Je change de numéro.")));
        var secondForm = await host.ConversationAsync(WebFormTests.ReferenceOf(await PostFormAsync(client, attackerEmail, secondPhone, "Voici mon nouveau numéro.")));
        var attackerSms = await SmsAsync(client, secondPhone, "Pouvez-vous me rappeler le solde de ma carte ?");

        using var advisor = await host.SignInAsync(StaffSession.Demo("conseiller.evry"));
        var reply = await advisor.PostAsJsonAsync($"/api/conversations/{attackerSms}/replies", new { body = "Bonjour, votre solde est de 42 points.", waitForCustomer = true });
        await host.Services.GetRequiredService<DeliverOutboundMessages>().RunOnceAsync(TestContext.Current.CancellationToken);
        var attackerView = await advisor.GetFromJsonAsync<JsonElement>($"/api/conversations/{attackerSms}");
        var attackerPage = WebUtility.HtmlDecode(await advisor.GetStringAsync($"/app/conversations/{attackerSms}"));

        // The victim's customer gained nothing.
        var victimIdentities = await host.QueryAsync(c => c.CustomerIdentities.Where(i => i.CustomerId == victimId).Select(i => i.Value).ToListAsync());
        Assert.Equal([victimPhone], victimIdentities);

        // The SMS from the second number is not threaded into the victim's conversation, and its answer goes there only.
        Assert.NotEqual(victimSms, attackerSms);
        var victimConversation = await host.ConversationAsync(victimSms);
        Assert.Single(victimConversation.Messages, m => m.Direction == MessageDirection.Inbound);
        Assert.DoesNotContain(victimConversation.Messages, m => m.Direction == MessageDirection.Outbound && !m.IsAutomatic);
        Assert.Equal(HttpStatusCode.NoContent, reply.StatusCode);
        var sent = host.Services.GetRequiredService<LoopbackMessagingSender>().Sent.Where(m => m.Body.Contains("42 points", StringComparison.Ordinal)).ToList();
        Assert.Equal(secondPhone, Assert.Single(sent).To);
        Assert.Equal(attackerSms, sent[0].ConversationId);

        // No contact of the attacker is the victim, nor recognised as anyone.
        var attacker = new[] { firstForm, secondForm, await host.ConversationAsync(attackerSms) };
        Assert.All(attacker, c => Assert.NotEqual(victimId, c.CustomerId));
        Assert.All(attacker, c => Assert.False(c.CustomerRecognised));
        Assert.False(attackerView.GetProperty("customer").GetProperty("recognised").GetBoolean());
        Assert.DoesNotContain("Client reconnu", attackerPage, StringComparison.Ordinal);

        // The typed number of the victim became a merge proposal for an advisor, and stays on the contact as given.
        var proposals = await host.QueryAsync(c => c.DuplicateProposals
            .Where(p => p.CustomerId == victimId || p.OtherCustomerId == victimId)
            .Select(p => p.CustomerId == victimId ? p.OtherCustomerId : p.CustomerId)
            .ToListAsync());
        Assert.Contains(firstForm.CustomerId!.Value, proposals);
        Assert.Contains($"Phone:{victimPhone}", firstForm.Messages.Single(m => m.Direction == MessageDirection.Inbound).GivenIdentities, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_SMS_from_a_known_number_is_recognised_and_continues_its_own_recent_conversation(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var client = host.CreateBrowserlessClient();
        var mobile = Contacts.NewMobile();
        var otherMobile = Contacts.NewMobile();

        var first = await SmsAsync(client, mobile, "Mon colis n'est pas arrivé.");
        var customerId = (await host.ConversationAsync(first)).CustomerId!.Value;
        // Another number the advisor merged into the same customer: its SMS keep a conversation of their own.
        var other = await SmsAsync(client, otherMobile, "C'est mon second téléphone.");
        var otherCustomer = (await host.ConversationAsync(other)).CustomerId!.Value;
        await host.QueryAsync(c => c.CustomerIdentities.Where(i => i.CustomerId == otherCustomer).ExecuteUpdateAsync(s => s.SetProperty(i => i.CustomerId, customerId)));
        var followUp = await SmsAsync(client, "0" + mobile[3..], "Toujours rien ce matin.");
        var fromOther = await SmsAsync(client, otherMobile, "Et sur ce numéro-ci ?");

        var conversation = await host.ConversationAsync(followUp);
        Assert.Equal(first, followUp);
        Assert.Equal(2, conversation.Messages.Count(m => m.Direction == MessageDirection.Inbound));
        Assert.Equal(other, fromOther);
        var identity = await host.QueryAsync(c => c.CustomerIdentities.SingleAsync(i => i.Value == mobile));
        Assert.Equal(customerId, identity.CustomerId);
        Assert.Equal(IdentityProof.Verified, identity.Proof);
        Assert.NotNull(identity.ProvenAt);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_known_proven_number_links_a_new_conversation_to_its_customer_as_recognised(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var client = host.CreateBrowserlessClient();
        var mobile = Contacts.NewMobile();

        var first = await SmsAsync(client, mobile, "Mon colis n'est pas arrivé.");
        var firstConversation = await host.ConversationAsync(first);
        await host.QueryAsync(c => c.Conversations.Where(x => x.Id == first)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastActivityAt, DateTimeOffset.UtcNow.AddDays(-30)).SetProperty(x => x.Status, ConversationStatus.Closed).SetProperty(x => x.ClosedAt, DateTimeOffset.UtcNow.AddDays(-30))));
        var later = await host.ConversationAsync(await SmsAsync(client, mobile, "Une autre question, sur ma carte."));

        Assert.NotEqual(first, later.Id);
        Assert.False(firstConversation.CustomerRecognised);
        Assert.True(later.CustomerRecognised);
        Assert.Equal(firstConversation.CustomerId, later.CustomerId);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_customer_page_marks_unverified_identities_and_masks_an_unverified_card(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var client = host.CreateBrowserlessClient();
        var email = Contacts.NewEmail();
        var mobile = Contacts.NewMobile();
        var card = "913" + mobile[^8..];

        var form = await host.ConversationAsync(WebFormTests.ReferenceOf(await PostFormAsync(client, email, null, "Ma carte ne marche plus.", card)));
        var sms = await host.ConversationAsync(await SmsAsync(client, mobile, "Bonjour"));
        await host.QueryAsync(c => c.CustomerIdentities.Where(i => i.CustomerId == sms.CustomerId).ExecuteUpdateAsync(s => s.SetProperty(i => i.CustomerId, form.CustomerId)));
        using var advisor = await host.SignInAsync(StaffSession.Demo("conseiller.evry"));

        var page = WebUtility.HtmlDecode(await advisor.GetStringAsync($"/app/clients/{form.CustomerId}"));
        var customer = await advisor.GetFromJsonAsync<JsonElement>($"/api/customers/{form.CustomerId}");
        var conversationPage = WebUtility.HtmlDecode(await advisor.GetStringAsync($"/app/conversations/{form.Id}"));
        var found = await advisor.GetFromJsonAsync<JsonElement>($"/api/customers?q={Uri.EscapeDataString(email)}");

        var items = System.Text.RegularExpressions.Regex.Matches(page, "<li><small>[^<]*</small>(?<line>(?:(?!</li>).)*)</li>", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => m.Groups["line"].Value).ToList();
        Assert.Contains(items, i => i.Contains(email, StringComparison.Ordinal) && i.Contains("non vérifié", StringComparison.Ordinal));
        Assert.Contains(items, i => i.Contains(mobile, StringComparison.Ordinal) && !i.Contains("non vérifié", StringComparison.Ordinal));
        Assert.Contains(items, i => i.Contains("••••" + card[^4..], StringComparison.Ordinal) && i.Contains("non vérifié", StringComparison.Ordinal));
        Assert.DoesNotContain(card, page, StringComparison.Ordinal);
        Assert.Contains("Donné par le client, non vérifié", conversationPage, StringComparison.Ordinal);
        Assert.Contains("••••" + card[^4..], conversationPage, StringComparison.Ordinal);
        Assert.DoesNotContain(card, conversationPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Client reconnu", conversationPage, StringComparison.Ordinal);
        var shown = found[0].GetProperty("identities").EnumerateArray().Select(i => i.GetString()).ToList();
        Assert.Contains(shown, i => i!.EndsWith("••••" + card[^4..], StringComparison.Ordinal));
        Assert.DoesNotContain(card, shown);
        Assert.Contains(customer.GetProperty("identities").EnumerateArray(), i => i.GetProperty("value").GetString() == email && i.GetProperty("proof").GetString() == "Unverified");
        Assert.Contains(customer.GetProperty("identities").EnumerateArray(), i => i.GetProperty("value").GetString() == mobile && i.GetProperty("proof").GetString() == "Verified");
    }

    private static async Task<long> SmsAsync(HttpClient client, string from, string text)
    {
        var response = await client.PostSignedAsync("/api/channels/sms", new { id = Guid.NewGuid().ToString(), from, to = "36000", text, activity = "ECOMMERCE" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetInt64();
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string email, string? phone, string message, string? card = null)
    {
        var page = await client.GetStringAsync("/contact");
        var fields = new Dictionary<string, string>
        {
            ["Form.Name"] = "Marie Dupont",
            ["Form.Email"] = email,
            ["Form.Topic"] = "ECOMMERCE",
            ["Form.Message"] = message,
            ["Form.SubmissionId"] = System.Text.RegularExpressions.Regex.Match(page, "name=\"Form.SubmissionId\" value=\"([0-9a-f]+)\"").Groups[1].Value,
            ["__RequestVerificationToken"] = StaffSession.AntiforgeryToken(page),
        };
        if (phone is not null)
        {
            fields["Form.Phone"] = phone;
        }

        if (card is not null)
        {
            fields["Form.LoyaltyCard"] = card;
        }

        return await client.PostAsync("/contact", new FormUrlEncodedContent(fields));
    }
}
