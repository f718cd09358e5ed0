using System.Net;
using System.Net.Http.Json;
using Comptoir.Features.Conversations;
using Comptoir.Features.Conversations.Ingestion;
using Comptoir.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Comptoir.Tests.Features.Channels.Email;

public sealed class EmailConversationTests(Hosts hosts)
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_acknowledgement_reaches_the_customer_threaded_and_their_reply_lands_in_the_same_conversation(Db db)
    {
        using var desk = await EmailDesk.OpenAsync(await hosts.GetAsync(db));
        var customer = MailServer.NewAddress("claire.martin", "example.test");
        var letter = desk.Letter(customer, "Yaourt périmé", "Bonjour, j'ai acheté un yaourt périmé au magasin d'Évry.", name: "Claire Martin");

        await desk.ReceiveAsync(letter);
        await desk.PollAsync();
        await desk.DeliverAsync();

        var ack = Assert.Single(await desk.Mail.InboxAsync(customer));
        var conversation = await desk.ConversationOfAsync(letter.MessageId);
        Assert.Equal(desk.Address, ack.From.Mailboxes.Single().Address);
        Assert.Equal(letter.MessageId, ack.InReplyTo);
        Assert.Contains(letter.MessageId, ack.References);
        Assert.Equal("auto-replied", ack.Headers["Auto-Submitted"]);
        Assert.Contains("Yaourt périmé", ack.Subject, StringComparison.Ordinal);
        Assert.Contains($"référence {conversation.Id}", ack.TextBody, StringComparison.Ordinal);
        Assert.Contains(conversation.Messages, m => m.ExternalId == $"<{ack.MessageId}>" && m.Delivery == DeliveryStatus.Sent);

        var reply = desk.Letter(customer, "Re: " + ack.Subject, "Merci, j'ai gardé le ticket de caisse.", name: "Claire Martin");
        reply.InReplyTo = ack.MessageId;
        reply.References.Add(letter.MessageId!);
        reply.References.Add(ack.MessageId!);
        await desk.ReceiveAsync(reply);
        await desk.PollAsync();
        await desk.DeliverAsync();

        var continued = await desk.ConversationOfAsync(reply.MessageId);
        Assert.Equal(conversation.Id, continued.Id);
        Assert.Equal(2, continued.Messages.Count(m => m.Direction == MessageDirection.Inbound));
        Assert.Single(await desk.Mail.InboxAsync(customer));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_advisor_reply_reaches_the_customer_threaded_under_their_message(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var desk = await EmailDesk.OpenAsync(host);
        var customer = MailServer.NewAddress("jean.petit", "example.test");
        var letter = desk.Letter(customer, "Commande 7781 non livrée", "Bonjour, ma commande devait arriver samedi.", name: "Jean Petit");
        await desk.ReceiveAsync(letter);
        await desk.PollAsync();
        var conversation = await desk.ConversationOfAsync(letter.MessageId);

        using var advisor = await host.SignInAsync(StaffSession.Demo("conseiller.evry"));
        var replied = await advisor.PostAsJsonAsync($"/api/conversations/{conversation.Id}/replies", new
        {
            body = "Bonjour Monsieur Petit,\n\nVotre commande part ce matin ; vous serez livré demain avant 13 h.\n\nAwa, service client",
        });
        await desk.DeliverAsync();

        Assert.Equal(HttpStatusCode.NoContent, replied.StatusCode);
        var inbox = await desk.Mail.InboxAsync(customer);
        var answer = Assert.Single(inbox, m => m.Headers["Auto-Submitted"] is null);
        Assert.Equal(2, inbox.Count);
        Assert.Equal(letter.MessageId, answer.InReplyTo);
        Assert.Equal(letter.MessageId, answer.References[^1]);
        Assert.Equal($"Re: Commande 7781 non livrée [Réf. {conversation.Id}]", answer.Subject);
        Assert.Contains("livré demain avant 13 h", answer.TextBody, StringComparison.Ordinal);
        Assert.Equal("utf-8", ((TextPart)answer.Body!).ContentType.Charset, ignoreCase: true);
        var stored = await host.QueryAsync(c => c.Messages.SingleAsync(m => m.ExternalId == "<" + answer.MessageId + ">"));
        Assert.Equal(conversation.Id, stored.ConversationId);
        Assert.Equal(DeliveryStatus.Sent, stored.Delivery);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_advisor_reply_goes_to_the_reply_to_addresses_and_the_customer_is_recognised_by_the_sender(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var desk = await EmailDesk.OpenAsync(host);
        var work = MailServer.NewAddress("luc.bernard", "bureau.example.test");
        var home = MailServer.NewAddress("luc", "maison.example.test");
        var partner = MailServer.NewAddress("anne", "maison.example.test");
        var letter = desk.Letter(work, "Carte cadeau bloquée", "Bonjour, répondez-moi à la maison, s'il vous plaît.", name: "Luc Bernard");
        letter.ReplyTo.Add(new MailboxAddress("Luc", home));
        letter.ReplyTo.Add(new MailboxAddress("Anne", partner));
        await desk.ReceiveAsync(letter);
        await desk.PollAsync();
        var conversation = await desk.ConversationOfAsync(letter.MessageId);

        using var advisor = await host.SignInAsync(StaffSession.Demo("conseiller.evry"));
        var replied = await advisor.PostAsJsonAsync($"/api/conversations/{conversation.Id}/replies", new
        {
            body = "Bonjour Monsieur Bernard,\n\nVotre carte cadeau est débloquée.\n\nAwa, service client",
        });
        await desk.DeliverAsync();

        Assert.Equal(HttpStatusCode.NoContent, replied.StatusCode);
        Assert.Empty(await desk.Mail.InboxAsync(work));
        foreach (var address in new[] { home, partner })
        {
            var inbox = await desk.Mail.InboxAsync(address);
            var answer = Assert.Single(inbox, m => m.Headers["Auto-Submitted"] is null);
            Assert.Contains("carte cadeau est débloquée", answer.TextBody, StringComparison.Ordinal);
            Assert.Equal([home, partner], answer.To.Mailboxes.Select(m => m.Address));
            Assert.Equal(letter.MessageId, answer.InReplyTo);
        }

        var inbound = Assert.Single(conversation.Messages, m => m.Direction == MessageDirection.Inbound);
        Assert.Equal(work, inbound.From);
        Assert.Equal($"{home}, {partner}", inbound.ReplyTo);
        var identities = await host.QueryAsync(c => c.CustomerIdentities.Where(i => i.CustomerId == conversation.CustomerId).Select(i => i.Value).ToListAsync());
        Assert.Equal([work], identities);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Auto_submitted_bulk_and_no_reply_messages_get_no_acknowledgement(Db db)
    {
        using var desk = await EmailDesk.OpenAsync(await hosts.GetAsync(db));
        var robot = MailServer.NewAddress("robot", "example.test");
        var vacation = desk.Letter(robot, "Absence du bureau", "Je suis absente jusqu'au 3 janvier.");
        vacation.Headers.Add("Auto-Submitted", "auto-replied");
        var newsletter = desk.Letter(robot, "Nos promotions", "Découvrez nos offres de la semaine.");
        newsletter.Headers.Add("Precedence", "bulk");
        newsletter.Headers.Add("List-Id", "<promotions.example.test>");
        var noReply = desk.Letter($"no-reply.{Guid.NewGuid():N}@example.test", "Votre colis", "Votre colis a été livré.");
        var human = desk.Letter(robot, "Une vraie question", "Bonjour, quels sont vos horaires ?");
        human.Headers.Add("Auto-Submitted", "no");

        foreach (var letter in new[] { vacation, newsletter, noReply, human })
        {
            await desk.ReceiveAsync(letter);
        }

        await desk.PollAsync();
        await desk.DeliverAsync();

        foreach (var letter in new[] { vacation, newsletter, noReply })
        {
            var conversation = await desk.ConversationOfAsync(letter.MessageId);
            Assert.DoesNotContain(conversation.Messages, m => m.Direction == MessageDirection.Outbound);
        }

        var only = Assert.Single(await desk.Mail.InboxAsync(robot));
        Assert.Equal(human.MessageId, only.InReplyTo);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Two_robots_answering_each_other_stop_at_the_cap(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var desk = await EmailDesk.OpenAsync(host);
        var cap = host.Services.GetRequiredService<IOptions<IngestionOptions>>().Value.MaxAutomaticMessages;
        var robot = MailServer.NewAddress("ticket-system", "example.test");
        await desk.ReceiveAsync(desk.Letter(robot, "Ticket 1 ouvert", "Votre demande a été enregistrée.", name: "Support"));

        // The other robot answers everything it receives with a new thread, and marks nothing as automatic.
        var answered = 0;
        for (var round = 0; round < cap + 3; round++)
        {
            await desk.PollAsync();
            await desk.DeliverAsync();
            var inbox = await desk.Mail.InboxAsync(robot);
            foreach (var _ in inbox.Skip(answered))
            {
                await desk.ReceiveAsync(desk.Letter(robot, $"Ticket {round + 2} ouvert", "Votre demande a été enregistrée.", name: "Support"));
            }

            answered = inbox.Count;
        }

        Assert.Equal(cap, (await desk.Mail.InboxAsync(robot)).Count);
        Assert.Equal(cap + 1, await host.QueryAsync(c => c.Conversations.CountAsync(v => v.MailboxId == desk.MailboxId)));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_oversized_attachment_is_refused_and_the_sender_told_why(Db db)
    {
        var host = await hosts.GetAsync(db);
        using var desk = await EmailDesk.OpenAsync(host);
        var limit = host.Services.GetRequiredService<IOptions<IngestionOptions>>().Value.MaxAttachmentBytes;
        var customer = MailServer.NewAddress("sophie", "example.test");
        var letter = desk.Letter(customer, "Vidéo du produit abîmé", "Bonjour, voici la vidéo et la photo du carton.");
        var body = new BodyBuilder { TextBody = "Bonjour, voici la vidéo et la photo du carton." };
        body.Attachments.Add("video-carton.mp4", new byte[limit + 1], new ContentType("video", "mp4"));
        body.Attachments.Add("photo-carton.jpg", new byte[2048], new ContentType("image", "jpeg"));
        letter.Body = body.ToMessageBody();

        await desk.ReceiveAsync(letter);
        await desk.PollAsync();
        await desk.DeliverAsync();

        var conversation = await desk.ConversationOfAsync(letter.MessageId);
        var inbound = Assert.Single(conversation.Messages, m => m.Direction == MessageDirection.Inbound);
        var kept = Assert.Single(inbound.Attachments);
        Assert.Equal("photo-carton.jpg", kept.FileName);
        Assert.Equal(2048, kept.Size);
        Assert.Contains(conversation.Messages, m => m.Direction == MessageDirection.Note && m.Body.Contains("video-carton.mp4", StringComparison.Ordinal));
        var notice = Assert.Single(await desk.Mail.InboxAsync(customer));
        Assert.Contains("« video-carton.mp4 » dépasse", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("plusieurs fichiers plus petits", notice.TextBody, StringComparison.Ordinal);
    }
}
