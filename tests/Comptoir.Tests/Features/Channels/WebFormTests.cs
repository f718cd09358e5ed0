using System.Net;
using Comptoir.Features.Conversations;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Comptoir.Tests.Features.Channels;

public sealed class WebFormTests(Hosts hosts)
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_customer_writes_without_an_account_and_gets_a_conversation_with_deadlines_and_an_acknowledgement(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var client = host.CreateBrowserlessClient();
        var email = Contacts.NewEmail("marie");

        var response = await PostFormAsync(client, "/contact", email, "ECOMMERCE", "Ma livraison du 2 août n'est jamais arrivée, commande 608428726.");
        var id = ReferenceOf(response);
        var conversation = await host.ConversationAsync(id);

        Assert.Equal(Channel.WebForm, conversation.Channel);
        Assert.Equal(ConversationStatus.New, conversation.Status);
        Assert.Equal(await host.QueueAsync("ECOMMERCE"), conversation.QueueId);
        Assert.NotNull(conversation.FirstResponseDueAt);
        Assert.True(conversation.ResolutionDueAt > conversation.FirstResponseDueAt);
        Assert.False(conversation.CustomerRecognised);
        var acknowledgement = Assert.Single(conversation.Messages, m => m.Direction == MessageDirection.Outbound);
        Assert.True(acknowledgement.IsAutomatic);
        Assert.Equal(email, acknowledgement.To);
        Assert.Equal(Channel.Email, acknowledgement.Channel);
        Assert.Contains(id.ToString(System.Globalization.CultureInfo.InvariantCulture), acknowledgement.Body, StringComparison.Ordinal);
        Assert.Equal(DeliveryStatus.Pending, acknowledgement.Delivery);
        var identities = await host.QueryAsync(c => c.CustomerIdentities.Where(i => i.CustomerId == conversation.CustomerId).Select(i => i.Value).ToListAsync());
        Assert.Contains(OrderNumber(email), identities);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Posting_the_same_form_twice_stores_it_once(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var client = host.CreateBrowserlessClient();
        var email = Contacts.NewEmail();
        var page = await client.GetStringAsync("/contact");
        var fields = Fields(page, email, "CONSUMER", "Le yaourt nature avait un goût étrange ce matin.");

        var first = await client.PostAsync("/contact", new FormUrlEncodedContent(fields));
        var second = await client.PostAsync("/contact", new FormUrlEncodedContent(fields));

        Assert.Equal(ReferenceOf(first), ReferenceOf(second));
        Assert.Equal(1, await host.QueryAsync(c => c.Conversations.CountAsync(x => x.Customer!.Identities.Any(i => i.Value == email))));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_second_message_from_the_same_typed_address_is_proposed_for_merging_not_tied_to_the_known_customer(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var client = host.CreateBrowserlessClient();
        var email = Contacts.NewEmail();

        var first = await host.ConversationAsync(ReferenceOf(await PostFormAsync(client, "/contact", email, "FUEL", "La pompe 4 ne rend pas la monnaie.")));
        var second = await host.ConversationAsync(ReferenceOf(await PostFormAsync(client, "/contact", email.ToUpperInvariant(), "STORE_CARD", "Ma carte a été débitée deux fois.")));
        var proposed = await host.QueryAsync(c => c.DuplicateProposals.AnyAsync(p =>
            (p.CustomerId == first.CustomerId && p.OtherCustomerId == second.CustomerId) || (p.CustomerId == second.CustomerId && p.OtherCustomerId == first.CustomerId)));

        // Anyone can type an address in a form: it proves nothing, so an advisor decides.
        Assert.NotEqual(first.CustomerId, second.CustomerId);
        Assert.False(second.CustomerRecognised);
        Assert.True(proposed);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_message_to_a_store_director_goes_to_that_store_and_no_other(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var customer = host.CreateBrowserlessClient();
        var page = await customer.GetStringAsync("/contact?magasin=evry-2&directeur=true");

        var response = await PostFormAsync(customer, "/contact?magasin=evry-2&directeur=true", Contacts.NewEmail(), null, "Bravo pour l'accueil à la boulangerie ce matin !");
        var id = ReferenceOf(response);
        using var director = await host.SignInAsync(StaffSession.Demo("directeur.h001"));
        using var other = await host.SignInAsync(StaffSession.Demo("directeur.h020"));

        Assert.Contains("Écrire à", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        var conversation = await host.ConversationAsync(id);
        Assert.Equal(ConversationOwner.Store, conversation.Owner);
        Assert.Equal(await host.StoreAsync("H001"), conversation.StoreId);
        Assert.Equal(HttpStatusCode.OK, (await director.GetAsync($"/api/conversations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/conversations/{id}")).StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_form_says_what_to_fix_and_keeps_what_was_typed(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var client = host.CreateBrowserlessClient();

        var response = await PostFormAsync(client, "/contact", "pas-une-adresse", "ECOMMERCE", "court");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Cette adresse e-mail n'est pas valide.", html, StringComparison.Ordinal);
        Assert.Contains("Votre message est trop court", html, StringComparison.Ordinal);
        Assert.Contains("value=\"pas-une-adresse\"", html, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_robot_filling_the_hidden_field_is_answered_politely_and_nothing_is_stored(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var client = host.CreateBrowserlessClient();
        var email = Contacts.NewEmail("robot");
        var fields = Fields(await client.GetStringAsync("/contact"), email, "ECOMMERCE", "Buy cheap watches at this address now!");
        fields["Form.Website"] = "http://spam.example";

        var response = await client.PostAsync("/contact", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await host.QueryAsync(c => c.CustomerIdentities.CountAsync(i => i.Value == email)));
    }

    [Fact]
    public async Task The_form_refuses_a_flood_from_one_address()
    {
        await using var database = await TestDatabase.CreateAsync(Db.Sqlite);
        await using var host = new ComptoirHost(database, new Dictionary<string, string?> { ["RateLimits:PublicFormPerMinute"] = "2" });
        using var client = host.CreateBrowserlessClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await PostFormAsync(client, "/contact", Contacts.NewEmail(), "ECOMMERCE", "Message numéro " + i + " pour tester.")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    internal static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string email, string? topic, string message)
    {
        var page = await client.GetStringAsync(path);
        return await client.PostAsync(path, new FormUrlEncodedContent(Fields(page, email, topic, message)));
    }

    private static Dictionary<string, string> Fields(string page, string email, string? topic, string message)
    {
        var submission = System.Text.RegularExpressions.Regex.Match(page, "name=\"Form.SubmissionId\" value=\"([0-9a-f]+)\"").Groups[1].Value;
        var fields = new Dictionary<string, string>
        {
            ["Form.Name"] = "Marie Dupont",
            ["Form.Email"] = email,
            ["Form.Message"] = message,
            ["Form.SubmissionId"] = submission,
            ["Form.OrderNumber"] = OrderNumber(email),
            ["__RequestVerificationToken"] = StaffSession.AntiforgeryToken(page),
        };
        if (topic is not null)
        {
            fields["Form.Topic"] = topic;
        }

        return fields;
    }

    /// <summary>Each test customer has an order number of their own, derived from their unique address.</summary>
    internal static string OrderNumber(string email) =>
        "6" + (Math.Abs((long)email.GetHashCode(StringComparison.OrdinalIgnoreCase)) % 100_000_000).ToString("00000000", System.Globalization.CultureInfo.InvariantCulture);

    internal static long ReferenceOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return long.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
