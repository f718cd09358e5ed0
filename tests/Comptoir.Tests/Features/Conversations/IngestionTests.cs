using Comptoir.Features.Conversations;
using Comptoir.Features.Conversations.Ingestion;
using Comptoir.Features.Customers;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comptoir.Tests.Features.Conversations;

public sealed class IngestionTests(Hosts hosts)
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_batch_with_the_same_message_twice_stores_it_once(Db db)
    {
        var host = await hosts.GetAsync(db);
        var email = Contacts.NewEmail();
        var id = $"<{Guid.NewGuid():N}@example.test>";
        var contact = await EmailContactAsync(host, email, id);

        var results = await host.Services.GetRequiredService<ContactIntake>().SubmitAsync([contact, contact, contact with { ExternalId = $"<{Guid.NewGuid():N}@example.test>" }], TestContext.Current.CancellationToken);

        Assert.Equal(results[0].MessageId, results[1].MessageId);
        Assert.False(results[0].Duplicate);
        Assert.True(results[1].Duplicate);
        Assert.NotEqual(results[0].MessageId, results[2].MessageId);
        Assert.Equal(1, await host.QueryAsync(c => c.Messages.CountAsync(m => m.ExternalId == id)));
        Assert.Equal(results[0].CustomerId, results[2].CustomerId);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Machines_get_no_acknowledgement_and_a_conversation_gets_at_most_three_automatic_messages(Db db)
    {
        var host = await hosts.GetAsync(db);
        var robot = await host.IngestAsync(await EmailContactAsync(host, "no-reply@shop.example") with { ExternalId = $"<{Guid.NewGuid():N}@x>" });
        var autoReply = await host.IngestAsync((await EmailContactAsync(host, Contacts.NewEmail())) with { IsAutomated = true });
        var customer = Contacts.NewEmail();
        var first = await host.IngestAsync(await EmailContactAsync(host, customer));
        var big = new InboundAttachment("photo.jpg", "image/jpeg", new byte[11 * 1024 * 1024]);
        for (var i = 0; i < 4; i++)
        {
            var previous = (await host.ConversationAsync(first.ConversationId)).Messages.Where(m => m.ExternalId is not null).OrderBy(m => m.Id).Last().ExternalId;
            await host.IngestAsync((await EmailContactAsync(host, customer)) with { InReplyTo = previous, References = [previous!], Attachments = [big] });
        }

        var conversation = await host.ConversationAsync(first.ConversationId);
        Assert.DoesNotContain((await host.ConversationAsync(robot.ConversationId)).Messages, m => m.Direction == MessageDirection.Outbound);
        Assert.DoesNotContain((await host.ConversationAsync(autoReply.ConversationId)).Messages, m => m.Direction == MessageDirection.Outbound);
        Assert.Equal(3, conversation.AutomaticMessages);
        Assert.Equal(3, conversation.Messages.Count(m => m.Direction == MessageDirection.Outbound && m.IsAutomatic));
        Assert.Contains(conversation.Messages, m => m.IsAutomatic && m.Body.Contains("« photo.jpg » dépasse 10 Mo", StringComparison.Ordinal));
        Assert.Empty(await host.QueryAsync(c => c.Attachments.Where(a => c.Messages.Any(m => m.Id == a.MessageId && m.ConversationId == first.ConversationId)).ToListAsync()));
        Assert.Equal(4, conversation.Messages.Count(m => m.Direction == MessageDirection.Note && m.Body.Contains("photo.jpg", StringComparison.Ordinal)));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Customer_html_is_sanitised_before_it_is_stored(Db db)
    {
        var host = await hosts.GetAsync(db);
        var contact = (await EmailContactAsync(host, Contacts.NewEmail())) with
        {
            Body = "",
            BodyHtml = "<p onclick=\"steal()\">Bonjour <b>vous</b></p><script>alert(1)</script><img src=\"https://tracker.example/p.gif\"><a href=\"javascript:alert(1)\">lien</a><a href=\"https://exemple.fr\">site</a>",
        };

        var result = await host.IngestAsync(contact);
        var message = (await host.ConversationAsync(result.ConversationId)).Messages.Single(m => m.Direction == MessageDirection.Inbound);

        Assert.DoesNotContain("script", message.BodyHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", message.BodyHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("tracker.example", message.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", message.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("<b>vous</b>", message.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"https://exemple.fr\"", message.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("Bonjour vous", message.Body, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_language_of_a_message_is_recognised_for_routing_and_the_acknowledgement(Db db)
    {
        var host = await hosts.GetAsync(db);

        var spanish = await host.IngestAsync((await EmailContactAsync(host, Contacts.NewEmail())) with { Body = "Hola, mi pedido no ha llegado y no tengo noticias. Gracias por su ayuda." });
        var conversation = await host.ConversationAsync(spanish.ConversationId);

        Assert.Equal("es", conversation.Language);
        Assert.StartsWith("Hola", conversation.Messages.Single(m => m.IsAutomatic).Body, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Stopping_answers_every_caller_still_waiting_and_a_webhook_is_told_to_retry(Db db)
    {
        await using var database = await TestDatabase.CreateAsync(db);
        await using var host = new ComptoirHost(database, new Dictionary<string, string?> { ["Ingestion:MaxBatch"] = "20" });
        using var client = host.CreateBrowserlessClient();
        var intake = host.Services.GetRequiredService<ContactIntake>();
        var template = await EmailContactAsync(host, Contacts.NewEmail());

        // Many batches queued, one being written when the application stops.
        var tasks = Enumerable.Range(0, 1_000)
            .Select(i => template with { ExternalId = $"<{Guid.NewGuid():N}@example.test>", From = $"stop{i}.{Guid.NewGuid():N}@example.test" })
            .Select(c => intake.SubmitAsync(c with { ReplyTo = c.From, Identities = [(IdentityKind.Email, c.From!)] }, CancellationToken.None))
            .ToList();
        await Task.WhenAny(tasks);
        await intake.StopAsync(TestContext.Current.CancellationToken);
        var answered = Task.WhenAll(tasks);
        await Task.WhenAny(answered, Task.Delay(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken));

        Assert.All(tasks, t => Assert.True(t.IsCompletedSuccessfully || t.IsCanceled, $"A caller is left {t.Status}."));
        Assert.Contains(tasks, t => t.IsCanceled);
        var late = await client.PostSignedAsync("/api/channels/sms", new { id = Guid.NewGuid().ToString(), from = Contacts.NewMobile(), text = "Bonjour" });
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, late.StatusCode);
        Assert.NotNull(late.Headers.RetryAfter);
    }

    private static async Task<InboundContact> EmailContactAsync(ComptoirHost host, string email, string? externalId = null) => new()
    {
        Channel = Channel.Email,
        ExternalId = externalId ?? $"<{Guid.NewGuid():N}@example.test>",
        At = DateTimeOffset.UtcNow,
        ActivityId = await host.ActivityAsync("ECOMMERCE"),
        Subject = "Livraison",
        Body = "Bonjour, le livreur n'est pas passé entre 16h et 18h comme prévu.",
        From = email,
        ReplyTo = email,
        Identities = [(IdentityKind.Email, email)],
        Proven = (IdentityKind.Email, email, IdentityProof.Weak),
    };
}
